// The kubelet of one node. It talks only to kube-apiserver (through its ApiClient) and to its own
// runtime (through the CRI): it watches the Pods bound to its node (LIST then WATCH with
// spec.nodeName=<node>), runs a pod worker for each, relists containers every second (PLEG) to see
// exits, and keeps the node's heartbeats. Powered off, it is simply gone: no message, no timer.
import type { Cause, Timer } from '../../core/queue';
import type { WatchHandle } from '../client';
import { DEFAULT_EPOCH, type ComponentContext } from '../control-plane';
import { rfc3339 } from '../objects';
import type { Pod } from '../types';
import { Backoff } from './backoff';
import type { ContainerInfo, CriClient } from './cri';
import { EventRecorder } from './events';
import { Heartbeat, NODE_STATUS_MS, RENEW_MS } from './heartbeat';
import { PullQueue, type KubeletDeps } from './kubelet-deps';
import { PodWorker } from './pod-worker';

export const PLEG_RELIST_MS = 1000;

export interface KubeletOptions {
	node: string;
	cri: CriClient;
	/** The node's InternalIP (default 10.224.0.<3+n>, an AKS-like node subnet). */
	hostIP?: string;
	epochMs?: number;
	/** POST the Node first (a new node joining); default: the Node exists and this kubelet has been running. */
	register?: boolean;
	/** Runs fn with `cause` as the cause of what it sends (so a relist names the exit it found). */
	causedBy?: (cause: Cause, fn: () => void) => void;
}

export class Kubelet {
	private on = false;
	/**
	 * Timers to cancel on power-off. A list compacted now and then, not a Set with an add and a delete per
	 * timer: PLEG alone sets one per second per node, and the Set's churn was old-space garbage.
	 */
	private timers: Timer[] = [];
	private compactAt = 64;
	private readonly workers = new Map<string, PodWorker>();
	/** Containers PLEG reports exits of, to their worker. */
	private readonly pleg = new Map<string, PodWorker>();
	private watch?: WatchHandle;
	private deps!: KubeletDeps;
	private heartbeat!: Heartbeat;
	readonly hostIP: string;

	constructor(
		private readonly ctx: ComponentContext,
		private readonly options: KubeletOptions
	) {
		this.hostIP = options.hostIP ?? `10.224.0.${3 + Number(options.node.replace(/\D/g, '') || 1)}`;
	}

	/**
	 * `fresh`: the process starts now (registration or power on) rather than having run before the scene;
	 * `register`: it POSTs its Node first (a new node, or a rebuilt one whose Node was deleted).
	 */
	start(fresh = false, register = !!this.options.register): void {
		this.on = true;
		const { ctx, options } = this;
		const epochMs = options.epochMs ?? DEFAULT_EPOCH;
		const after = (ms: number, fn: () => void, note?: string) => {
			if (this.timers.length >= this.compactAt) {
				this.timers = this.timers.filter((t) => t.pending);
				this.compactAt = 2 * this.timers.length + 64;
			}
			const t = ctx.after(ms, fn, note);
			this.timers.push(t);
			return t;
		};
		const timestamp = (offset = 0) => rfc3339(epochMs, ctx.now() + offset);
		this.deps = {
			node: options.node,
			hostIP: this.hostIP,
			epochMs,
			client: ctx.client,
			cri: options.cri,
			events: new EventRecorder(ctx.client, options.node, epochMs, ctx.now),
			now: ctx.now,
			timestamp,
			after,
			crashBackoff: new Backoff(),
			pullBackoff: new Backoff(),
			pullFailures: new Map(),
			pulls: new PullQueue(),
			watchContainer: (id, worker) => (worker ? this.pleg.set(id, worker) : this.pleg.delete(id)),
			forget: (w) => this.forget(w)
		};
		this.heartbeat = new Heartbeat({ node: options.node, hostIP: this.hostIP, client: ctx.client, now: ctx.now, timestamp, after });
		const begin = () => {
			if (!this.on) return;
			this.watch = ctx.client.watch('Pod', { fieldSelector: `spec.nodeName=${options.node}`, onEvent: (e) => this.onPod(e.type, e.object) });
			// A kubelet that was already running renews at its own phase; a fresh one at once.
			// heartbeat.start below runs the 5-minute status loop: this first post must not start another.
			if (fresh) this.heartbeat.postStatus('Ready=True (kubelet started)', false);
			this.heartbeat.start(fresh ? 0 : ctx.rng.int(RENEW_MS), fresh ? NODE_STATUS_MS : ctx.rng.int(NODE_STATUS_MS));
			after(PLEG_RELIST_MS, this.relistNext);
		};
		if (register) this.heartbeat.register(begin);
		else begin();
	}

