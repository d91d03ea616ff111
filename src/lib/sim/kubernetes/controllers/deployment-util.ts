// Pure helpers of the Deployment controller (pkg/controller/deployment/util/deployment_util.go): the
// maxSurge/maxUnavailable arithmetic, the new ReplicaSet, how many replicas each ReplicaSet should
// have during a rolling update, and the status rolled up from the ReplicaSets.
import { clone, deepEqual } from '../objects';
import type { Condition, Deployment, DeploymentStatus, PodTemplateSpec, ReplicaSet } from '../types';

export const HASH_LABEL = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

const replicasOf = (o: { spec: { replicas?: number } }) => o.spec.replicas ?? 1;
const sum = (rss: ReplicaSet[], f: (rs: ReplicaSet) => number) => rss.reduce((n, rs) => n + f(rs), 0);

/** intstr.GetScaledValueFromIntOrPercent: "25%" of total, rounded up for surge and down for unavailable. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
	if (v === undefined) return 0;
	if (typeof v === 'number') return v;
	const m = /^(\d+)%$/.exec(v);
	if (!m) return Number.parseInt(v, 10) || 0;
	const x = (Number(m[1]) * total) / 100;
	return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts, then MaxSurge and MaxUnavailable: both 0 would deadlock, so unavailable becomes 1. */
export function fenceposts(d: Deployment): { surge: number; unavailable: number } {
	if (d.spec.strategy?.type === 'Recreate') return { surge: 0, unavailable: 0 };
	const desired = replicasOf(d);
	const r = d.spec.strategy?.rollingUpdate;
	const surge = scaledValue(r?.maxSurge ?? '25%', desired, true);
	let unavailable = scaledValue(r?.maxUnavailable ?? '25%', desired, false);
	if (surge === 0 && unavailable === 0) unavailable = 1;
	return { surge, unavailable: desired === 0 ? 0 : Math.min(unavailable, desired) };
}

// Both templates carry the API server's defaults (it defaults every write), so they compare as stored.
// Copies only the path to the hash label (not a deep copy: the Deployment controller compares the
// template with each of its ReplicaSets' on every sync).
const withoutHash = (t: PodTemplateSpec): PodTemplateSpec => {
	const labels = t.metadata?.labels;
	if (!labels || !(HASH_LABEL in labels)) return t;
	const { [HASH_LABEL]: _hash, ...rest } = labels;
	return { ...t, metadata: { ...t.metadata, labels: rest } };
};

/** EqualIgnoreHash: the ReplicaSet runs this template, whatever its hash label says. */
export const equalIgnoreHash = (a: PodTemplateSpec, b: PodTemplateSpec) => deepEqual(withoutHash(a), withoutHash(b));

/** The ReplicaSet for the Deployment's current template: name <deployment>-<hash>, owned by it. */
export function newReplicaSet(d: Deployment, hash: string, replicas: number, revision: number) {
	const labels = { ...d.spec.template.metadata?.labels, [HASH_LABEL]: hash };
	return {
		kind: 'ReplicaSet' as const,
		metadata: {
			name: `${d.metadata.name}-${hash}`,
			namespace: d.metadata.namespace,
			labels,
			annotations: { [DESIRED_REPLICAS]: String(replicasOf(d)), [MAX_REPLICAS]: String(replicasOf(d) + fenceposts(d).surge), [REVISION]: String(revision) },
			ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]
		},
		spec: {
			replicas,
			minReadySeconds: d.spec.minReadySeconds ?? 0,
			selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector.matchLabels, [HASH_LABEL]: hash } },
			template: { ...clone(d.spec.template), metadata: { ...d.spec.template.metadata, labels } }
		}
	};
}

/** NewRSNewReplicas: scale the new ReplicaSet up as far as maxSurge allows, never past spec.replicas. */
export function newRSReplicas(d: Deployment, all: ReplicaSet[], current: number): number {
	if (d.spec.strategy?.type === 'Recreate') return replicasOf(d);
	const maxTotal = replicasOf(d) + scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', replicasOf(d), true);
	const pods = sum(all, replicasOf);
	if (pods >= maxTotal) return current;
	return current + Math.min(maxTotal - pods, replicasOf(d) - current);
}

const byAge = (rss: ReplicaSet[]) => [...rss].sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : 1));

/**
 * reconcileOldReplicaSets: how far the old ReplicaSets may shrink without dropping below
 * spec.replicas - maxUnavailable available Pods. Unhealthy replicas go first (cleanupUnhealthyReplicas),
 * then the oldest ReplicaSets' (scaleDownOldReplicaSetsForRollingUpdate). Returns name → new replicas.
 */
export function scaleDownOld(d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet): Map<string, number> {
	const plan = new Map<string, number>();
	const size = (rs: ReplicaSet) => plan.get(rs.metadata.name) ?? replicasOf(rs);
	const available = (rs: ReplicaSet) => rs.status?.availableReplicas ?? 0;
	if (sum(oldRSs, replicasOf) === 0) return plan;
	const minAvailable = replicasOf(d) - fenceposts(d).unavailable;
	const maxScaledDown = sum([...oldRSs, newRS], replicasOf) - minAvailable - (replicasOf(newRS) - available(newRS));
	if (maxScaledDown <= 0) return plan;
	let cleaned = 0;
	for (const rs of byAge(oldRSs)) {
		if (cleaned >= maxScaledDown) break;
		if (size(rs) === 0 || size(rs) === available(rs)) continue;
		const n = Math.min(maxScaledDown - cleaned, size(rs) - available(rs));
		plan.set(rs.metadata.name, size(rs) - n);
		cleaned += n;
	}
	const availableNow = sum([...oldRSs, newRS], available);
	let scaled = 0;
	for (const rs of byAge(oldRSs)) {
		const total = availableNow - minAvailable;
		if (scaled >= total) break;
		if (size(rs) === 0) continue;
		const n = Math.min(size(rs), total - scaled);
		plan.set(rs.metadata.name, size(rs) - n);
		scaled += n;
	}
	return plan;
}

/** SetDeploymentCondition: same status and reason → no change; same status → keep lastTransitionTime. */
export function setCondition(conditions: Condition[] = [], next: Condition): Condition[] {
	const old = conditions.find((c) => c.type === next.type);
	if (old && old.status === next.status && old.reason === next.reason) return conditions;
	const merged = old && old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime } : next;
	return [...conditions.filter((c) => c.type !== next.type), merged];
}

/** calculateStatus: counts summed over the ReplicaSets, Available from maxUnavailable. */
export function calculateStatus(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined, now: string): DeploymentStatus {
	const availableReplicas = sum(all, (rs) => rs.status?.availableReplicas ?? 0);
	const ok = availableReplicas >= replicasOf(d) - fenceposts(d).unavailable;
	const available: Condition = ok
		? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastTransitionTime: now }
		: { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastTransitionTime: now };
	return {
		observedGeneration: d.metadata.generation,
		replicas: sum(all, (rs) => rs.status?.replicas ?? 0),
		updatedReplicas: newRS?.status?.replicas ?? 0,
		readyReplicas: sum(all, (rs) => rs.status?.readyReplicas ?? 0),
		availableReplicas,
		unavailableReplicas: Math.max(0, sum(all, replicasOf) - availableReplicas),
		conditions: setCondition(d.status?.conditions?.map((c) => ({ ...c })), available)
	};
}
