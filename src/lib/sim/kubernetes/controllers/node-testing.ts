// Test support for the node controllers: a control plane with Nodes, their Leases and Pods preloaded,
// one controller under test on kube-controller-manager's context, a "kubelet" client to play the
// heartbeats by hand, and the requests the controller sent (what a table-driven test compares).
import { ControlPlane, DEFAULT_EPOCH, type ComponentContext } from '../control-plane';
import { rfc3339 } from '../objects';
import type { Condition, Lease, Node, Pod, Taint, Toleration } from '../types';

export const KCM = 'kube-controller-manager';
const EVENT = /^POST \/api\/v1\/namespaces\/[^/]+\/events \(/;
const at = (ms: number) => rfc3339(DEFAULT_EPOCH, ms);

export function node(name: string, ready: Condition['status'] = 'True', taints: Taint[] = [], heartbeatMs = 0): Node {
	const cond = (type: string, status: Condition['status'], reason: string): Condition => ({ type, status, reason, lastHeartbeatTime: at(heartbeatMs), lastTransitionTime: at(0) });
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: { name, uid: `uid-${name}`, resourceVersion: '', creationTimestamp: at(0) },
		spec: { taints },
		status: { conditions: [cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory'), cond('Ready', ready, ready === 'True' ? 'KubeletReady' : 'NodeStatusUnknown')] }
	};
}

export const lease = (name: string, renewMs = 0): Lease => ({
	apiVersion: 'coordination.k8s.io/v1',
	kind: 'Lease',
	metadata: { name, namespace: 'kube-node-lease', uid: `lease-${name}`, resourceVersion: '', creationTimestamp: at(0) },
	spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: at(renewMs) }
});

/** A Running, Ready Pod on `nodeName` with the admission defaults' tolerations (unless given). */
export function boundPod(name: string, nodeName: string, tolerations: Toleration[] = DEFAULT_TOLERATIONS): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '', creationTimestamp: at(0) },
		spec: { nodeName, containers: [{ name: 'nginx', image: 'nginx' }], tolerations, terminationGracePeriodSeconds: 30 },
		status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at(0) }] }
	};
}

export const DEFAULT_TOLERATIONS: Toleration[] = [
	{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
	{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }
];

export function harness(seed: string, objects: (Node | Lease | Pod)[], start: (ctx: ComponentContext) => void) {
	const cp = new ControlPlane({ seed, nodes: objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name) });
	cp.preload(...objects);
	start(cp.context(KCM));
	const kubelet = cp.client('kubectl');
	const { queue, trace } = cp.sim;
	return {
		cp,
		/** Runs simulated time up to `ms`. */
		until: (ms: number) => queue.runUntil(ms),
		/** At `ms`, something outside the controller writes (a kubelet's heartbeat, an admin's taint…). */
		at: (ms: number, fn: (client: typeof kubelet) => void) => queue.schedule({ at: ms }, () => fn(kubelet)),
		/** The controller's requests but Events: "PATCH /api/v1/nodes/node-2 (taint …)" with the second they were sent at. */
		requests: () => trace.messages().filter((m) => m.from === KCM && !m.summary.startsWith('GET ') && !EVENT.test(m.summary)).map((m) => `${Math.floor(m.time / 1000)}s ${m.summary}`),
		/** The Events it posted: "NodeNotReady: Node node-2 status is now: NodeNotReady". */
		events: () => trace.messages().flatMap((m) => (m.from === KCM && EVENT.test(m.summary) ? [m.summary.replace(EVENT, '').slice(0, -1)] : [])),
		notes: () => trace.entries.flatMap((e) => (e.type === 'note' && e.actor === KCM ? [e.text] : [])),
		node: (name: string) => cp.apiserver.storage.get(`/registry/minions/${name}`) as Node,
		pod: (name: string) => cp.apiserver.storage.get(`/registry/pods/default/${name}`) as Pod | undefined
	};
}

/** The kubelet's Lease renewal: a PUT with a fresh renewTime (no resourceVersion: last writer wins). */
export function renew(client: ReturnType<ControlPlane['client']>, name: string, ms: number): void {
	const l = lease(name, ms);
	client.update({ ...l, metadata: { name, namespace: 'kube-node-lease' } } as Lease);
}
