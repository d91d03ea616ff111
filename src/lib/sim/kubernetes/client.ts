// The API client: the only way a component reaches the cluster. It holds no store and no other
// component, only a function that sends a request message to kube-apiserver, so the hub rule holds by
// construction. Every call is asynchronous in simulated time: the answer arrives as a message after
// the channel's latency and `done` runs then (callbacks, not Promises: a Promise would resume in a
// microtask, outside the event that delivered the answer, at the wrong simulated time).
import type { LogResult, WatchStream } from './apiserver/apiserver';
import type { ApiRequest, Subresource } from './apiserver/requests';
import { RESOURCES } from './apiserver/resources';
import type { ApiError, ApiResult, ListResult } from './apiserver/status';
import type { WatchEvent } from './apiserver/watch';
import type { Kind, KubeObject, NewObject, ObjectKey, ObjectOf, Scale } from './types';

/** Sends a request; `reply` runs when the answer arrives, `onEvent` for each event of a watch. */
export type Transport = (req: ApiRequest, reply: (result: unknown) => void, onEvent?: (event: WatchEvent) => void) => void;

export interface CallOptions<R> {
	/** Words added to the request's log line, e.g. "batch 1". */
	note?: string;
	done?: (result: R) => void;
}

export interface Selection {
	/** Absent: all namespaces. */
	namespace?: string;
	labelSelector?: string;
	fieldSelector?: string;
}

export interface InformerEvent<T> extends WatchEvent<T & ObjectOf<Kind>> {
	/** True for the objects of the initial LIST (delivered as ADDED), false for events from the WATCH. */
	listed: boolean;
}

export interface WatchOptions<T> extends Selection {
	onEvent(event: InformerEvent<T>): void;
	/** After the LIST's objects have been delivered: the watcher now knows the state (HasSynced). */
	onSynced?(): void;
	onError?(error: ApiError): void;
}

export interface WatchHandle {
	stop(): void;
}

export class ApiClient {
	constructor(
		/** The component id this client speaks for (the `from` of its requests). */
		readonly component: string,
		private readonly transport: Transport
	) {}

	/** GET one object; `resourceVersion: '0'` lets the API server answer from its watch cache. */
	get<K extends Kind>(kind: K, key: ObjectKey, options: CallOptions<ApiResult<ObjectOf<K>>> & { resourceVersion?: '0' } = {}): void {
		this.call({ verb: 'get', kind, resourceVersion: options.resourceVersion, ...this.at(kind, key) }, options);
	}

	getScale(kind: 'Deployment' | 'ReplicaSet', key: ObjectKey, options: CallOptions<ApiResult<Scale>> = {}): void {
		this.call({ verb: 'get', kind, subresource: 'scale', ...this.at(kind, key) }, options);
	}

	list<K extends Kind>(kind: K, options: Selection & CallOptions<ListResult<ObjectOf<K>> | ApiError> = {}): void {
		const { namespace, labelSelector, fieldSelector } = options;
		this.call({ verb: 'list', kind, namespace, labelSelector, fieldSelector }, options);
	}

	/** POST; the kind comes from the object. A controller sets metadata.generateName and the API server names it. */
	create<K extends Kind>(obj: NewObject<K> & { kind: K }, options: CallOptions<ApiResult<ObjectOf<K>>> = {}): void {
		const namespace = RESOURCES[obj.kind].namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
		const note = options.note ?? (obj.metadata.name ? undefined : `generateName ${obj.metadata.generateName ?? ''}`);
		this.call({ verb: 'create', kind: obj.kind, namespace, body: obj }, { ...options, note });
	}

	/** PUT the whole object; with its metadata.resourceVersion set, a stale copy gets 409 Conflict. */
	update<T extends KubeObject>(obj: T, options: CallOptions<ApiResult<T>> & { subresource?: 'status' } = {}): void {
		this.call({ verb: 'update', kind: obj.kind, subresource: options.subresource, body: obj, ...this.at(obj.kind, obj.metadata) }, options);
	}

	/** PATCH with a JSON merge patch (RFC 7386); `subresource: 'status'` patches only status. */
	patch<K extends Kind>(kind: K, key: ObjectKey, patch: unknown, options: CallOptions<ApiResult<ObjectOf<K>>> & { subresource?: Subresource } = {}): void {
		this.call({ verb: 'patch', kind, subresource: options.subresource, body: patch, ...this.at(kind, key) }, options);
	}

