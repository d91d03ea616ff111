// Which Pods a ReplicaSet deletes when it has too many: ActivePodsWithRanks.Less
// (pkg/controller/controller_utils.go) and getPodsToDelete (pkg/controller/replicaset/replica_set.go),
// with the feature gates PodDeletionCost and LogarithmicScaleDown on, as they are by default.
// Each rule returns a sign (< 0: a goes first) and the words that explain it in the log.
import type { Pod } from '../types';
import { isPodActive, isPodReady, maxRestarts, readySince } from './pods';

export const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

export interface Ranked {
	pod: Pod;
	/** Active Pods of the same owner's ReplicaSets on this Pod's node. */
	rank: number;
}

export interface Victim extends Ranked {
	/** Why it goes before the first Pod kept (empty if nothing is kept). */
	why: string;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** GetDeletionCostFromPodAnnotations: an int32, anything unparsable counts as 0. */
export function deletionCost(p: Pod): number {
	const v = p.metadata.annotations?.[DELETION_COST];
	if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
	const n = Number(v);
	return n >= -(2 ** 31) && n < 2 ** 31 ? n : 0;
}

/**
 * log2 of how long ago, in nanoseconds as Go's time.Duration counts: times within the same power of
 * two of now are equal, so Pods made moments apart fall to the pseudo-random UID order instead.
 */
function logRank(atMs: number, nowMs: number): number {
	const ns = (nowMs - atMs) * 1e6;
	return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/** Newer (or never) first, on the log scale when both are known; equal buckets by UID. */
function newerFirst(a: Pod, b: Pod, ta: number | undefined, tb: number | undefined, nowMs: number, words: string): [number, string] | undefined {
	if (ta === tb) return undefined;
	if (ta === undefined || tb === undefined) return [ta === undefined ? -1 : 1, words];
	const diff = logRank(ta, nowMs) - logRank(tb, nowMs);
	if (diff === 0) return [a.metadata.uid < b.metadata.uid ? -1 : 1, `${words} by the same power of two, then UID order`];
	return [diff, words];
}

/** ActivePodsWithRanks.Less as a comparison: [sign, rule], sign < 0 when a is deleted first. */
export function compareForDeletion(a: Ranked, b: Ranked, nowMs: number): [number, string] {
	const [pa, pb] = [a.pod, b.pod];
	const [na, nb] = [pa.spec.nodeName ?? '', pb.spec.nodeName ?? ''];
	if (na !== nb && (na === '' || nb === '')) return [na === '' ? -1 : 1, 'unscheduled'];
	const [oa, ob] = [PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0, PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0];
	if (oa !== ob) return [oa - ob, `phase ${oa < ob ? (pa.status?.phase ?? 'Pending') : (pb.status?.phase ?? 'Pending')}`];
	if (isPodReady(pa) !== isPodReady(pb)) return [isPodReady(pa) ? 1 : -1, 'not ready'];
	const [ca, cb] = [deletionCost(pa), deletionCost(pb)];
	if (ca !== cb) return [ca - cb, `lower pod-deletion-cost (${Math.min(ca, cb)})`];
	if (a.rank !== b.rank) return [b.rank - a.rank, `node with ${Math.max(a.rank, b.rank)} replicas`];
	if (isPodReady(pa) && isPodReady(pb)) {
		const ready = newerFirst(pa, pb, readySince(pa), readySince(pb), nowMs, 'ready for less time');
		if (ready) return ready;
	}
	const [ra, rb] = [maxRestarts(pa), maxRestarts(pb)];
	if (ra !== rb) return [rb - ra, `more restarts (${Math.max(ra, rb)})`];
	const created = newerFirst(pa, pb, Date.parse(pa.metadata.creationTimestamp), Date.parse(pb.metadata.creationTimestamp), nowMs, 'newer');
	return created ?? [0, 'tie'];
}

/**
 * getPodsToDelete: rank `pods` (the ReplicaSet's active Pods) by how many active `related` Pods (those
 * of every ReplicaSet with the same owner) share their node, sort, take the first `count`. Exact ties,
 * which the real sort leaves to the lister's map order, fall to UID order here.
 */
export function podsToDelete(pods: Pod[], related: Pod[], count: number, nowMs: number): Victim[] {
	const onNode = new Map<string, number>();
	for (const p of related) if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
	const ranked = pods
		.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }))
		.sort((a, b) => (a.pod.metadata.uid < b.pod.metadata.uid ? -1 : a.pod.metadata.uid > b.pod.metadata.uid ? 1 : 0));
	if (count < ranked.length) ranked.sort((a, b) => compareForDeletion(a, b, nowMs)[0]);
	const kept = ranked[count];
	return ranked.slice(0, count).map((r) => ({ ...r, why: kept ? `before ${kept.pod.metadata.name}: ${compareForDeletion(r, kept, nowMs)[1]}` : '' }));
}
