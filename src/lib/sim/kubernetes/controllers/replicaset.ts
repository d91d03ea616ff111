// The ReplicaSet controller of kube-controller-manager (pkg/controller/replicaset/replica_set.go):
// watches ReplicaSets and Pods, keeps each ReplicaSet's count of active Pods at spec.replicas, and
// writes its status. Simplified: no adoption or release of Pods by selector (a Pod belongs to the
// ReplicaSet its controller ownerReference names), no Events, no ReplicaFailure condition.
import type { ApiResult } from '../apiserver/status';
import { fromLabelSelector, matchesLabels, type Requirement } from '../apiserver/selectors';
import { DEFAULT_EPOCH, type ComponentContext } from '../control-plane';
import type { LabelSelector, Pod, ReplicaSet, ReplicaSetStatus } from '../types';
import { Expectations } from './expectations';
import { controllerOf, informer, keyOf } from './informer';
import { isPodActive, isPodAvailable, isPodReady } from './pods';
import { manageReplicas } from './replicaset-manage';
import { WorkQueue } from './workqueue';

export interface ControllerOptions {
	/** The wall-clock instant of simulated time 0 (ControlPlaneOptions.epochMs), to compare timestamps. */
	epochMs?: number;
}

/** UpdateStatus is retried once after a GET on a conflict (statusUpdateRetries = 1). */
const STATUS_UPDATE_RETRIES = 1;

/**
 * Per selector object: its requirements, and whether they match a labels object, each worked out once.
 * Stored objects never change (objects.ts), and a Pod keeps its labels object through its status writes,
 * so a sync, which asks this for every Pod of the ReplicaSet, mostly finds the answer.
 */
const selectors = new WeakMap<LabelSelector, { reqs: Requirement[]; matches: WeakMap<Record<string, string>, boolean> }>();

function selects(rs: ReplicaSet, p: Pod): boolean {
	if (p.metadata.namespace !== rs.metadata.namespace) return false;
	let s = selectors.get(rs.spec.selector);
	if (!s) selectors.set(rs.spec.selector, (s = { reqs: fromLabelSelector(rs.spec.selector), matches: new WeakMap() }));
	const labels = p.metadata.labels;
	if (!labels) return matchesLabels(s.reqs, labels);
	let match = s.matches.get(labels);
	if (match === undefined) s.matches.set(labels, (match = matchesLabels(s.reqs, labels)));
	return match;
}

/** calculateReplicaSetStatus, from the active Pods counted at the start of the sync. */
export function replicaSetStatus(rs: ReplicaSet, active: Pod[], nowMs: number): ReplicaSetStatus {
	const template = rs.spec.template.metadata?.labels ?? {};
	const minReadySeconds = rs.spec.minReadySeconds ?? 0;
	// One pass with counters: this runs on every sync, for every Pod of the ReplicaSet.
	let fullyLabeled = 0;
	let ready = 0;
	let available = 0;
	for (const p of active) {
		let labeled = true;
		for (const k in template) if (p.metadata.labels?.[k] !== template[k]) labeled = false;
		if (labeled) fullyLabeled++;
		if (isPodReady(p)) ready++;
		if (isPodAvailable(p, minReadySeconds, nowMs)) available++;
	}
	return { replicas: active.length, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available, observedGeneration: rs.metadata.generation };
}

