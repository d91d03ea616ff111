// The write verbs, after authentication and authorization: create, update, patch, delete, and the
// binding, eviction and scale subresources. Each notes what admission did, then writes through storage (etcd),
// then answers. Pods are deleted gracefully (deletionTimestamp, then a final delete with grace 0);
// everything else at once (simplified: no finalizers, so a Namespace goes at once too).
import type { Prng } from '../../core/prng';
import { clone, setCondition } from '../objects';
import type { Deployment, KubeObject, Pod, ReplicaSet, Scale } from '../types';
import { defaultTolerationSeconds, namespaceLifecycle, validate } from './admission';
import type { ServiceAllocator } from './allocators';
import { applyDefaults } from './defaults';
import { generateName, uuid } from './names';
import type { ApiRequest } from './requests';
import { apiVersionOf, etcdKey, RESOURCES, type ResourceInfo } from './resources';
import { formatSelector } from './selectors';
import { checkShape } from './shape';
import { alreadyExists, badRequest, conflict, describeResult, invalid, notFound, type ApiError, type ApiResult } from './status';
import type { Storage } from './storage';
import { admitUpdate, applyWrite } from './updates';

export interface WriteContext {
	storage: Storage;
	names: Prng;
	uids: Prng;
	services: ServiceAllocator;
	/** RFC 3339 time, now or `offsetMs` from now. */
	timestamp(offsetMs?: number): string;
	note(text: string): void;
}

export type Done = (result: ApiResult<unknown>, summary: string) => void;

const fail = (done: Done, error: ApiError) => done(error, describeResult(error));

export function write(ctx: WriteContext, req: ApiRequest, passed: string, done: Done): void {
	const info = RESOURCES[req.kind];
	if (req.verb === 'create' && req.subresource !== 'binding' && req.subresource !== 'eviction') return create(ctx, req, info, passed, done);
	const name = req.name ?? '';
	const key = etcdKey(info, req.namespace, name);
	if (req.subresource === 'binding') return bind(ctx, req, key, name, passed, done);
	if (req.verb === 'delete') return remove(ctx, req, info, key, name, passed, done);
	if (req.subresource === 'eviction') return evict(ctx, req, info, key, name, passed, done);
	let noted = false;
	ctx.storage.update(
		key,
		(current) => {
			const next = req.subresource === 'scale' ? scaled(current, req) : applyWrite(req, current);
			if ('ok' in next) return next;
			const admitted = admitUpdate(current, next);
			if (!noted) ctx.note(`${passed}; admission: ${'ok' in admitted ? 'rejected' : (admitted.admitted ?? 'no changes')}`);
			noted = true;
			return 'ok' in admitted ? admitted : admitted.object;
		},
		(result) => {
			if (!result.ok) return fail(done, result);
			const out = req.subresource === 'scale' ? { ...result, object: toScale(result.object as Deployment | ReplicaSet) } : result;
			done(out, describeResult(out));
		},
		() => notFound(info, name)
	);
}

function create(ctx: WriteContext, req: ApiRequest, info: ResourceInfo, passed: string, done: Done): void {
	const body = req.body as KubeObject | undefined;
	if (!body || body.kind !== req.kind) return fail(done, badRequest(`the body of the request is not a ${req.kind}`));
	const obj = clone(body);
	const meta = (obj.metadata ??= {} as KubeObject['metadata']);
	obj.apiVersion = apiVersionOf(info) as never;
	if (!info.namespaced) delete meta.namespace;
	else if (meta.namespace && req.namespace && meta.namespace !== req.namespace)
		return fail(done, badRequest('the namespace of the provided object does not match the namespace sent on the request'));
	else meta.namespace = req.namespace ?? meta.namespace ?? 'default';
	const generated = !meta.name;
	if (generated) {
		if (!meta.generateName) return fail(done, invalid(req.kind, '', 'metadata.name: Required value: name or generateName is required'));
		do meta.name = generateName(meta.generateName, ctx.names);
		while (ctx.storage.get(etcdKey(info, meta.namespace, meta.name)));
	}
	meta.uid = uuid(ctx.uids);
	meta.creationTimestamp = ctx.timestamp();
	meta.resourceVersion = '';
	delete meta.deletionTimestamp;
	delete meta.deletionGracePeriodSeconds;
	if (info.generation) meta.generation = 1;
	// Status is the server's and the controllers' to write: a create starts it afresh (a Node keeps the
	// status its kubelet registers it with).
	if (info.status && obj.kind !== 'Node') delete (obj as { status?: unknown }).status;
	const malformed = checkShape(obj);
	if (malformed) return fail(done, malformed);
	applyDefaults(obj);
	const admitted = obj.kind === 'Pod' ? defaultTolerationSeconds(obj) : undefined;
	const allocation = obj.kind === 'Service' ? ctx.services.allocate(obj) : undefined;
	const error =
		validate(obj) ??
		namespaceLifecycle(obj, (ns) => ctx.storage.get(etcdKey(RESOURCES.Namespace, undefined, ns))) ??
		(allocation ? invalid('Service', meta.name, allocation) : undefined);
	ctx.note(`${passed}; admission: ${admitted ?? 'no changes'}; ${error ? `rejected: ${error.message}` : 'validation passed'}`);
	if (error) return fail(done, error);
	ctx.storage.create(etcdKey(info, meta.namespace, meta.name), obj, (result) => {
		if (!result.ok) return fail(done, alreadyExists(info, meta.name));
		const rv = result.object.metadata.resourceVersion;
		done({ ok: true, code: 201, object: result.object }, generated ? `201 Created: ${meta.name} (resourceVersion ${rv})` : `201 Created (resourceVersion ${rv})`);
	});
}

