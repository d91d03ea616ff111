// Runs a scenario on a simulated cluster and records each step: the messages it shows (selected and
// folded), the tables and Pod badges at its end, and the clock. Build-time only: walkthrough pages
// receive what this returns as data, never this code.
import type { Message, StateTable } from '$lib/model/types';
import type { TraceEntry } from '../../core/trace';
import { allComponents } from '../cluster/all-components';
import { startCluster, type Cluster, type ClusterOptions } from '../cluster/cluster';
import { clusterTables } from '../cluster/record';
import { settle, startUp, wait } from '../cluster/settle';
import { getPodsText, podsRestartsTable, podStatus } from '../cluster/tables';
import { foldRuns } from './fold';
import { fits, matches, select } from './match';
import { PodSlots } from './slots';
import type { Action, MessageRule, Scenario, StepScript, Until } from './types';

export interface RecordedStep {
	step: string;
	/** What the step shows, folded. */
	messages: Message[];
	/** When each shown message was sent (the first of a fold), in ms. */
	times: number[];
	/** Everything the run added during the step (the full trace, for the golden). */
	entries: readonly TraceEntry[];
	tables: StateTable[];
	badges: Record<string, string>;
	/** Which Pod each occupied slot (`pod-1a`…) holds at the step's end. */
	slots: Record<string, string>;
	clock?: string;
	/** Simulated time at the step's end (ms since the cluster started). */
	time: number;
	/** What the step's terminal command prints at its end (when the script asks for it). */
	output?: string;
}

/** One run in progress: the cluster, where the scenario's own steps began, what was shown already. */
interface Play {
	c: Cluster;
	base: number;
	/** Trace index where the latest step with actions began: older messages are no longer shown. */
	since: number;
	shown: Set<number>;
	slots: PodSlots;
	firstSeen: Map<string, number>;
	origin?: number;
}

const DEFAULT_TABLES = ['Deployments', 'ReplicaSets', 'Pods'];
const LIMIT_MS = 600_000;

/** `t = 0.006 s`, `t = 1.78 s`, `t = 61.4 s`, `t = 125 s`: as precise as a learner can use. */
export function clockText(ms: number): string {
	const s = ms / 1000;
	const n = s === 0 ? '0' : s < 1 ? s.toFixed(3) : s < 10 ? s.toFixed(2) : s < 100 ? s.toFixed(1) : String(Math.round(s));
	return `t = ${n} s`;
}

const mainPath = (s: Scenario) => s.steps.filter((x) => !x.branch);

function begin(scn: Scenario, change: Partial<ClusterOptions> = {}): Play {
	if ('cluster' in scn.start) {
		const c = startCluster({ ...scn.start.cluster, ...change }, allComponents);
		return { c, base: 0, since: 0, shown: new Set(), slots: new PodSlots(change.slots, (node) => String(c.nodeNames.indexOf(node) + 1)), firstSeen: new Map() };
	}
	const p = begin(scn.start.continues, change);
	for (const s of mainPath(scn.start.continues)) runStep(p, s);
	const base = p.c.cp.sim.trace.entries.length;
	return { ...p, base, since: base, shown: new Set(), origin: undefined };
}

function act(p: Play, a: Action, step: string): void {
	const { c } = p;
	if ('until' in a) return runUntil(p, a.until, step);
	if ('wait' in a) return wait(c, a.wait);
	if ('request' in a) return c.request(a.request);
	if ('powerOff' in a) return node(c, a.powerOff).powerOff();
	if ('powerOn' in a) return node(c, a.powerOn).powerOn();
	if ('deleteVm' in a) return c.deleteVm(a.deleteVm);
	if ('createVm' in a) return c.createVm(a.createVm);
	if ('crash' in a) return crash(p, a);
	if ('zero' in a) return void (p.origin = c.cp.sim.now);
	if (a.kubectl === 'expose deployment') return c.kubectl.expose(a.name, a.port, a.type);
	if (a.kubectl === 'get services') return c.kubectl.getServices();
	if (a.kubectl === 'get nodes') return c.kubectl.getNodes();
	if (a.kubectl === 'delete pod') return c.kubectl.deletePod(a.name);
	if (a.kubectl === 'logs') return c.logs.logs(a.name);
	if (a.kubectl === 'create deployment') return c.kubectl.createDeployment(a.name, a.image, a.replicas);
	if (a.kubectl === 'scale deployment') return c.kubectl.scale(a.name, a.replicas);
	return c.kubectl.getDeployment(a.name);
}

function node(c: Cluster, name: string) {
	const n = c.nodes[name];
	if (!n) throw new Error(`scenario: no node ${name}`);
	return n;
}

/** The Pod named, or drawn in the slot named; its node's runtime makes the container exit. */
function crash(p: Play, a: Extract<Action, { crash: string }>): void {
	const slotted = Object.entries(p.slots.all()).find(([, slot]) => slot === a.crash)?.[0];
	const pod = p.c.pods().find((x) => x.metadata.name === (slotted ?? a.crash));
	if (!pod?.spec.nodeName) throw new Error(`scenario: no Pod ${a.crash} bound to a node`);
	const nodeName = pod.spec.nodeName;
	p.c.cp.sim.action(`${pod.spec.containers[0]?.name ?? 'the container'} in ${pod.metadata.name} exits with code ${a.exitCode}`, () => node(p.c, nodeName).crash(pod.metadata.name, a.exitCode, a.runsFor), 'fault');
}

