// Pod predicates the controllers share (pkg/api/v1/pod and pkg/controller/controller_utils.go).
import type { Pod } from '../types';

/** Counted by a ReplicaSet: not finished, not being deleted (controller.IsPodActive). */
export const isPodActive = (p: Pod) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;

const readyCondition = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready');

export const isPodReady = (p: Pod) => readyCondition(p)?.status === 'True';

/** When the Pod last became ready (ms since 1970), or undefined if it is not ready. */
export function readySince(p: Pod): number | undefined {
	const c = readyCondition(p);
	if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
	return Date.parse(c.lastTransitionTime);
}

/** Ready for at least minReadySeconds (podutil.IsPodAvailable). */
export function isPodAvailable(p: Pod, minReadySeconds: number, nowMs: number): boolean {
	if (!isPodReady(p)) return false;
	if (minReadySeconds <= 0) return true;
	const since = readySince(p);
	return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

export const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
