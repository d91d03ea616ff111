// Wires one simulated control plane: a Sim (clock, PRNG, trace), etcd, kube-apiserver, and a client
// per component. A component (controller, scheduler, kubelet) is handed a ComponentContext and
// nothing else: its client, the clock, timers and its own PRNG stream.
import type { Channel, Latency } from '../core/network';
import type { Prng } from '../core/prng';
import type { Cause, Timer } from '../core/queue';
import { Sim } from '../core/sim';
import { ApiServer, APISERVER } from './apiserver/apiserver';
import { defaultPolicy, type Policy } from './apiserver/rbac';
import { requestSummary } from './apiserver/requests';
import { ApiClient } from './client';
import { Etcd } from './etcd';
import { rfc3339 } from './objects';
import type { KubeObject } from './types';
import { userOf, viaOf } from './topology';

export interface ControlPlaneOptions {
	seed: string | number;
	/** Node names whose kubelets get users (system:node:<name>) in the default policy. */
	nodes?: string[];
	policy?: Policy;
	/** etcd's revision before the first write (a fresh etcd: 1). */
	startRevision?: number;
	/** The wall-clock instant of simulated time 0, for timestamps in objects. */
	epochMs?: number;
	/** Events the watch cache keeps; a watch from further back gets 410 Gone. */
	watchHistory?: number;
	/** One-way latency of a request or answer between a component and kube-apiserver (ms). */
	clientLatency?: Latency;
	/** One-way latency between kube-apiserver and etcd (ms). */
	etcdLatency?: Latency;
}

/** All a component gets: it can talk to the cluster only through `client`. */
export interface ComponentContext {
	name: string;
	client: ApiClient;
	now(): number;
	/** Runs fn after ms of simulated time; `note`, if given, is recorded when it fires (e.g. "renew Lease"). */
	after(ms: number, fn: () => void, note?: string): Timer;
	rng: Prng;
}

export const DEFAULT_EPOCH = Date.UTC(2026, 0, 1);
const NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class ControlPlane {
	readonly sim: Sim;
	readonly etcd: Etcd;
	readonly apiserver: ApiServer;
	private readonly clients = new Map<string, ApiClient>();
	private readonly clientLatency: Latency;
	/** Wall-clock time (ms since 1970) at simulated time 0: timestamps are this plus the simulated time. */
	readonly epochMs: number;
	/** Components cut off from kube-apiserver (a network fault): their messages either way are lost. */
	private readonly cut = new Set<string>();

	constructor(options: ControlPlaneOptions) {
		this.sim = new Sim(options.seed);
		this.epochMs = options.epochMs ?? DEFAULT_EPOCH;
		const { net } = this.sim;
		const etcdLatency = options.etcdLatency ?? { min: 1, max: 2 };
		this.clientLatency = options.clientLatency ?? { min: 1, max: 5 };
		this.etcd = new Etcd(net.channel('etcd', APISERVER, viaOf('etcd'), etcdLatency), options.startRevision);
		const toEtcd = net.channel(APISERVER, 'etcd', viaOf('etcd'), etcdLatency);
		const policy = options.policy ?? defaultPolicy(options.nodes);
		this.apiserver = new ApiServer(this.sim, toEtcd, this.etcd, policy, { epochMs: this.epochMs, watchHistory: options.watchHistory });
		for (const name of NAMESPACES) this.preload({ apiVersion: 'v1', kind: 'Namespace', metadata: this.meta(name), status: { phase: 'Active' } });
	}

	/** The client of a component (one per component), authenticating as `user` (default: the component's usual user). */
	client(component: string, user = userOf(component)): ApiClient {
		const key = `${component} as ${user}`;
		let client = this.clients.get(key);
		if (!client) {
			const { net } = this.sim;
			const up = net.channel(component, APISERVER, viaOf(component), this.clientLatency);
			const down = net.channel(APISERVER, component, viaOf(component), this.clientLatency);
			// While cut off, a message is still sent (the sender does not know), and never arrives.
			const lost = (summary: string) => `${summary} (lost: the network between ${component} and ${APISERVER} is cut)`;
			const lossy = { send: (kind, summary, deliver) => (this.cut.has(component) ? down.send(kind, lost(summary)) : down.send(kind, summary, deliver)) } as Pick<Channel, 'send'>;
			const caller = { component, user, down: lossy as Channel };
			client = new ApiClient(component, (req, reply, onEvent) => {
				if (this.cut.has(component)) return void up.send('request', lost(requestSummary(req)));
				up.send('request', requestSummary(req), () => this.apiserver.handle(req, caller, reply, onEvent));
			});
			this.clients.set(key, client);
		}
		return client;
	}

	/** Cuts or restores the network between `component` and kube-apiserver (both ways). */
	setReachable(component: string, reachable: boolean): void {
		if (reachable) this.cut.delete(component);
		else this.cut.add(component);
	}

	context(component: string, user?: string): ComponentContext {
		const { queue } = this.sim;
		return {
			name: component,
			client: this.client(component, user),
			now: () => queue.now,
			after: (ms, fn, note) =>
				queue.schedule(
					{ after: ms },
					note
						? (cause: Cause) => {
								queue.within(this.sim.trace.note(component, note, queue.now, cause), fn);
							}
						: fn
				),
			rng: this.sim.rng.fork(`component/${component}`)
		};
	}

	/** Objects that exist before the run (a starting cluster), stored with no messages. */
	preload(...objects: KubeObject[]): KubeObject[] {
		return objects.map((o) => this.apiserver.preload(o));
	}

	/** Metadata for a preloaded object: a deterministic uid and the epoch as creation time. */
	meta(name: string, namespace?: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject['metadata'] {
		const uid = `00000000-0000-4000-8000-${String(this.etcd.revision).padStart(12, '0')}`;
		return { name, namespace, uid, resourceVersion: '', creationTimestamp: rfc3339(this.epochMs, 0), ...extra };
	}

	/** A user action: a note with no cause, and everything fn sends is caused by it. */
	action<T>(text: string, fn: () => T): T {
		return this.sim.action(text, fn);
	}
}
