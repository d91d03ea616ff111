// kube-apiserver: the hub. A request arrives as a message; it is authenticated, authorized (RBAC),
// then served: reads from the cache of committed objects, writes through admission to etcd, watches
// from the watch hub. Every answer goes back as a message on the caller's own channel, so answers and
// watch events reach each caller in the order they were sent. Nothing else in the simulator holds the
// store: components reach it only through an ApiClient.
import type { Channel } from '../../core/network';
import type { Sim } from '../../core/sim';
import type { Etcd } from '../etcd';
import { clone, rfc3339 } from '../objects';
import type { Deployment, KubeObject, ReplicaSet } from '../types';
import { ServiceAllocator } from './allocators';
import { authenticate, authorize, type Policy } from './rbac';
import { rbacOf, type ApiRequest } from './requests';
import { etcdKey, RESOURCES } from './resources';
import { parseFieldSelector, parseLabelSelector, type Requirement } from './selectors';
import { badRequest, describeResult, forbidden, gone, notFound, statusLine, unauthorized, type ApiError } from './status';
import { Storage } from './storage';
import { matchesFilter, WatchHub, type WatchEvent, type WatchFilter } from './watch';
import { toScale, write, type WriteContext } from './writes';

/** Who sent a request, and the channel its answers and watch events travel back on. */
export interface Caller {
	component: string;
	user: string;
	down: Channel;
}

/** What a watch request's answer carries: how to stop the stream. */
export interface WatchStream {
	stop(): void;
}

export const APISERVER = 'kube-apiserver';

/** The answer to GET pods/<name>/log: the container's log, as the kubelet read it. */
export interface LogResult {
	ok: true;
	code: 200;
	lines: string[];
}

/** How the API server reaches a kubelet (pods/log): the cluster wires it; absent, pods/log is 404. */
export type KubeletConnection = (req: ApiRequest, answer: (result: LogResult | ApiError, summary: string) => void) => void;

export class ApiServer {
	readonly storage: Storage;
	readonly watches: WatchHub;
	private readonly writes: WriteContext;
	/** Set by the cluster: the only requests the hub passes on, to a kubelet, rather than serving them from etcd. */
	connectKubelet?: KubeletConnection;

	constructor(
		private readonly sim: Sim,
		toEtcd: Channel,
		etcd: Etcd,
		readonly policy: Policy,
		options: { epochMs: number; watchHistory?: number }
	) {
		this.watches = new WatchHub(options.watchHistory);
		this.storage = new Storage(toEtcd, etcd, (commit) => this.watches.publish(commit));
		this.writes = {
			storage: this.storage,
			names: sim.rng.fork('apiserver/generateName'),
			uids: sim.rng.fork('apiserver/uid'),
			services: new ServiceAllocator(sim.rng.fork('apiserver/service-allocator')),
			timestamp: (offset = 0) => rfc3339(options.epochMs, sim.now + offset),
			note: (text) => this.sim.note(APISERVER, text)
		};
	}

	/** Handles a request that has just arrived; `reply` runs when the answer reaches the caller. */
	handle(req: ApiRequest, caller: Caller, reply: (result: unknown) => void, onEvent?: (event: WatchEvent) => void): void {
		const info = RESOURCES[req.kind];
		const answer = (result: unknown, summary: string) => {
			caller.down.send('response', summary, () => reply(result));
		};
		const refuse = (error: ApiError, why: string) => {
			this.sim.note(APISERVER, why);
			answer(error, describeResult(error));
		};
		const user = authenticate(this.policy, caller.user);
		if (!user) return refuse(unauthorized(), `authentication failed: no user "${caller.user}"; nothing stored`);
		const { verb, resource } = rbacOf(req);
		const namespace = info.namespaced ? req.namespace : undefined;
		if (!authorize(this.policy, user, verb, resource, namespace))
			return refuse(forbidden(user.name, verb, info, req.subresource, namespace), `authenticated ${user.name}; RBAC denies ${verb} ${resource}${namespace ? ` in ${namespace}` : ''}: 403, nothing stored`);
		if (req.subresource === 'log') return this.connectKubelet ? this.connectKubelet(req, answer) : answer(notFound(info, `${req.name ?? ''}/log`), '404 Not Found');
		if (req.verb === 'get') return this.get(req, answer);
		if (req.verb === 'list' || req.verb === 'watch') {
			const filter = this.filter(req);
			if ('ok' in filter) return answer(filter, describeResult(filter));
			return req.verb === 'list' ? this.list(req, filter, answer) : this.watch(req, filter, caller, answer, onEvent);
		}
		write(this.writes, req, `authenticated ${user.name}; RBAC allows ${verb} ${resource}`, answer);
	}