export function startReplicaSetController(ctx: ComponentContext, options: ControllerOptions = {}): void {
	const wallNow = () => (options.epochMs ?? DEFAULT_EPOCH) + ctx.now();
	const replicaSets = informer(ctx, 'ReplicaSet');
	const pods = informer(ctx, 'Pod');
	const expectations = new Expectations(() => ctx.now());
	const queue = new WorkQueue(ctx, sync);

	/** The cached ReplicaSet a Pod's controller reference names, if the uid still matches. */
	const ownerKey = (pod: Pod) => {
		const ref = controllerOf(pod);
		if (ref?.kind !== 'ReplicaSet') return undefined;
		const key = `${pod.metadata.namespace ?? ''}/${ref.name}`;
		return replicaSets.get(key)?.metadata.uid === ref.uid ? key : undefined;
	};
	const podGone = (pod: Pod) => {
		const key = ownerKey(pod);
		if (!key) return;
		expectations.deletionObserved(key, keyOf(pod));
		queue.add(key);
	};

	replicaSets.on({
		add: (rs) => queue.add(keyOf(rs)),
		update: (_, rs) => queue.add(keyOf(rs)),
		delete: (rs) => {
			expectations.forget(keyOf(rs));
			queue.add(keyOf(rs));
		}
	});
	pods.on({
		add: (pod) => {
			if (pod.metadata.deletionTimestamp) return podGone(pod);
			const key = ownerKey(pod);
			if (!key) return;
			expectations.creationObserved(key);
			queue.add(key);
		},
		update: (old, pod) => {
			if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
			if (pod.metadata.deletionTimestamp) return podGone(pod);
			const key = ownerKey(pod);
			if (!key) return;
			queue.add(key);
			// A Pod that just became ready becomes available minReadySeconds later: look again then.
			const minReady = replicaSets.get(key)?.spec.minReadySeconds ?? 0;
			if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) queue.addAfter(key, minReady * 1000);
		},
		delete: podGone
	});

	function sync(key: string, done: (retry?: boolean) => void): void {
		const rs = replicaSets.get(key);
		if (!rs) {
			expectations.forget(key);
			return done();
		}
		const owned = pods.owned(rs.metadata.uid, (p) => selects(rs, p));
		const active = owned.filter(isPodActive);
		const status = (failed: boolean) => updateStatus(rs, replicaSetStatus(rs, active, wallNow()), (ok) => done(failed || !ok));
		// While its own creates or deletes are still on their way to the cache, it only writes status.
		if (!expectations.satisfied(key) || rs.metadata.deletionTimestamp) return status(false);
		manageReplicas({ ctx, expectations, wallNow }, rs, active, () => relatedPods(rs), status);
	}

	/** getIndirectlyRelatedPods: Pods of every ReplicaSet with the same controller (none if it has no owner). */
	function relatedPods(rs: ReplicaSet): Pod[] {
		const owner = controllerOf(rs);
		if (!owner) return [];
		const siblings = replicaSets.owned(owner.uid, (r) => r.metadata.namespace === rs.metadata.namespace);
		return pods.list((p) => siblings.some((r) => selects(r, p)));
	}

	function updateStatus(rs: ReplicaSet, status: ReplicaSetStatus, done: (ok: boolean) => void): void {
		const s = rs.status;
		const same =
			s &&
			(['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const).every((f) => (s[f] ?? 0) === (status[f] ?? 0)) &&
			s.observedGeneration === rs.metadata.generation;
		if (same) return done(true);
		const note = `replicas ${status.replicas}, ready ${status.readyReplicas ?? 0}, available ${status.availableReplicas ?? 0}`;
		const put = (current: ReplicaSet, retries: number) =>
			ctx.client.update<ReplicaSet>({ ...current, status }, {
				subresource: 'status',
				note,
				done: (r: ApiResult<ReplicaSet>) => {
					if (r.ok) return written(r.object, done);
					if (r.code !== 409 || retries <= 0) return done(false);
					ctx.client.get('ReplicaSet', current.metadata, { done: (g) => (g.ok ? put(g.object, retries - 1) : done(false)) });
				}
			});
		put(rs, STATUS_UPDATE_RETRIES);
	}

	/** All ready but not yet all available: sync again when minReadySeconds have passed. */
	function written(rs: ReplicaSet, done: (ok: boolean) => void): void {
		const { minReadySeconds = 0, replicas = 1 } = rs.spec;
		if (minReadySeconds > 0 && rs.status?.readyReplicas === replicas && rs.status.availableReplicas !== replicas) queue.addAfter(keyOf(rs), minReadySeconds * 1000);
		done(true);
	}
}
