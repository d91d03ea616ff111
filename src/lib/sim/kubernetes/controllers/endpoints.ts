// What the EndpointSlice controller computes, as pure functions (staging/src/k8s.io/endpointslice:
// utils.go podToEndpoint, ShouldPodBeInEndpoints, getEndpointPorts; reconciler.go's placeholder
// slice). The controller (endpointslice.ts) only decides when to run this and what to write.
import { fromLabelSelector, matchesLabels } from '../apiserver/selectors';
import { deepEqual } from '../objects';
import type { Endpoint, EndpointSlice, NewObject, Pod, Service } from '../types';
import { isPodReady } from './pods';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** A Service whose selector picks Pods (one without a selector gets no slices from this controller). */
export const hasSelector = (svc: Service) => Object.keys(svc.spec.selector ?? {}).length > 0;

export const selectsPod = (svc: Service, pod: Pod) =>
	hasSelector(svc) && pod.metadata.namespace === svc.metadata.namespace && matchesLabels(fromLabelSelector({ matchLabels: svc.spec.selector }), pod.metadata.labels);

/**
 * ShouldPodBeInEndpoints with includeTerminating = true (what the EndpointSlice controller passes):
 * a Pod with an IP that has not finished. Terminating and not-ready Pods stay, with their conditions.
 */
export const shouldBeInSlice = (pod: Pod) => !!pod.status?.podIP && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';

/** podToEndpoint: serving is the Pod's Ready; ready is serving and not terminating. */
export function podToEndpoint(pod: Pod): Endpoint {
	const serving = isPodReady(pod);
	const terminating = !!pod.metadata.deletionTimestamp;
	return {
		addresses: [pod.status?.podIP ?? ''],
		conditions: { ready: serving && !terminating, serving, terminating },
		...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
		targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid }
	};
}

/**
 * getEndpointPorts: each Service port with its target port resolved. A numeric targetPort is taken as
 * is; a named one is looked up in the Pods' containers (ports are not modelled there, so it is left out).
 */
export function endpointPorts(svc: Service): SlicePort[] {
	return svc.spec.ports.flatMap((p) => {
		const target = p.targetPort ?? p.port;
		return typeof target === 'number' ? [{ name: p.name ?? '', port: target, protocol: p.protocol ?? 'TCP' }] : [];
	});
}

const podUid = (e: Endpoint) => e.targetRef?.uid ?? '';

/**
 * The endpoints a Service's one slice should hold: every matching Pod with an IP. As the reconciler
 * does, endpoints already in the slice keep their places (updated in place), gone ones are dropped
 * and new ones are added at the end (here in Pod name order; the real one takes them from a set).
 */
export function desiredEndpoints(svc: Service, pods: Pod[], existing: Endpoint[] = []): Endpoint[] {
	const desired = pods.filter((p) => selectsPod(svc, p) && shouldBeInSlice(p)).map(podToEndpoint);
	const byPod = new Map(desired.map((e) => [podUid(e), e]));
	const kept = existing.flatMap((e) => byPod.get(podUid(e)) ?? []);
	const keptPods = new Set(kept.map(podUid));
	return [...kept, ...desired.filter((e) => !keptPods.has(podUid(e)))];
}

/** The slice's ports: the Service's, or none for the placeholder slice that stands for "no endpoints". */
export const slicePorts = (svc: Service, endpoints: Endpoint[]) => (endpoints.length ? endpointPorts(svc) : []);

/** The slice the reconciler creates for a Service (the placeholder, with no endpoints and no ports, if no Pod matches). */
export function newSlice(svc: Service, endpoints: Endpoint[]): NewObject<'EndpointSlice'> & { kind: 'EndpointSlice' } {
	const { name, namespace, uid } = svc.metadata;
	return {
		kind: 'EndpointSlice',
		metadata: {
			generateName: `${name}-`,
			namespace,
			labels: { [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: CONTROLLER_NAME },
			ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid, controller: true, blockOwnerDeletion: true }]
		},
		addressType: 'IPv4',
		endpoints,
		ports: slicePorts(svc, endpoints)
	};
}

/** Whether the stored slice already says what the reconciler would write (then nothing is sent). */
export const sliceUpToDate = (slice: EndpointSlice, svc: Service, endpoints: Endpoint[]) => deepEqual(slice.endpoints, endpoints) && deepEqual(slice.ports ?? [], slicePorts(svc, endpoints));

/** "3 endpoints: 2 ready, 1 terminating (1 still serving)": the words on the controller's POST or PUT. */
export function describeEndpoints(endpoints: Endpoint[]): string {
	const count = (f: (e: Endpoint) => boolean) => endpoints.filter(f).length;
	const ready = count((e) => !!e.conditions?.ready);
	const terminating = count((e) => !!e.conditions?.terminating);
	const notReady = endpoints.length - ready - terminating;
	const serving = count((e) => !!e.conditions?.terminating && !!e.conditions.serving);
	const parts = [`${ready} ready`, notReady && `${notReady} not ready`, terminating && `${terminating} terminating (${serving} still serving)`].filter(Boolean);
	return `${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}${endpoints.length ? `: ${parts.join(', ')}` : ''}`;
}
