// The EndpointSlice controller of kube-controller-manager (pkg/controller/endpointslice, and the
// reconciler in staging/src/k8s.io/endpointslice): watches Services, Pods and EndpointSlices, and keeps
// one slice per Service that has a selector, listing every matching Pod with an IP (ready, not
// ready or terminating, with those conditions) and the Service's ports. Simplified: one slice per
// Service (the real one splits at maxEndpointsPerSlice, 100), IPv4 only, no topology hints, no
// Endpoints mirroring, no last-change-trigger-time annotation, no Events.
import type { ApiResult } from '../apiserver/status';
import type { ComponentContext } from '../control-plane';
import { deepEqual } from '../objects';
import type { EndpointSlice, Pod, Service } from '../types';
import { CONTROLLER_NAME, describeEndpoints, desiredEndpoints, hasSelector, MANAGED_BY_LABEL, newSlice, podToEndpoint, SERVICE_NAME_LABEL, selectsPod, shouldBeInSlice, slicePorts, sliceUpToDate } from './endpoints';
import { informer, keyOf } from './informer';
import { WorkQueue } from './workqueue';

export interface EndpointSliceOptions {
	/**
	 * --endpointslice-updates-batch-period: Pod changes wait this long before their Services sync, so
	 * several become one write. Default 0, as in kube-controller-manager (Service changes never wait).
	 */
	batchPeriodMs?: number;
}

/** endpointSliceChangeMinSyncDelay, defaultSyncBackOff and maxSyncBackOff of pkg/controller/endpointslice. */
const SLICE_CHANGE_MIN_SYNC_DELAY_MS = 1000;
const SYNC_BACKOFF_MS = 1000;
const MAX_SYNC_BACKOFF_MS = 100_000;

/** The Service a slice belongs to ("namespace/name"), if this controller manages it. */
const serviceKeyOf = (s: EndpointSlice) => {
	const labels = s.metadata.labels ?? {};
	const svc = labels[SERVICE_NAME_LABEL];
	return svc && labels[MANAGED_BY_LABEL] === CONTROLLER_NAME ? `${s.metadata.namespace ?? ''}/${svc}` : undefined;
};

/** podEndpointsChanged: only what changes a Pod's endpoint (or its membership) wakes its Services. */
const endpointChanged = (old: Pod, cur: Pod) =>
	!deepEqual(old.metadata.labels, cur.metadata.labels) || shouldBeInSlice(old) !== shouldBeInSlice(cur) || !deepEqual(podToEndpoint(old), podToEndpoint(cur));

export function startEndpointSliceController(ctx: ComponentContext, options: EndpointSliceOptions = {}): void {
	const services = informer(ctx, 'Service');
	const pods = informer(ctx, 'Pod');
	const slices = informer(ctx, 'EndpointSlice');
	// Its own rate limiter: failures back off from 1 s (not 5 ms) to 100 s, so it cannot flood the API server.
	const queue = new WorkQueue(ctx, sync, { baseMs: SYNC_BACKOFF_MS, maxMs: MAX_SYNC_BACKOFF_MS });
	const batch = options.batchPeriodMs ?? 0;
	/**
	 * The endpointSliceTracker: the resourceVersion of this controller's own last write to each slice
	 * (by slice key), so the echo of its own write does not sync the Service again, and a sync that
	 * runs before the echo arrived sees its cache is stale and retries instead of sending a 409-bound PUT.
	 */
	const written = new Map<string, { service: string; rv: number }>();

	const serviceQueue = (svc: Service) => queue.add(keyOf(svc));
	services.on({ add: serviceQueue, update: (_, svc) => serviceQueue(svc), delete: serviceQueue });

	/** AddAfter: keys waiting out a delay; a later AddAfter of the same key does not add a second wait. */
	const waiting = new Set<string>();
	const addAfter = (key: string, ms: number) => {
		if (ms <= 0) return queue.add(key);
		if (waiting.has(key)) return;
		waiting.add(key);
		ctx.after(ms, () => (waiting.delete(key), queue.add(key)));
	};
	const podQueue = (pod: Pod, also?: Pod) => {
		for (const svc of services.list((s) => selectsPod(s, pod) || (also !== undefined && selectsPod(s, also)))) addAfter(keyOf(svc), batch);
	};
	pods.on({
		add: (pod) => podQueue(pod),
		update: (old, pod) => {
			if (endpointChanged(old, pod)) podQueue(pod, old);
		},
		delete: (pod) => podQueue(pod)
	});

	/**
	 * A slice changed by someone else (or its own write's echo, ignored): its Service syncs after
	 * endpointSliceChangeMinSyncDelay (1 s) or the batch period if longer. A deletion counts only
	 * for a slice it wrote (endpointSliceTracker.Has), which it never deletes itself.
	 */
	const sliceChanged = (s: EndpointSlice, deleted = false) => {
		const svc = serviceKeyOf(s);
		if (!svc) return;
		const own = written.get(keyOf(s));
		if (deleted) {
			if (!own) return;
			written.delete(keyOf(s));
		} else if (own && own.rv === Number(s.metadata.resourceVersion)) return; // its own write, echoed
		addAfter(svc, Math.max(SLICE_CHANGE_MIN_SYNC_DELAY_MS, batch));
	};
	slices.on({ add: (s) => sliceChanged(s), update: (_, s) => sliceChanged(s), delete: (s) => sliceChanged(s, true) });

	/** StaleSlices: a slice this controller wrote that its cache has not caught up with yet. */
	const stale = (service: string) =>
		[...written].some(([key, w]) => {
			if (w.service !== service) return false;
			const cached = slices.get(key);
			return !cached || Number(cached.metadata.resourceVersion) < w.rv;
		});

	function sync(key: string, done: (retry?: boolean) => void): void {
		const svc = services.get(key);
		// A deleted Service's slices are the garbage collector's (their ownerReference names the Service).
		if (!svc || !hasSelector(svc) || svc.metadata.deletionTimestamp) return done();
		if (stale(key)) return done(true);
		// Only slices this Service owns: one left by a deleted Service of the same name is the GC's (ownedBy).
		const [slice] = slices.list((s) => serviceKeyOf(s) === key && !!s.metadata.ownerReferences?.some((r) => r.uid === svc.metadata.uid));
		const endpoints = desiredEndpoints(svc, pods.list(), slice?.endpoints);
		const answered = (r: ApiResult<EndpointSlice>) => {
			if (!r.ok) return done(true); // 409: another writer or a stale cache; retried with back-off
			written.set(keyOf(r.object), { service: key, rv: Number(r.object.metadata.resourceVersion) });
			done();
		};
		const note = describeEndpoints(endpoints);
		if (!slice) ctx.client.create(newSlice(svc, endpoints), { note: `generateName ${svc.metadata.name}-, ${note}`, done: answered });
		else if (sliceUpToDate(slice, svc, endpoints)) done();
		else ctx.client.update<EndpointSlice>({ ...slice, endpoints, ports: slicePorts(svc, endpoints) }, { note, done: answered });
	}
}
