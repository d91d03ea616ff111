// The container runtime of one node (containerd with its CRI plugin): answers CRI calls after the
// time they take, creates Pod sandboxes (network namespace, CNI ADD with an IP from the node's
// range, the pause container), pulls images into a per-node store, starts containers through a
// shim and runc, stops them with the image's stop signal and SIGKILL at the deadline. What happens
// inside a Pod is drawn as messages to the Pod's slot in the scene (runtime-1 → pod-1a).
import type { Channel } from '../../core/network';
import type { Sim } from '../../core/sim';
import { Containers, info, type Container } from './containers';
import { shortId, type ContainerInfo, type CriRequest, type CriResponse, type PodRef } from './cri';
import { findImage, parseImage } from './images';
import { Ipam } from './ipam';
import { Link, type Reply } from './link';
import { hasImage, preloadImages, pull, type ImageStore } from './pull';
import { REGISTRY, type Registry, type RegistryRequest, type RegistryResponse } from './registry';

export interface RuntimeOptions {
	/** 1 for node-1: names the component (runtime-1) and its connections. */
	n: string;
	registry: Registry;
	/** The node's Pod range (default 10.244.<n>.0/24). */
	podCIDR?: string;
	/** Images the node already has (pulled before the run). */
	images?: string[];
	/** The scene's Pod component a Pod's messages go to (undefined or absent: pod-<n>a, pod-<n>b … in order of creation). */
	slotOf?: (pod: PodRef) => string | undefined;
}

interface Sandbox {
	id: string;
	pod: PodRef;
	ip: string;
	slot: string;
}


/** A fault: the container's process exits `runsFor` ms after every start, with `exitCode`. */
interface CrashFault {
	exitCode: number;
	runsFor: number;
}

export class ContainerRuntime {
	readonly id: string;
	readonly store: ImageStore = { images: new Map(), blobs: new Set(), tokens: new Map() };
	private readonly sandboxes = new Map<string, Sandbox>();
	private readonly containers = new Containers();
	private readonly faults = new Map<string, CrashFault>();
	private readonly slots = new Map<string, Channel>();
	private readonly usedSlots = new Set<string>(); // never reused: the scene names each slot after one Pod
	/** Exited containers a ListContainers answer has already named. */
	private readonly listed = new Set<string>();
	private readonly ipam: Ipam;
	private readonly registryLink: Link<RegistryRequest, RegistryResponse>;
	private readonly rng;
	private on = true;

	constructor(
		private readonly sim: Sim,
		private readonly options: RuntimeOptions
	) {
		this.id = `runtime-${options.n}`;
		this.rng = sim.rng.fork(`component/${this.id}`);
		this.ipam = new Ipam(options.podCIDR ?? `10.244.${options.n}.0/24`);
		this.registryLink = new Link(sim.net, this.id, REGISTRY, `runtime-registry-${options.n}`, { min: 15, max: 40 }, options.registry.serve);
		preloadImages(this.store, options.images ?? []);
	}

	/** The containers as the runtime knows them (what ListContainers returns). */
	list = (): ContainerInfo[] => [...this.containers.values()].map(info);

	/** The exited containers only (PLEG looks every second on every node; mostly none: no walk then). */
	exited = (): ContainerInfo[] => {
		if (this.containers.exitedCount === 0) return [];
		const found: ContainerInfo[] = [];
		for (const c of this.containers.values()) if (c.state === 'EXITED') found.push(info(c));
		return found;
	};

