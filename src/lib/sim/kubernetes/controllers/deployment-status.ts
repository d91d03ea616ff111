// syncRolloutStatus (pkg/controller/deployment/progress.go): the Progressing condition on top of the
// counts. NewReplicaSetCreated when it makes a ReplicaSet, ReplicaSetUpdated while counts move,
// NewReplicaSetAvailable once every replica is updated and available. Simplified: no
// ProgressDeadlineExceeded (that needs the requeue at the deadline), no ReplicaFailure copied up.
import type { Condition, Deployment, DeploymentStatus, ReplicaSet } from '../types';
import { calculateStatus, setCondition } from './deployment-util';

const PROGRESSING = 'Progressing';

/** DeploymentComplete: every replica updated and available, and this generation observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
	const want = d.spec.replicas ?? 1;
	return s.updatedReplicas === want && s.replicas === want && s.availableReplicas === want && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than last written. */
function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
	const o = d.status ?? {};
	const old = (x: DeploymentStatus) => (x.replicas ?? 0) - (x.updatedReplicas ?? 0);
	return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || old(s) < old(o) || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

export const createdCondition = (rs: string, now: string): Condition => ({
	type: PROGRESSING,
	status: 'True',
	reason: 'NewReplicaSetCreated',
	message: `Created new replica set "${rs}"`,
	lastTransitionTime: now
});

/** The status a rollout sync writes; `base` is the Deployment with any condition set earlier in the sync. */
export function rolloutStatus(base: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined, now: string): DeploymentStatus {
	const status = calculateStatus(base, all, newRS, now);
	const current = base.status?.conditions?.find((c) => c.type === PROGRESSING);
	if (status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable') return status;
	const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${base.metadata.name}"`;
	if (deploymentComplete(base, status))
		status.conditions = setCondition(status.conditions, { type: PROGRESSING, status: 'True', reason: 'NewReplicaSetAvailable', message: `${subject} has successfully progressed.`, lastTransitionTime: now });
	else if (deploymentProgressing(base, status)) {
		// Progress refreshes the condition even with the same reason, keeping when it became True.
		const next: Condition = { type: PROGRESSING, status: 'True', reason: 'ReplicaSetUpdated', message: `${subject} is progressing.`, lastTransitionTime: now };
		if (current?.status === 'True') next.lastTransitionTime = current.lastTransitionTime;
		status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== PROGRESSING), next];
	}
	return status;
}