function remove(ctx: WriteContext, req: ApiRequest, info: ResourceInfo, key: string, name: string, passed: string, done: Done, noted = false): void {
	if (!noted) ctx.note(passed);
	ctx.storage.update(
		key,
		(current) => {
			if (current.kind !== 'Pod') return 'delete';
			// The Pod strategy: a Pod never bound to a node, or already finished, goes at once.
			const finished = current.status?.phase === 'Succeeded' || current.status?.phase === 'Failed';
			const grace = !current.spec.nodeName || finished ? 0 : (req.gracePeriodSeconds ?? current.spec.terminationGracePeriodSeconds ?? 30);
			if (grace === 0) return 'delete';
			const meta = current.metadata;
			// A second delete may shorten the grace period, never lengthen it.
			if (meta.deletionTimestamp && grace >= (meta.deletionGracePeriodSeconds ?? Infinity)) return current;
			return { ...current, metadata: { ...meta, deletionTimestamp: ctx.timestamp(grace * 1000), deletionGracePeriodSeconds: grace } };
		},
		(result, type) => {
			if (!result.ok) return fail(done, result);
			const obj = result.object as KubeObject;
			const terminating = type !== 'DELETED' && obj.metadata.deletionTimestamp;
			done(result, terminating ? `200 OK (${obj.kind} is Terminating, grace ${obj.metadata.deletionGracePeriodSeconds} s)` : `200 OK (deleted at resourceVersion ${obj.metadata.resourceVersion})`);
		},
		() => notFound(info, name)
	);
}

/**
 * pods/eviction (policy/v1 Eviction): a DELETE that PodDisruptionBudgets may refuse (429). There are no
 * PDBs in this model, so it is always allowed. As addConditionAndDeletePod does, the Pod first gets
 * DisruptionTarget (EvictionByEvictionAPI) in one write, then is deleted with its own grace period (or
 * deleteOptions'); the answer is 201 Created with a Success status, as the create handler sets it.
 */
function evict(ctx: WriteContext, req: ApiRequest, info: ResourceInfo, key: string, name: string, passed: string, done: Done): void {
	const grace = (req.body as { deleteOptions?: { gracePeriodSeconds?: number } } | undefined)?.deleteOptions?.gracePeriodSeconds;
	const target = { type: 'DisruptionTarget', status: 'True' as const, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: ctx.timestamp() };
	ctx.note(passed);
	ctx.storage.update(
		key,
		(current) => {
			// The stored object is shared (storage.ts): a new Pod with a new status, not a changed one.
			const pod = current as Pod;
			return { ...pod, status: { ...pod.status, conditions: setCondition(pod.status?.conditions ?? [], target) } };
		},
		(marked) => {
			if (!marked.ok) return fail(done, marked);
			const answer: Done = (result, summary) => (result.ok ? done({ ...result, code: 201 }, `201 Created (eviction: ${summary.replace(/^200 OK \((.*)\)$/, '$1')})`) : done(result, summary));
			remove(ctx, { ...req, verb: 'delete', subresource: undefined, gracePeriodSeconds: grace }, info, key, name, passed, answer, true);
		},
		() => notFound(info, name)
	);
}

/** pods/binding: sets spec.nodeName and PodScheduled=True; a Pod is bound once (409 after that). */
function bind(ctx: WriteContext, req: ApiRequest, key: string, name: string, passed: string, done: Done): void {
	const node = (req.body as { target?: { name?: string } } | undefined)?.target?.name;
	if (!node) return fail(done, badRequest('a binding needs target.name, the node'));
	ctx.note(passed);
	const refuse = (why: string) => conflict(RESOURCES.Pod, name, why, 'pods/binding');
	ctx.storage.update(
		key,
		(current) => {
			const pod = current as Pod;
			if (pod.metadata.deletionTimestamp) return refuse(`pod ${name} is being deleted, cannot be assigned to a host`);
			if (pod.spec.nodeName) return refuse(`pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
			const conditions = setCondition(pod.status?.conditions ?? [], { type: 'PodScheduled', status: 'True', lastTransitionTime: ctx.timestamp() });
			return { ...pod, spec: { ...pod.spec, nodeName: node }, status: { ...pod.status, conditions } };
		},
		(result) => {
			if (!result.ok) return fail(done, result);
			done({ ...result, code: 201 }, `201 Created (Pod ${name} bound to ${node}, resourceVersion ${result.object.metadata.resourceVersion})`);
		},
		() => notFound(RESOURCES.Pod, name)
	);
}

/** The scale subresource: a Scale's spec.replicas written into the object's spec.replicas. */
function scaled(current: KubeObject, req: ApiRequest): KubeObject | ApiError {
	if (current.kind !== 'Deployment' && current.kind !== 'ReplicaSet') return badRequest(`${current.kind} has no scale subresource`);
	const replicas = (req.body as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
	if (typeof replicas !== 'number' || !Number.isInteger(replicas)) return badRequest('a scale needs spec.replicas, an integer');
	const next = clone(current);
	next.spec.replicas = replicas;
	return next;
}

export const toScale = (obj: Deployment | ReplicaSet): Scale => ({
	apiVersion: 'autoscaling/v1',
	kind: 'Scale',
	metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion },
	spec: { replicas: obj.spec.replicas ?? 0 },
	status: { replicas: obj.status?.replicas ?? 0, selector: formatSelector(obj.spec.selector) }
});