	/** The node loses power: everything stops, and nothing more is sent. */
	powerOff(): void {
		this.on = false;
		this.watch?.stop();
		for (const t of this.timers) t.cancel();
		this.timers = [];
		this.options.cri.reset();
		this.workers.clear();
		this.pleg.clear();
	}

	/**
	 * The network to kube-apiserver is back (node.ts cuts it): the broken Pod watch lists again (a Pod
	 * gone meanwhile is stopped as on a DELETED event) and the node status is posted, since the stored one
	 * now says Unknown. The containers ran on all along.
	 */
	reconnect(): void {
		if (!this.on) return;
		this.watch?.stop();
		const listed = new Set<string>();
		this.watch = this.ctx.client.watch('Pod', {
			fieldSelector: `spec.nodeName=${this.options.node}`,
			onEvent: (e) => {
				const uid = e.object.metadata.uid;
				if (e.listed) listed.add(uid);
				this.onPod(e.type, e.object);
				// The status manager's reconcile: the stored Ready (set False by the node controller meanwhile) is not what this kubelet knows.
				const w = this.workers.get(uid);
				const stored = e.object.status?.conditions?.find((c) => c.type === 'Ready')?.status;
				if (e.listed && w?.sandbox && !w.end.started && stored !== w.ready()) w.report(`Ready=${w.ready()} (the stored status said ${stored ?? 'nothing'})`);
			},
			onSynced: () => {
				for (const w of [...this.workers.values()]) if (!listed.has(w.pod.metadata.uid)) this.onPod('DELETED', w.pod);
			}
		});
		this.heartbeat.postStatus('Ready=True (reconnected)', false);
	}

	/** Power returns: a new kubelet process starts, renews the Lease, posts Ready and reconciles its Pods; `register`: it POSTs its Node first. */
	powerOn(register = false): void {
		if (!this.on) this.start(true, register);
	}

	private onPod(type: string, pod: Pod): void {
		const uid = pod.metadata.uid;
		const w = this.workers.get(uid);
		if (type === 'DELETED') {
			if (w && !w.end.started) return w.end.begin(true);
			if (w) this.forget(w);
			return;
		}
		if (w) {
			w.pod = pod;
			if (pod.metadata.deletionTimestamp) w.end.begin();
			return;
		}
		const phase = pod.status?.phase;
		if (phase === 'Succeeded' || phase === 'Failed') return;
		const worker = new PodWorker(pod, this.deps);
		this.workers.set(uid, worker);
		if (pod.metadata.deletionTimestamp) worker.end.begin();
		else worker.start();
	}

	private forget(w: PodWorker): void {
		this.workers.delete(w.pod.metadata.uid);
		this.deps.events.forget(w.pod.metadata.uid);
		for (const c of w.records()) if (c.id) this.pleg.delete(c.id);
	}

	private readonly relistNext = () => this.relist();

	/** PLEG: compares the runtime's containers with what it last saw; only a relist that finds an exit is sent. */
	private relist(): void {
		this.deps.after(PLEG_RELIST_MS, this.relistNext);
		const peeked = this.options.cri.peekExited();
		if (peeked.length === 0) return;
		const exited = peeked.filter((c) => this.pleg.has(c.id));
		if (exited.length === 0) return;
		const targets = new Map(exited.map((c) => [c.id, this.pleg.get(c.id)] as const));
		for (const c of exited) this.pleg.delete(c.id);
		const send = () =>
			this.options.cri.call({ op: 'ListContainers' }, 'PLEG relist: CRI ListContainers', (res) => {
				for (const c of res.containers ?? []) targets.get(c.id)?.exited(c as ContainerInfo);
			});
		const cause = exited[0]?.exitId;
		if (cause !== undefined && this.options.causedBy) this.options.causedBy(cause, send);
		else send();
	}
}

/** Starts the kubelet of `options.node` with its component context (kubelet-<n>). */
export function startKubelet(ctx: ComponentContext, options: KubeletOptions): Kubelet {
	const kubelet = new Kubelet(ctx, options);
	kubelet.start(!!options.register);
	return kubelet;
}