	/** Objects written before the run starts (a starting cluster): stored in etcd with no messages. */
	preload(obj: KubeObject): KubeObject {
		const info = RESOURCES[obj.kind];
		const stored = clone(obj);
		stored.apiVersion = (info.group ? `${info.group}/${info.version}` : info.version) as never;
		return this.storage.preload(etcdKey(info, obj.metadata.namespace, obj.metadata.name), stored);
	}

	private get(req: ApiRequest, answer: (result: unknown, summary: string) => void): void {
		const info = RESOURCES[req.kind];
		const found = this.storage.get(etcdKey(info, req.namespace, req.name ?? ''));
		if (!found) {
			const error = notFound(info, req.name ?? '');
			return answer(error, describeResult(error));
		}
		const object = req.subresource === 'scale' ? toScale(found as Deployment | ReplicaSet) : found;
		answer({ ok: true, code: 200, object }, `200 OK (resourceVersion ${found.metadata.resourceVersion})`);
	}

	private filter(req: ApiRequest): WatchFilter | ApiError {
		let labels: Requirement[];
		try {
			labels = parseLabelSelector(req.labelSelector ?? '');
		} catch (e) {
			return badRequest((e as Error).message);
		}
		const fields = parseFieldSelector(req.fieldSelector ?? '', req.kind);
		if (typeof fields === 'string') return badRequest(fields);
		return { kind: req.kind, namespace: RESOURCES[req.kind].namespaced ? req.namespace : undefined, labels, fields };
	}

	private list(req: ApiRequest, filter: WatchFilter, answer: (result: unknown, summary: string) => void): void {
		const info = RESOURCES[req.kind];
		const prefix = `/registry/${info.etcdPrefix}/${filter.namespace ? `${filter.namespace}/` : ''}`;
		// The same matching as a watch, so a LIST and the WATCH after it agree on what belongs.
		const items = this.storage.list(prefix).filter((o) => matchesFilter(filter, o));
		const resourceVersion = String(this.storage.revision);
		answer({ ok: true, code: 200, items, resourceVersion }, `200 OK: ${items.length} ${info.kind}${items.length === 1 ? '' : 's'} (resourceVersion ${resourceVersion})`);
	}

	private watch(req: ApiRequest, filter: WatchFilter, caller: Caller, answer: (result: unknown, summary: string) => void, onEvent?: (event: WatchEvent) => void): void {
		const from = req.resourceVersion === undefined ? this.storage.revision : Number(req.resourceVersion);
		const stream: WatchStream = { stop: () => {} };
		// Answer first, so the "stream open" reaches the caller before the first event on the same channel.
		if (!this.watches.reaches(from)) {
			const error = gone(String(from));
			return answer(error, describeResult(error));
		}
		answer({ ok: true, code: 200, stream }, `${statusLine(200)}: watching ${req.kind}s from resourceVersion ${from}`);
		const stop = this.watches.watch(filter, from, (event) => {
			// The stored object itself, shared by every watcher (immutable: see objects.ts).
			caller.down.send('event', `watch: ${event.object.kind} ${event.object.metadata.name} ${event.type}`, () => onEvent?.(event));
		});
		if (stop !== 'gone') stream.stop = stop;
	}
}
