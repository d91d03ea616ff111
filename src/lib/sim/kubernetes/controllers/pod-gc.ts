// The pod garbage collector of kube-controller-manager (pkg/controller/podgc), the orphan part: every
// 20 s (gcCheckPeriod) it looks for Pods bound to a node its Node informer does not have; such a node is
// quarantined for 40 s, then looked up on the API server (a GET, in case the cache is behind). Still
// 404: each of its Pods is marked Failed with DisruptionTarget (DeletionByPodGC, "PodGC: node no longer
// exists") and force-deleted (grace 0): no kubelet is left to finish them. What K3 ends with when
// cloud-controller-manager deletes the Node of a VM that is gone.
import type { ComponentContext } from '../control-plane';
import { DEFAULT_EPOCH } from '../control-plane';
import { rfc3339 } from '../objects';
import type { Pod } from '../types';
import { informer } from './informer';

export const GC_CHECK_PERIOD_MS = 20_000;
export const QUARANTINE_MS = 40_000;

export function startPodGarbageCollector(ctx: ComponentContext, options: { epochMs?: number } = {}): void {
	const epochMs = options.epochMs ?? DEFAULT_EPOCH;
	const pods = informer(ctx, 'Pod');
	const nodes = informer(ctx, 'Node');
	/** Missing node → when it may be checked (AddAfter quarantine; adding it again does not postpone it). */
	const quarantine = new Map<string, number>();
	const checking = new Set<string>();
	const gc = () => {
		ctx.after(GC_CHECK_PERIOD_MS, gc);
		if (!pods.synced || !nodes.synced) return;
		const now = ctx.now();
		for (const pod of pods.list()) {
			const node = pod.spec.nodeName;
			if (node && !nodes.get(`/${node}`) && !quarantine.has(node)) quarantine.set(node, now + QUARANTINE_MS);
		}
		for (const [node, due] of [...quarantine]) {
			if (due > now || checking.has(node)) continue;
			quarantine.delete(node);
			if (nodes.get(`/${node}`)) continue;
			checking.add(node);
			ctx.client.get('Node', { name: node }, {
				done: (r) => {
					checking.delete(node);
					if (r.ok || r.code !== 404) return;
					const orphans = pods.list((p) => p.spec.nodeName === node);
					if (orphans.length) ctx.after(0, () => orphans.forEach(collect), `${node} no longer exists (404 after ${QUARANTINE_MS / 1000} s in quarantine): force-delete its ${orphans.length} Pod${orphans.length > 1 ? 's' : ''}`);
				}
			});
		}
	};
	ctx.after(0, gc);

	/** markFailedAndDeletePodWithCondition */
	function collect(pod: Pod): void {
		const ref = { name: pod.metadata.name, namespace: pod.metadata.namespace };
		const del = () => ctx.client.delete('Pod', ref, { gracePeriodSeconds: 0 });
		if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return del();
		const condition = { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: rfc3339(epochMs, ctx.now()) };
		const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
		ctx.client.patch('Pod', ref, { status: { phase: 'Failed', conditions } }, { subresource: 'status', note: 'Failed, DisruptionTarget: DeletionByPodGC', done: del });
	}
}
