// kubectl's node maintenance commands (k8s.io/kubectl/pkg/drain): cordon and uncordon are a GET of the
// Node and a PATCH of spec.unschedulable; drain is cordon, then the node's Pods (GET with a field
// selector), each evicted (POST pods/<p>/eviction; with --disable-eviction a DELETE), then a GET of
// each every second until it is gone. Pods with no controller stop the drain, as without --force.
import type { ApiError, ApiResult } from '../apiserver/status';
import type { ApiClient } from '../client';
import type { ControlPlane } from '../control-plane';
import { controllerOf } from '../controllers/informer';
import type { Node, Pod } from '../types';

/** What kubectl prints at the end ("node/node-2 drained"), or the error. */
export type NodeDone = (result: { ok: true; output: string } | ApiError | { ok: false; code: 0; message: string }) => void;

export interface KubectlNodes {
	/** `kubectl cordon <node>` → GET, PATCH {"spec":{"unschedulable":true}}. */
	cordon(node: string, done?: NodeDone): void;
	/** `kubectl uncordon <node>` → GET, PATCH {"spec":{"unschedulable":null}}. */
	uncordon(node: string, done?: NodeDone): void;
	/** `kubectl drain <node> --ignore-daemonsets [--disable-eviction]`. */
	drain(node: string, done?: NodeDone, options?: { disableEviction?: boolean }): void;
}

/** drain's poll interval while it waits for the deleted Pods to be gone (waitForDelete). */
const POLL_MS = 1_000;

export function makeKubectlNodes(cp: ControlPlane, client: ApiClient): KubectlNodes {
	const setUnschedulable = (node: string, on: boolean, done: NodeDone) =>
		client.get('Node', { name: node }, {
			done: (g: ApiResult<Node>) => {
				if (!g.ok) return done(g);
				const verb = on ? 'cordoned' : 'uncordoned';
				if (Boolean(g.object.spec.unschedulable) === on) return done({ ok: true, output: `node/${node} already ${verb}` });
				client.patch('Node', { name: node }, { spec: { unschedulable: on ? true : null } }, { done: (p) => done(p.ok ? { ok: true, output: `node/${node} ${verb}` } : p) });
			}
		});

	/** Polls each deleted Pod until the API says 404 (or it is another Pod by now: another uid). */
	const waitForDelete = (pods: Pod[], then: () => void) => {
		let left = pods.length;
		if (left === 0) return then();
		const poll = (pod: Pod) =>
			client.get('Pod', pod.metadata, {
				done: (r) => {
					if (r.ok && r.object.metadata.uid === pod.metadata.uid) return void cp.sim.queue.schedule({ after: POLL_MS }, () => poll(pod));
					if (--left === 0) then();
				}
			});
		for (const pod of pods) cp.sim.queue.schedule({ after: POLL_MS }, () => poll(pod));
	};

	return {
		cordon(node, done = () => undefined) {
			cp.action(`kubectl cordon ${node}`, () => setUnschedulable(node, true, done));
		},
		uncordon(node, done = () => undefined) {
			cp.action(`kubectl uncordon ${node}`, () => setUnschedulable(node, false, done));
		},
		drain(node, done = () => undefined, { disableEviction = false } = {}) {
			cp.action(`kubectl drain ${node} --ignore-daemonsets${disableEviction ? ' --disable-eviction' : ''}`, () =>
				setUnschedulable(node, true, (cordoned) => {
					if (!cordoned.ok) return done(cordoned);
					client.list('Pod', {
						fieldSelector: `spec.nodeName=${node}`,
						done: (l) => {
							if (!l.ok) return done(l);
							const pods = l.items.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
							const bare = pods.filter((p) => !controllerOf(p));
							if (bare.length) return done({ ok: false, code: 0, message: `cannot delete Pods that declare no controller (use --force to override): ${bare.map((p) => `${p.metadata.namespace ?? ''}/${p.metadata.name}`).join(', ')}` });
							let answered = 0;
							const deleted = () => ++answered === pods.length && waitForDelete(pods, () => done({ ok: true, output: `node/${node} drained` }));
							if (pods.length === 0) return done({ ok: true, output: `node/${node} drained` });
							for (const pod of pods) {
								if (disableEviction) client.delete('Pod', pod.metadata, { note: `drain ${node}`, done: deleted });
								else client.evict(pod.metadata, { note: `drain ${node}`, done: deleted });
							}
						}
					});
				})
			);
		}
	};
}
