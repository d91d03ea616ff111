// What the API server does to turn a client's update or patch into the object it stores: keep the
// fields only the server sets, keep status on a main-resource write (and spec on a status write), refuse
// to move a bound Pod, bump generation on a spec change, re-run admission and validation.
import { clone, deepEqual, mergePatch } from '../objects';
import type { KubeObject, ObjectMeta } from '../types';
import { defaultTolerationSeconds, lacksDefaultTolerations, validate } from './admission';
import { applyDefaults } from './defaults';
import type { ApiRequest } from './requests';
import { apiVersionOf, RESOURCES } from './resources';
import { checkShape } from './shape';
import { conflict, invalid, type ApiError } from './status';

/** Metadata the client cannot change with an update: it always comes from the stored object. */
function serverManaged(meta: ObjectMeta): Partial<ObjectMeta> {
	const { name, namespace, uid, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation, resourceVersion } = meta;
	return { name, namespace, uid, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation, resourceVersion };
}

/** The object a PUT or PATCH would store (before admission), or 409 if the client's resourceVersion is stale. */
export function applyWrite(req: ApiRequest, current: KubeObject): KubeObject | ApiError {
	const info = RESOURCES[current.kind];
	const body = (req.body ?? {}) as { metadata?: { resourceVersion?: string }; status?: unknown };
	const precondition = body.metadata?.resourceVersion;
	if (precondition && precondition !== current.metadata.resourceVersion) return conflict(info, current.metadata.name);
	const status = (o: KubeObject) => (o as { status?: unknown }).status;
	let next: KubeObject;
	if (req.subresource === 'status') {
		// Shares everything but metadata (admission may set generation) and status with the stored object.
		next = { ...current, metadata: { ...current.metadata } };
		(next as { status?: unknown }).status = req.verb === 'patch' ? mergePatch(status(current), body.status) : clone(body.status);
		// A Deployment's status PUT keeps the client's annotations (deploymentStatusStrategy resets only
		// spec and labels): how the controller sets deployment.kubernetes.io/revision.
		if (current.kind === 'Deployment' && req.verb === 'update') {
			const annotations = (body as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations;
			if (annotations) next.metadata.annotations = annotations;
			else delete next.metadata.annotations;
		}
	} else {
		next = req.verb === 'patch' ? mergePatch(current, req.body) : (clone(req.body) as KubeObject);
		next.apiVersion = apiVersionOf(info) as never;
		next.metadata = { ...next.metadata, ...serverManaged(current.metadata) } as ObjectMeta;
		if (info.status) (next as { status?: unknown }).status = status(current);
		// A patch may remove a required field (or a PUT leave one out): refused before defaulting reads it.
		const malformed = checkShape(next);
		if (malformed) return malformed;
		// As the real API server defaults every object it decodes, not only new ones: a PUT that leaves
		// out a defaulted field (imagePullPolicy…) stores the default, and its spec compares equal.
		applyDefaults(next);
	}
	return next;
}

/** Admission and validation of an update; returns the object to store or why not, with admission's note. */
export function admitUpdate(current: KubeObject, next: KubeObject): { object: KubeObject; admitted?: string } | ApiError {
	const info = RESOURCES[current.kind];
	let admitted: string | undefined;
	if (current.kind === 'Pod' && next.kind === 'Pod') {
		if ((next.spec.nodeName ?? '') !== (current.spec.nodeName ?? ''))
			return invalid('Pod', current.metadata.name, 'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) (spec.nodeName is set only through pods/binding)');
		// Admission may add tolerations: to a copy, if the spec is still the stored object's (a status write);
		// only when it will, so an unchanged spec stays shared and compares equal at once.
		if (next.spec === current.spec && lacksDefaultTolerations(next)) next.spec = clone(current.spec);
		admitted = defaultTolerationSeconds(next);
	}
	if (info.generation && !deepEqual((current as { spec?: unknown }).spec, (next as { spec?: unknown }).spec))
		next.metadata.generation = (current.metadata.generation ?? 0) + 1;
	const error = validate(next);
	return error ?? { object: next, admitted };
}
