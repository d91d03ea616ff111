// Test helpers: API calls run to completion, so a test reads like a script of kubectl commands.
import type { ApiResult } from './apiserver/status';
import type { ControlPlane } from './control-plane';
import type { Kind, KubeObject, NewObject, ObjectKey, ObjectOf, Pod, Scale } from './types';

/** Starts a call, runs the queue until idle, and returns what `done` received. */
export function settle<R>(cp: ControlPlane, start: (done: (result: R) => void) => void): R {
	let out: { value: R } | undefined;
	start((value) => (out = { value }));
	cp.sim.queue.runUntilIdle();
	if (!out) throw new Error('the call never answered');
	return out.value;
}

/** A client whose calls return their answers (the queue runs until idle after each). */
export function syncClient(cp: ControlPlane, component = 'kubectl', user?: string) {
	const c = cp.client(component, user);
	return {
		create: <K extends Kind>(obj: NewObject<K> & { kind: K }, note?: string) => settle<ApiResult<ObjectOf<K>>>(cp, (done) => c.create<K>(obj, { note, done })),
		get: <K extends Kind>(kind: K, key: ObjectKey) => settle<ApiResult<ObjectOf<K>>>(cp, (done) => c.get(kind, key, { done })),
		update: <T extends KubeObject>(obj: T, subresource?: 'status') => settle<ApiResult<T>>(cp, (done) => c.update(obj, { subresource, done })),
		patch: <K extends Kind>(kind: K, key: ObjectKey, patch: unknown, subresource?: 'status') =>
			settle<ApiResult<ObjectOf<K>>>(cp, (done) => c.patch(kind, key, patch, { subresource, done })),
		delete: <K extends Kind>(kind: K, key: ObjectKey, gracePeriodSeconds?: number) => settle<ApiResult<ObjectOf<K>>>(cp, (done) => c.delete(kind, key, { gracePeriodSeconds, done })),
		bind: (key: ObjectKey, node: string) => settle<ApiResult<Pod>>(cp, (done) => c.bind(key, node, { done })),
		scale: (kind: 'Deployment' | 'ReplicaSet', key: ObjectKey, replicas: number) => settle<ApiResult<Scale>>(cp, (done) => c.scale(kind, key, replicas, { done }))
	};
}

/** The object of a successful answer; throws with the API's message otherwise. */
export function ok<T>(result: ApiResult<T>): T {
	if (!result.ok) throw new Error(`${result.code} ${result.message}`);
	return result.object;
}