	/** Handles a CRI call that has just arrived; a powered-off runtime answers nothing. */
	serve = (req: CriRequest, reply: Reply<CriResponse>): void => {
		if (!this.on) return;
		const after = (ms: number, fn: () => void): void => {
			this.sim.queue.schedule({ after: ms }, () => this.on && fn());
		};
		const answer = (ms: number, res: CriResponse, summary: string) => after(ms, () => reply(res, summary));
		switch (req.op) {
			case 'RunPodSandbox':
				return this.runSandbox(req.pod, after, answer);
			case 'StopPodSandbox': {
				const sb = this.sandboxes.get(req.sandbox);
				if (!sb) return answer(1, { ok: true }, 'StopPodSandbox: OK (already gone)');
				for (const c of this.containers.values()) if (c.sandbox === sb.id && c.state === 'RUNNING') this.exit(c, 137, 'Error', false);
				this.toPod(sb, 'stop the pause container');
				return after(this.rng.between(10, 30), () => {
					this.toPod(sb, `CNI DEL → IP ${sb.ip} released`);
					this.ipam.release(sb.ip);
					this.sandboxes.delete(sb.id);
					for (const c of [...this.containers.values()]) if (c.sandbox === sb.id) this.containers.remove(c);
					answer(this.rng.between(20, 60), { ok: true }, 'StopPodSandbox: OK, network namespace removed');
				});
			}
			case 'ImageStatus': {
				const present = hasImage(this.store, req.image);
				return answer(1, { ok: true, present }, `ImageStatus: ${present ? 'present' : 'not present'}`);
			}
			case 'PullImage':
				return pull(this.store, this.registryLink, req.image, () => this.sim.now, (r) => {
					if (!this.on) return;
					if (!r.ok) return reply({ ok: false, error: `rpc error: code = ${r.code} desc = ${r.error}` }, `PullImage failed: ${r.code}: ${r.error}`);
					// Unpacking into the snapshotter takes time in proportion to what was fetched; an image the
					// store already holds (only the HEAD was needed) answers at once.
					const unpack = r.unpacked > 0 ? Math.ceil(r.unpacked / 200_000) + 5 : 2;
					answer(unpack, { ok: true, id: r.image.config.digest }, `PullImage: done, image id ${r.image.config.digest.slice(0, 19)}…`);
				});
			case 'CreateContainer': {
				const image = findImage(parseImage(req.image)) ?? [...this.store.images.values()][0];
				if (!image || !this.sandboxes.has(req.sandbox)) return answer(2, { ok: false, error: 'rpc error: code = NotFound desc = sandbox or image not found' }, 'CreateContainer failed');
				const id = this.hex();
				// The kubelet's container GC keeps one dead container per container (for logs --previous).
				for (const c of [...this.containers.values()]) if (c.sandbox === req.sandbox && c.name === req.name && c.state === 'EXITED') this.containers.remove(c);
				this.containers.add({ id, sandbox: req.sandbox, name: req.name, state: 'CREATED', image });
				return answer(this.rng.between(20, 50), { ok: true, id }, `CreateContainer: container ${shortId(id)}`);
			}
			case 'StartContainer':
				return this.start(req.id, after, answer);
			case 'StopContainer':
				return this.stop(req.id, req.timeoutSeconds, after, answer);
			case 'ListContainers': {
				// The answer lists every container; the log line names those that exited since the last list.
				const fresh = this.list().filter((c) => c.state === 'EXITED' && !this.listed.has(c.id));
				for (const c of fresh) this.listed.add(c.id);
				const text = fresh.map((c) => `container ${c.name}: EXITED, exit code ${c.exitCode}`).join('; ');
				return answer(1, { ok: true, containers: this.list() }, text || `${this.containers.size} containers, none exited`);
			}
		}
	};

	/** A fault: the Pod's running container exits with `exitCode`; with `runsFor`, every restart exits again after that long. */
	crash(pod: string, exitCode: number, runsFor?: number): void {
		const sb = [...this.sandboxes.values()].find((s) => s.pod.name === pod);
		if (runsFor !== undefined) this.faults.set(pod, { exitCode, runsFor });
		const c = [...this.containers.values()].find((x) => x.sandbox === sb?.id && x.state === 'RUNNING');
		if (c) this.exit(c, exitCode, 'Error', true);
	}

	/** Data path: the slot of the sandbox holding `ip`, and whether a container there accepts connections (running, not signalled). */
	endpoint(ip: string): { slot: string; listening: boolean } | undefined {
		const sb = [...this.sandboxes.values()].find((s) => s.ip === ip);
		if (!sb) return undefined;
		return { slot: sb.slot, listening: [...this.containers.values()].some((c) => c.sandbox === sb.id && c.state === 'RUNNING' && !c.signalled) };
	}

	/** The crash fault is fixed: later starts keep running. */
	heal(pod: string): void {
		this.faults.delete(pod);
	}

	/** The machine loses power: every process dies, no message is sent; the image store is on disk and survives. */
	powerOff(): void {
		this.on = false;
		this.containers.clear();
		this.sandboxes.clear();
		this.ipam.clear();
		this.registryLink.reset();
	}

	powerOn(): void {
		this.on = true;
	}

	/** A new disk (the machine was rebuilt): no images, no registry tokens. Sandbox slots stay used: the scene names each after one Pod. */
	wipe(): void {
		for (const kept of [this.store.images, this.store.blobs, this.store.tokens]) kept.clear();
	}

