// The Deployment controller of kube-controller-manager (pkg/controller/deployment): watches
// Deployments and ReplicaSets; makes the ReplicaSet <deployment>-<pod-template-hash> for the current
// template; on a scale (spec.replicas changed, template not) resizes that ReplicaSet, no new one; on a
// template change rolls over with maxSurge/maxUnavailable; writes the status rolled up from the
// ReplicaSets, with the Deployment's deployment.kubernetes.io/revision annotation set to its new
// ReplicaSet's (SetDeploymentRevision, written with the status, as UpdateStatus keeps annotations);
// a ReplicaSet that becomes the new one again (kubectl rollout undo) gets the next revision.
// Simplified: one status write per sync (the real one may write twice); no adoption, no Events, no
// proportional scaling of several active ReplicaSets, no cleanup of old ReplicaSets past
// revisionHistoryLimit, no Recreate.
import { DEFAULT_EPOCH, type ComponentContext } from '../control-plane';
import { deepEqual, rfc3339 } from '../objects';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../types';
import { createdCondition, rolloutStatus } from './deployment-status';
import { calculateStatus, DESIRED_REPLICAS, equalIgnoreHash, fenceposts, MAX_REPLICAS, newReplicaSet, newRSReplicas, REVISION, scaleDownOld } from './deployment-util';
import { computeHash } from './hash';
import { controllerOf, informer, keyOf } from './informer';
import type { ControllerOptions } from './replicaset';
import { WorkQueue } from './workqueue';

type Done = (retry?: boolean) => void;

const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? 0);

