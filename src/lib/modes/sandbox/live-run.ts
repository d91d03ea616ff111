// One live sandbox run on the simulator: the cluster from a seed and preset, the user's actions (each
// recorded with the simulated ms it was made at), and the clock moved by the page. The only sandbox
// module that imports simulator code; start-cluster.ts loads it with import(), so the simulator lands in
// a chunk that only the sandbox page fetches. Replaying a RunSpec gives the same trace, byte for byte.
import type { MessageKind, StateTable } from '$lib/model/types';
// Never the cluster's index module: it holds the recorded scenarios and every optional component.
import { startCluster, type Cluster, type ClusterOptions } from '$lib/sim/kubernetes/cluster/cluster';
import type { ClusterComponents } from '$lib/sim/kubernetes/cluster/components';
import { clusterTables } from '$lib/sim/kubernetes/cluster/record';
import { settle, startUp } from '$lib/sim/kubernetes/cluster/settle';
import { nodeStatus, podStatus } from '$lib/sim/kubernetes/cluster/tables';
import { fullPrompt } from './full-prompt';
import type { KubectlPrompt } from './prompt';
import type { RunAction, RunSpec } from './run-url';
import { RuntimeSlots } from './runtime-slots';


/** The cluster's optional parts the sandbox turns on (the course's: create-deployment's COURSE). */
export type CourseOptions = Omit<ClusterOptions, 'seed'>;

export interface LiveMessage {
	id: number;
	time: number;
	from: string;
	to: string;
	via: string;
	kind: MessageKind;
	summary: string;
	/** The Pod a runtime's sandbox messages go to or come from (the simulator names its slot, e.g. pod-1c). */
	fromPod?: string;
	toPod?: string;
}

export interface PodState {
	name: string;
	node?: string;
	status: string;
}

/** How far a settle may run the clock before it gives up (simulated ms). */
const SETTLE_LIMIT_MS = 300_000;
const SETTLE_CHUNK_MS = 5_000;
/** How long act() runs the clock for a command's answer before leaving it to the clock (simulated ms). */
const ANSWER_WITHIN_MS = 2_000;
const POWER = /^power (off|on) (node-\d+)$/;

export class LiveRun {
	readonly cluster: Cluster;
	readonly prompt: KubectlPrompt;
	readonly actions: RunAction[] = [];
	readonly seed: string;
	readonly preset: RunSpec['preset'];
	private cursor = 0;
	private readonly slots = new RuntimeSlots();

	/** `components`: the optional modules `course` switches on (loadComponents on the page, allComponents in tests). */
	constructor(spec: RunSpec, course: CourseOptions, components: ClusterComponents) {
		this.seed = spec.seed;
		this.preset = spec.preset;
		const c = (this.cluster = startCluster({ ...course, seed: spec.seed }, components));
		this.prompt = fullPrompt(c);
		startUp(c);
		if (spec.preset === 'nginx') {
			c.kubectl.createDeployment('nginx', 'nginx', 3);
			settle(c);
		}
		for (const a of spec.actions) {
			c.cp.sim.queue.runUntil(a.at);
			this.actions.push(a);
			this.exec(a.line, () => undefined);
		}
		c.cp.sim.queue.runUntil(spec.until);
	}

	get now(): number {
		return this.cluster.cp.sim.now;
	}

	spec(): RunSpec {
		return { seed: this.seed, preset: this.preset, actions: [...this.actions], until: Math.floor(this.now) };
	}

	/** Runs the clock `ms` forward. */
	advance(ms: number): void {
		this.cluster.cp.sim.queue.runUntil(this.now + ms);
	}

	/** Runs until the next message is sent (and the rest of that instant); false if none within a minute. */
	nextMessage(): boolean {
		const { queue, trace } = this.cluster.cp.sim;
		const limit = this.now + 60_000;
		for (let seen = trace.size; queue.now <= limit && queue.step(); seen = trace.size)
			if (trace.slice(seen).some((e) => e.type === 'message')) {
				queue.runUntil(queue.now);
				return true;
			}
		return false;
	}

	/**
	 * Runs until converged and quiet (settle.ts), SETTLE_CHUNK_MS of simulated time at a go with `pause`
	 * awaited between (the page yields to the browser, so a cluster that will not settle never freezes
	 * the tab); after SETTLE_LIMIT_MS it gives up and says so.
	 */
	async settle(pause: () => Promise<void> = async () => undefined): Promise<{ ok: true } | { ok: false; message: string }> {
		const from = this.now;
		while (this.now - from < SETTLE_LIMIT_MS) {
			try {
				settle(this.cluster, { limitMs: SETTLE_CHUNK_MS });
				return { ok: true };
			} catch {
				await pause();
			}
		}
		return { ok: false, message: `Not settled after ${SETTLE_LIMIT_MS / 60_000} simulated minutes (from t = ${Math.round(from / 1000)} s): something is still not Running and Ready, or still Terminating. The tables say what.` };
	}

	/** Acts at the next whole simulated ms (as a replay will), then runs briefly for the answer. */
	act(line: string, done: (output: string) => void): void {
		const { queue } = this.cluster.cp.sim;
		const at = Math.ceil(this.now);
		queue.runUntil(at);
		this.actions.push({ at, line });
		let answered = false;
		this.exec(line, (out) => {
			answered = true;
			done(out);
		});
		const limit = at + ANSWER_WITHIN_MS;
		while (!answered && queue.now < limit && queue.step());
		queue.runUntil(queue.now);
	}

	private exec(line: string, done: (output: string) => void): void {
		const power = POWER.exec(line.trim());
		if (!power) return this.prompt.run(line, done);
		const [, how, node] = power;
		const n = this.cluster.nodes[node!];
		if (!n) return done(`error: there is no ${node} (nodes: ${this.cluster.nodeNames.join(', ')})`);
		this.cluster.cp.action(`power ${how} ${node}`, () => (how === 'off' ? n.powerOff() : n.powerOn()));
		done(`${node} powered ${how}`);
	}

	/** The messages sent since the last call, oldest first. */
	drain(): LiveMessage[] {
		const { trace } = this.cluster.cp.sim;
		const out: LiveMessage[] = [];
		for (const e of trace.slice(this.cursor)) {
			if (e.type !== 'message') continue;
			this.slots.observe(e.from, e.to, e.summary);
			out.push({ id: e.id, time: e.time, from: e.from, to: e.to, via: e.via, kind: e.kind, summary: e.summary, fromPod: this.slots.podOf(e.from), toPod: this.slots.podOf(e.to) });
		}
		this.cursor = trace.size;
		return out;
	}

	tables(): StateTable[] {
		return clusterTables(this.cluster);
	}

	pods(): PodState[] {
		return this.cluster.pods().map((p) => ({ name: p.metadata.name, node: p.spec.nodeName, status: podStatus(p) }));
	}

	nodes(): { name: string; status: string }[] {
		return this.cluster.nodeObjects().map((n) => ({ name: n.metadata.name, status: nodeStatus(n) }));
	}
}