	private runSandbox(pod: PodRef, after: (ms: number, fn: () => void) => void, answer: (ms: number, res: CriResponse, s: string) => void): void {
		const ip = this.ipam.allocate();
		if (!ip) return answer(5, { ok: false, error: 'failed to setup network for sandbox: no IP addresses available in range set' }, 'RunPodSandbox failed: no IP addresses left');
		const sb: Sandbox = { id: this.hex(), pod, ip, slot: this.options.slotOf?.(pod) ?? this.freeSlot() };
		this.sandboxes.set(sb.id, sb);
		this.toPod(sb, `create network namespace, pinned by a bind mount at /var/run/netns/cni-${sb.id.slice(0, 8)}`);
		after(this.rng.between(30, 80), () => {
			this.toPod(sb, `CNI ADD → interface eth0 in the namespace, IP ${ip}`);
			after(this.rng.between(20, 40), () => {
				this.toPod(sb, "start the pause container in the namespace (the sandbox's placeholder process)");
				answer(this.rng.between(10, 30), { ok: true, id: sb.id, ip }, `sandbox ${shortId(sb.id)} ready (IP ${ip})`);
			});
		});
	}

	private start(id: string, after: (ms: number, fn: () => void) => void, answer: (ms: number, res: CriResponse, s: string) => void): void {
		const c = this.containers.get(id);
		const sb = c && this.sandboxes.get(c.sandbox);
		if (!c || !sb) return answer(2, { ok: false, error: `rpc error: code = NotFound desc = container ${shortId(id)} not found` }, 'StartContainer failed');
		this.toPod(sb, `shim → runc: start ${c.name} process`);
		after(this.rng.between(50, 150), () => {
			this.containers.update(c, { state: 'RUNNING', startedAt: this.sim.now });
			const fault = this.faults.get(sb.pod.name);
			if (fault) c.stopTimer = this.sim.queue.schedule({ after: fault.runsFor }, () => this.on && this.exit(c, fault.exitCode, 'Error', true));
			answer(1, { ok: true }, 'StartContainer: OK');
		});
	}

	private stop(id: string, timeout: number, after: (ms: number, fn: () => void) => void, answer: (ms: number, res: CriResponse, s: string) => void): void {
		const c = this.containers.get(id);
		const sb = c && this.sandboxes.get(c.sandbox);
		if (!c || !sb || c.state !== 'RUNNING') return answer(1, { ok: true, exitCode: c?.exitCode }, 'StopContainer: already exited');
		c.stopTimer?.cancel();
		c.signalled = true;
		this.toPod(sb, `${c.image.stopSignal} to ${c.name} (the image's stop signal)`);
		const graceful = c.image.stopMs < timeout * 1000;
		after(graceful ? c.image.stopMs : timeout * 1000, () => {
			if (!graceful) this.toPod(sb, `SIGKILL to ${c.name} (the grace period is over)`);
			this.exit(c, graceful ? 0 : 137, graceful ? 'Completed' : 'Error', true);
			answer(1, { ok: true, exitCode: c.exitCode }, `StopContainer: ${c.name} ${graceful ? 'exited (code 0)' : 'killed (exit code 137)'}`);
		});
	}

	/** The process ends; the shim collects the exit code (a message from the Pod when `visible`). */
	private exit(c: Container, exitCode: number, reason: string, visible: boolean): void {
		const sb = this.sandboxes.get(c.sandbox);
		c.stopTimer?.cancel();
		const m = visible && sb ? this.slot(sb).send('event', `${c.name} exited with code ${exitCode} (collected by the shim)`) : undefined;
		this.containers.update(c, { state: 'EXITED', exitCode, reason, finishedAt: this.sim.now, exitId: m });
	}

	private toPod(sb: Sandbox, summary: string): void {
		this.channel(this.id, sb.slot).send('request', summary);
	}

	private slot(sb: Sandbox): Channel {
		return this.channel(sb.slot, this.id);
	}

	private channel(from: string, to: string): Channel {
		const key = `${from}>${to}`;
		let ch = this.slots.get(key);
		if (!ch) this.slots.set(key, (ch = this.sim.net.channel(from, to, `runtime-${from === this.id ? to : from}`, { min: 0, max: 1 })));
		return ch;
	}

	private freeSlot(): string {
		for (let i = 0; ; i++) {
			const slot = `pod-${this.options.n}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
			if (!this.usedSlots.has(slot)) return this.usedSlots.add(slot), slot;
		}
	}

	private hex(): string {
		let s = '';
		for (let i = 0; i < 8; i++) s += this.rng.nextUint32().toString(16).padStart(8, '0');
		return s;
	}
}