export function startDeploymentController(ctx: ComponentContext, options: ControllerOptions = {}): void {
	const now = () => rfc3339(options.epochMs ?? DEFAULT_EPOCH, ctx.now());
	const deployments = informer(ctx, 'Deployment');
	const replicaSets = informer(ctx, 'ReplicaSet');
	const queue = new WorkQueue(ctx, sync);
	const ownerKey = (rs: ReplicaSet) => {
		const ref = controllerOf(rs);
		if (ref?.kind !== 'Deployment') return undefined;
		const key = `${rs.metadata.namespace ?? ''}/${ref.name}`;
		return deployments.get(key)?.metadata.uid === ref.uid ? key : undefined;
	};
	const rsChanged = (rs: ReplicaSet) => {
		const key = ownerKey(rs);
		if (key) queue.add(key);
	};
	deployments.on({ add: (d) => queue.add(keyOf(d)), update: (_, d) => queue.add(keyOf(d)), delete: (d) => queue.add(keyOf(d)) });
	replicaSets.on({ add: rsChanged, update: (old, rs) => old.metadata.resourceVersion !== rs.metadata.resourceVersion && rsChanged(rs), delete: rsChanged });

	function sync(key: string, done: Done): void {
		const d = deployments.get(key);
		if (!d) return done();
		const owned = replicaSets.owned(d.metadata.uid, (rs) => rs.metadata.namespace === d.metadata.namespace);
		// FindNewReplicaSet: the oldest ReplicaSet running the current template.
		const newRS = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
		const oldRSs = owned.filter((rs) => rs !== newRS);
		if (d.metadata.deletionTimestamp) return writeStatus(d, calculateStatus(d, owned, newRS, now()), done);
		const active = owned.filter((rs) => (rs.spec.replicas ?? 1) > 0);
		// isScalingEvent: an active ReplicaSet was sized for another spec.replicas than now.
		const scaling = active.some((rs) => rs.metadata.annotations?.[DESIRED_REPLICAS] !== undefined && rs.metadata.annotations[DESIRED_REPLICAS] !== String(d.spec.replicas ?? 1));
		const target = active.length === 1 ? active[0] : active.length === 0 ? (newRS ?? oldRSs.at(-1)) : undefined;
		if ((scaling || d.spec.paused) && target) {
			// dc.sync → scale: the one active ReplicaSet takes the whole count.
			return resize([[target, d.spec.replicas ?? 1]], d, (ok) => (ok ? writeStatus(d, calculateStatus(d, owned, newRS, now()), done, newRS) : done(true)));
		}
		if (!newRS) return create(d, owned, done);
		// getNewReplicaSet: an existing new ReplicaSet older than the newest old one (a rollback) takes the next revision.
		const next = 1 + Math.max(0, ...oldRSs.map(revisionOf));
		if (revisionOf(newRS) < next) {
			const bumped: ReplicaSet = { ...newRS, metadata: { ...newRS.metadata, annotations: { ...newRS.metadata.annotations, [REVISION]: String(next) } } };
			return ctx.client.update(bumped, { note: `revision ${next}`, done: (r) => done(!r.ok) });
		}
		rollout(d, newRS, oldRSs, done);
	}

	/** getNewReplicaSet with createIfNotExisted: the ReplicaSet of the current template. */
	function create(d: Deployment, owned: ReplicaSet[], done: Done): void {
		const hash = computeHash(d.spec.template, undefined);
		const revision = 1 + Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
		const replicas = newRSReplicas(d, owned, 0);
		const rs = newReplicaSet(d, hash, replicas, revision);
		ctx.client.create(rs, {
			note: `replicas ${replicas}, owner Deployment ${d.metadata.name}`,
			done: (r) => {
				// AlreadyExists: the cache has not caught up (or a hash collision); try again later.
				if (!r.ok) return done(true);
				const base = { ...d, status: { ...d.status, conditions: [...(d.status?.conditions ?? []).filter((c) => c.type !== 'Progressing'), createdCondition(r.object.metadata.name, now())] } };
				writeStatus(d, rolloutStatus(base, [...owned, r.object], r.object, now()), done, r.object);
			}
		});
	}

	/** rolloutRolling: grow the new ReplicaSet within maxSurge, else shrink old ones within maxUnavailable. */
	function rollout(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[], done: Done): void {
		const all = [...oldRSs, newRS];
		const want = d.spec.replicas ?? 1;
		const current = newRS.spec.replicas ?? 1;
		const grow = current > want ? want : newRSReplicas(d, all, current);
		const changes: [ReplicaSet, number][] = [];
		if (grow !== current) changes.push([newRS, grow]);
		else for (const [name, n] of scaleDownOld(d, oldRSs, newRS)) changes.push([oldRSs.find((rs) => rs.metadata.name === name) as ReplicaSet, n]);
		resize(changes, d, (ok) => (ok ? writeStatus(d, rolloutStatus(d, all, newRS, now()), done, newRS) : done(true)));
	}

	/** scaleReplicaSet: PUT each ReplicaSet with its new size and the desired/max-replicas annotations. */
	function resize(changes: [ReplicaSet, number][], d: Deployment, then: (ok: boolean) => void): void {
		const want = String(d.spec.replicas ?? 1);
		const max = String((d.spec.replicas ?? 1) + fenceposts(d).surge);
		const needed = changes.filter(([rs, n]) => rs.spec.replicas !== n || rs.metadata.annotations?.[DESIRED_REPLICAS] !== want || rs.metadata.annotations[MAX_REPLICAS] !== max);
		if (needed.length === 0) return then(true);
		let pending = needed.length;
		let ok = true;
		for (const [rs, n] of needed) {
			const next: ReplicaSet = { ...rs, metadata: { ...rs.metadata, annotations: { ...rs.metadata.annotations, [DESIRED_REPLICAS]: want, [MAX_REPLICAS]: max } }, spec: { ...rs.spec, replicas: n } };
			ctx.client.update(next, {
				note: `replicas ${n}`,
				done: (r) => {
					ok &&= r.ok;
					if (--pending === 0) then(ok);
				}
			});
		}
	}

	/** UpdateStatus, carrying SetDeploymentRevision's annotation (the new ReplicaSet's revision) with it. */
	function writeStatus(d: Deployment, status: DeploymentStatus, done: Done, newRS?: ReplicaSet): void {
		const revision = newRS?.metadata.annotations?.[REVISION];
		const annotations = revision === undefined || d.metadata.annotations?.[REVISION] === revision ? d.metadata.annotations : { ...d.metadata.annotations, [REVISION]: revision };
		if (deepEqual(d.status ?? {}, status) && annotations === d.metadata.annotations) return done();
		const note = `replicas ${status.replicas}, updated ${status.updatedReplicas}, ready ${status.readyReplicas}, available ${status.availableReplicas}`;
		ctx.client.update({ ...d, metadata: { ...d.metadata, annotations }, status }, { subresource: 'status', note, done: (r) => done(!r.ok) });
	}
}
