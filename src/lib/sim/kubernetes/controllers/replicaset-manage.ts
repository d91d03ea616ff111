// manageReplicas (pkg/controller/replicaset/replica_set.go): create the missing Pods in slow-start
// batches, or delete the surplus, best-ranked victims first. Both wait for every answer before the
// sync goes on to write status, as the real worker does.
import type { ComponentContext } from '../control-plane';
import { clone } from '../objects';
import type { Pod, ReplicaSet } from '../types';
import type { Expectations } from './expectations';
import { keyOf } from './informer';
import { podsToDelete } from './ranking';

/** The most Pods one sync creates or deletes (burstReplicas). */
export const BURST_REPLICAS = 500;
/** controller.SlowStartInitialBatchSize. */
const INITIAL_BATCH = 1;

/**
 * slowStartBatch: calls fn for 1, then 2, 4, 8… at once, each batch only after the previous one has
 * all succeeded, so a create that every request fails (quota, admission) fails once, not count times.
 * `finished` gets the number that succeeded.
 */
export function slowStartBatch(count: number, fn: (batch: number, done: (ok: boolean) => void) => void, finished: (successes: number) => void): void {
	let remaining = count;
	let successes = 0;
	let batch = 0;
	const next = (size: number): void => {
		if (size <= 0) return finished(successes);
		batch++;
		let pending = size;
		let failed = 0;
		for (let i = 0; i < size; i++)
			fn(batch, (ok) => {
				if (!ok) failed++;
				if (--pending > 0) return;
				successes += size - failed;
				if (failed) return finished(successes);
				remaining -= size;
				next(Math.min(2 * size, remaining));
			});
	};
	next(Math.min(count, INITIAL_BATCH));
}

/** A Pod of the ReplicaSet's template (controller.GetPodFromTemplate), named by the API server. */
export const podFromTemplate = (rs: ReplicaSet) => ({
	kind: 'Pod' as const,
	metadata: {
		generateName: `${rs.metadata.name}-`,
		namespace: rs.metadata.namespace,
		labels: { ...rs.spec.template.metadata?.labels },
		...(rs.spec.template.metadata?.annotations ? { annotations: { ...rs.spec.template.metadata.annotations } } : {}),
		ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]
	},
	spec: clone(rs.spec.template.spec)
});

export interface Manage {
	ctx: ComponentContext;
	expectations: Expectations;
	/** Wall-clock now (ms since 1970), for the log-scale comparisons of the ranking. */
	wallNow(): number;
}

/** Creates or deletes toward spec.replicas; `finish(failed)` when every call has answered. */
/** `related` (the sibling ReplicaSets' Pods, for ranking victims) is asked for only when scaling down. */
export function manageReplicas(m: Manage, rs: ReplicaSet, active: Pod[], related: () => Pod[], finish: (failed: boolean) => void): void {
	const { ctx, expectations } = m;
	const key = keyOf(rs);
	const wanted = rs.spec.replicas ?? 1;
	const diff = active.length - wanted;
	const name = rs.metadata.name;
	if (diff === 0) return finish(false);
	const head = `ReplicaSet ${name}: ${active.length} Pods, ${wanted} wanted`;
	if (diff < 0) {
		const count = Math.min(-diff, BURST_REPLICAS);
		// Expect them before sending, so a sync triggered by the first new Pod does not create again.
		expectations.expectCreations(key, count);
		const create = (batch: number, done: (ok: boolean) => void) =>
			ctx.client.create(podFromTemplate(rs), { note: `generateName ${name}-, batch ${batch}`, done: (r) => done(r.ok) });
		const created = (successes: number) => {
			// The Pods never sent (or refused) will not show up in the cache: stop waiting for them.
			for (let i = successes; i < count; i++) expectations.creationObserved(key);
			finish(successes < count);
		};
		ctx.after(0, () => slowStartBatch(count, create, created), `${head}: create ${count} (slow start: batches of 1, 2, 4…)`);
		return;
	}
	const victims = podsToDelete(active, related(), Math.min(diff, BURST_REPLICAS), m.wallNow());
	expectations.expectDeletions(key, victims.map((v) => keyOf(v.pod)));
	const names = victims.map((v) => v.pod.metadata.name).join(', ');
	ctx.after(
		0,
		() => {
			let pending = victims.length;
			let failed = false;
			for (const { pod, why } of victims)
				ctx.client.delete('Pod', { name: pod.metadata.name, namespace: pod.metadata.namespace }, {
					note: why || undefined,
					done: (r) => {
						if (!r.ok) {
							expectations.deletionObserved(key, keyOf(pod));
							if (r.code !== 404) failed = true;
						}
						if (--pending === 0) finish(failed);
					}
				});
		},
		`${head}: delete ${victims.length}, ranked first: ${names}`
	);
}
