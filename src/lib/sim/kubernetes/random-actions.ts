// A seeded generator of random API traffic, for property tests: creates, stale and fresh updates,
// patches, deletes, bindings, scales and watches from many components and users, interleaved in time.
import type { Prng } from '../core/prng';
import type { ControlPlane } from './control-plane';
import { deployment, node, pod } from './fixtures';
import type { Pod } from './types';

const COMPONENTS = ['kubectl', 'kube-scheduler', 'kube-controller-manager', 'kubelet-1', 'kubelet-2', 'kube-proxy-1', 'cloud-controller-manager'];
const USERS = [undefined, undefined, undefined, 'jane', 'mallory'];
const NODES = ['node-1', 'node-2'];

/** Schedules `count` random actions over `spanMs` of simulated time. */
export function randomActions(cp: ControlPlane, rng: Prng, count: number, spanMs = 2000): void {
	const names: string[] = [];
	const seen = new Map<string, Pod>();
	const client = () => cp.client(rng.pick(COMPONENTS), rng.pick(USERS));
	/** Mostly the component whose job it is, sometimes anyone (often refused). */
	const usually = (component: string) => (rng.int(3) ? cp.client(component) : client());
	const name = () => (names.length ? rng.pick(names) : 'missing');
	const remember = (r: { ok: boolean; object?: unknown }) => {
		if (r.ok && r.object) {
			const p = r.object as Pod;
			if (!names.includes(p.metadata.name)) names.push(p.metadata.name);
			seen.set(p.metadata.name, p);
		}
	};
	const actions: (() => void)[] = [
		() => usually('kubectl').create(pod(rng.int(3) === 0 ? `p${rng.int(20)}` : 'web-'), { done: remember }),
		() => client().create(deployment(`d${rng.int(3)}`, rng.int(5))),
		() => {
			const p = seen.get(name());
			if (p) client().update({ ...p, metadata: { ...p.metadata, labels: { v: String(rng.int(9)) } } }, { done: remember });
		},
		() => client().patch('Pod', { name: name() }, { metadata: { labels: { tier: rng.pick(['a', 'b']) } } }),
		() => client().patch('Pod', { name: name() }, { status: { phase: 'Running' } }, { subresource: 'status' }),
		() => client().delete('Pod', { name: name() }, rng.int(2) ? { gracePeriodSeconds: 0 } : {}),
		() => usually('kube-scheduler').bind({ name: name() }, rng.pick(NODES)),
		() => client().scale('Deployment', { name: `d${rng.int(3)}` }, rng.int(6)),
		() => client().watch('Pod', { fieldSelector: rng.int(2) ? `spec.nodeName=${rng.pick(NODES)}` : undefined, labelSelector: rng.int(2) ? 'v=1' : undefined, onEvent: () => {} })
	];
	for (let i = 0; i < count; i++) {
		const act = rng.pick(actions);
		cp.sim.queue.schedule({ at: rng.int(spanMs) }, act, null);
	}
}

/**
 * More traffic, on its own PRNG stream (so `randomActions` is unchanged beside it): the two Nodes are
 * created, then tainted and untainted (NoExecute and NoSchedule), cordoned and uncordoned, and random
 * Pods evicted, by the components whose job it is or by anyone (often refused).
 */
export function randomNodeActions(cp: ControlPlane, rng: Prng, count: number, spanMs = 2000): void {
	const client = () => cp.client(rng.pick(COMPONENTS), rng.pick(USERS));
	const usually = (component: string) => (rng.int(3) ? cp.client(component) : client());
	for (const name of NODES) cp.sim.queue.schedule({ at: 0 }, () => cp.client('kubectl').create(node(name)), null);
	const taints = () => rng.pick([[], [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }], [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]]);
	/** A Pod that exists when the action runs (a user who just listed them), or one that does not. */
	const somePod = () => {
		const pods = cp.apiserver.storage.list('/registry/pods/') as Pod[];
		return pods.length && rng.int(4) ? rng.pick(pods).metadata.name : 'missing';
	};
	const actions: (() => void)[] = [
		() => usually('kube-controller-manager').patch('Node', { name: rng.pick(NODES) }, { spec: { taints: taints() } }),
		() => usually('kubectl').patch('Node', { name: rng.pick(NODES) }, { spec: { unschedulable: rng.int(2) ? true : null } }),
		() => usually('kubectl').evict({ name: somePod() })
	];
	for (let i = 0; i < count; i++) {
		const act = rng.pick(actions);
		cp.sim.queue.schedule({ at: 1 + rng.int(spanMs) }, act, null);
	}
}