function runUntil(p: Play, until: Until, step: string): void {
	const { c } = p;
	if ('started' in until) return void startUp(c);
	if ('settled' in until) return void settle(c);
	if ('pods' in until) return void settle(c, { until: (x) => x.pods().length > 0 && x.pods().every((pod) => podStatus(pod) === until.pods), quietMs: 0, sliceMs: 1 });
	const { queue, trace } = c.cp.sim;
	const causeOf = (id: number) => trace.get(id);
	const want = until.count ?? 1;
	const answered = new Set<number>();
	// A success (2xx) goes back to the request's sender, and following its causes back reaches the
	// request: the nearest message the other way. A 409 is an answer too, but nothing was stored: the
	// controller GETs and tries again, and the GET's 200 answers the GET, not the PATCH before it.
	const answers = (e: TraceEntry, rule: MessageRule) => {
		if (e.type !== 'message' || !/^2\d\d /.test(e.summary)) return false;
		const request = trace.why(e.id).find((x) => x.type === 'message' && x.id !== e.id && x.from === e.to && x.to === e.from);
		if (!request || request.type !== 'message' || !matches(rule, request, causeOf) || answered.has(request.id)) return false;
		answered.add(request.id);
		return true;
	};
	const hit = (e: TraceEntry) =>
		'message' in until ? e.type === 'message' && matches(until.message, e, causeOf) : 'answered' in until ? answers(e, until.answered) : e.type === 'note' && fits(until.note, e.text);
	let seen = p.base;
	let count = 0;
	const deadline = queue.now + LIMIT_MS;
	for (;;) {
		for (; seen < trace.entries.length; seen++) if (hit(trace.entries[seen]!)) count++;
		if (count >= want) return;
		if (!queue.step() || queue.now > deadline) throw new Error(`scenario step ${step}: stop condition never met (t=${queue.now} ms)`);
	}
}

/** Runs one step's actions and stop condition, and records it. */
function runStep(p: Play, script: StepScript, inView: (slot: string) => boolean = () => true): RecordedStep {
	const { c } = p;
	const { trace } = c.cp.sim;
	const from = trace.entries.length;
	if (script.zero) p.origin = c.cp.sim.now;
	if (script.actions?.length) p.since = from;
	for (const a of script.actions ?? []) act(p, a, script.step);
	if (script.until) runUntil(p, script.until, script.step);
	const entries = trace.entries.slice(from);
	const candidates = trace.entries.slice(Math.max(p.base, p.since)).filter((e): e is TraceEntry & { type: 'message' } => e.type === 'message' && !p.shown.has(e.id));
	const { shown, alone } = select(script.show ?? [], candidates, (id) => trace.get(id));
	for (const m of shown) p.shown.add(m.id);
	const folded = foldRuns(shown, (m) => alone.has(m.id));
	const pods = c.pods();
	// Oldest first: by the first message that named the Pod (the API server's 201 to its creator).
	for (const { metadata } of pods) if (!p.firstSeen.has(metadata.name)) p.firstSeen.set(metadata.name, firstMention(trace.entries, metadata.name));
	p.slots.update([...pods].sort((a, b) => p.firstSeen.get(a.metadata.name)! - p.firstSeen.get(b.metadata.name)!));
	const titles = script.tables ?? DEFAULT_TABLES;
	const now = c.cp.sim.now;
	const wallClock = c.cp.epochMs + now;
	const table = (t: string) => (t === 'Pods with restarts' ? podsRestartsTable(pods, wallClock) : clusterTables(c).find((x) => x.title === t));
	return {
		step: script.step,
		messages: folded.map((f) => f.message),
		times: folded.map((f) => f.run[0]!.time),
		entries,
		tables: titles.map(table).filter((t) => t !== undefined),
		badges: p.slots.badges(pods, inView),
		slots: Object.fromEntries(pods.flatMap((pod) => (p.slots.slot(pod.metadata.name) ? [[p.slots.slot(pod.metadata.name)!, pod.metadata.name]] : []))),
		clock: p.origin === undefined ? undefined : clockText(now - p.origin),
		time: now,
		...(script.terminal === 'get pods' ? { output: getPodsText(pods, wallClock) } : {})
	};
}

const firstMention = (entries: readonly TraceEntry[], name: string) => entries.findIndex((e) => e.type === 'message' && e.summary.includes(name));

/**
 * Records every step of the scenario, branches included (each branch in its own run). `inView`
 * says whether a step's view shows a Pod slot, so badges go only where they can be seen; `slots`
 * names the scene's slot for each Pod the scene names one after.
 */
export function recordScenario(scn: Scenario, inView: (step: string, slot: string) => boolean = () => true, slots?: Record<string, string>): RecordedStep[] {
	const main = begin(scn, slots ? { slots } : {});
	const out: RecordedStep[] = [];
	for (const script of scn.steps) {
		const view = (slot: string) => inView(script.step, slot);
		if (!script.branch) {
			out.push(runStep(main, script, view));
			continue;
		}
		const alt = begin(scn, { ...script.branch.cluster, ...(slots ? { slots } : {}) });
		const path = mainPath(scn);
		const upTo = path.findIndex((s) => s.step === script.branch!.from);
		if (upTo < 0) throw new Error(`scenario step ${script.step}: no main-path step ${script.branch.from} to branch from`);
		for (const s of path.slice(0, upTo + 1)) runStep(alt, s);
		out.push(runStep(alt, script, view));
	}
	return out;
}