	/** PATCH …/scale {"spec":{"replicas":N}}, as `kubectl scale` does. */
	scale(kind: 'Deployment' | 'ReplicaSet', key: ObjectKey, replicas: number, options: CallOptions<ApiResult<Scale>> = {}): void {
		this.call({ verb: 'patch', kind, subresource: 'scale', body: { spec: { replicas } }, ...this.at(kind, key) }, options);
	}

	/** DELETE; a bound Pod is only marked Terminating unless gracePeriodSeconds is 0. */
	delete<K extends Kind>(kind: K, key: ObjectKey, options: CallOptions<ApiResult<ObjectOf<K>>> & { gracePeriodSeconds?: number } = {}): void {
		this.call({ verb: 'delete', kind, gracePeriodSeconds: options.gracePeriodSeconds, ...this.at(kind, key) }, options);
	}

	/** POST pods/<name>/eviction (policy/v1 Eviction): a graceful delete that PodDisruptionBudgets could refuse. */
	evict(pod: ObjectKey, options: CallOptions<ApiResult<ObjectOf<'Pod'>>> = {}): void {
		const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod.name, namespace: pod.namespace ?? 'default' } };
		this.call({ verb: 'create', kind: 'Pod', subresource: 'eviction', body, ...this.at('Pod', pod) }, options);
	}

	/** GET pods/<name>/log: the API server fetches it from the Pod's node's kubelet (`kubectl logs`). */
	logs(pod: ObjectKey, options: CallOptions<LogResult | ApiError> = {}): void {
		this.call({ verb: 'get', kind: 'Pod', subresource: 'log', ...this.at('Pod', pod) }, options);
	}

	/** POST pods/<name>/binding: what the scheduler does; 409 if the Pod is already bound. */
	bind(pod: ObjectKey, node: string, options: CallOptions<ApiResult<ObjectOf<'Pod'>>> = {}): void {
		const body = { apiVersion: 'v1', kind: 'Binding', metadata: { name: pod.name }, target: { apiVersion: 'v1', kind: 'Node', name: node } };
		this.call({ verb: 'create', kind: 'Pod', subresource: 'binding', body, note: options.note ?? `target ${node}`, ...this.at('Pod', pod) }, options);
	}

	/**
	 * LIST then WATCH, as an informer does: the listed objects arrive as ADDED (listed: true), then a
	 * WATCH from the list's resourceVersion streams every later change in order. If the API server can
	 * no longer serve that version (410 Gone) the client lists again (handlers must be idempotent).
	 */
	watch<K extends Kind>(kind: K, options: WatchOptions<ObjectOf<K>>): WatchHandle {
		let stopped = false;
		let stream: WatchStream | undefined;
		const { namespace, labelSelector, fieldSelector } = options;
		const start = () =>
			this.list(kind, {
				namespace,
				labelSelector,
				fieldSelector,
				done: (listed) => {
					if (stopped) return;
					if (!listed.ok) return options.onError?.(listed);
					for (const object of listed.items) options.onEvent({ type: 'ADDED', object, listed: true });
					options.onSynced?.();
					const req: ApiRequest = { verb: 'watch', kind, namespace, labelSelector, fieldSelector, resourceVersion: listed.resourceVersion };
					this.transport(
						{ ...req, namespace: RESOURCES[kind].namespaced ? namespace : undefined },
						(result) => {
							const r = result as { ok: true; stream: WatchStream } | ApiError;
							if (!r.ok) return r.code === 410 ? start() : options.onError?.(r);
							if (stopped) r.stream.stop();
							else stream = r.stream;
						},
						(event) => {
							if (!stopped) options.onEvent({ ...(event as WatchEvent<ObjectOf<K>>), listed: false });
						}
					);
				}
			});
		start();
		return {
			stop() {
				stopped = true;
				stream?.stop();
			}
		};
	}

	private at(kind: Kind, key: ObjectKey): { name: string; namespace?: string } {
		return { name: key.name, namespace: RESOURCES[kind].namespaced ? (key.namespace ?? 'default') : undefined };
	}

	private call<R>(req: ApiRequest, options: CallOptions<R>): void {
		this.transport({ ...req, note: options.note ?? req.note }, (result) => options.done?.(result as R));
	}
}
