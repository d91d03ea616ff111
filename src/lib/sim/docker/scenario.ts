// A Docker walkthrough recorded from the simulator, as the Kubernetes ones are (kubernetes/scenario):
// the data file keeps the words; a scenario beside them says, per step, which commands are typed, when
// the step ends and which of its messages it shows; this fills in the messages (and, where asked, the
// terminal's output) from the run. It runs where the content module is evaluated: in Node, at build time
// and in tests, so no simulator code reaches a walkthrough page. Message selection and folding are the
// Kubernetes recorder's (generic over messages).
import type { Scene, Walkthrough } from '$lib/model/types';
import { formatTime, type SimMessage } from '../core/trace';
import { fold, foldRuns } from '../kubernetes/scenario/fold';
import { matches, select } from '../kubernetes/scenario/match';
import type { MessageRule } from '../kubernetes/scenario/types';
import { DockerEngine, type EngineOptions, type Typed } from './engine';

export interface DockerStepScript {
	/** The walkthrough step this records. */
	step: string;
	/** Simulated time that passes before the commands (a learner reading, waiting). */
	wait?: number;
	/** Commands typed at the step's start. */
	type?: string[];
	/** The step ends once this many messages (default 1) matching the rule were sent in it; default: when the last command ends. */
	until?: MessageRule & { count?: number };
	/** Simulated ms run after the stop condition holds, so what was sent then has arrived (the terminal's progress lines). */
	settle?: number;
	/** The messages shown, from those sent since the latest step that typed a command and not shown yet. */
	show?: MessageRule[];
	/** The step's terminal shows the last command's output as it stands at the step's end. */
	output?: boolean;
	/** A branch: recorded on a fresh engine (the same options), starting from this step's commands. */
	fresh?: boolean;
	/** Files written in the working directory (the build context) before the commands. */
	files?: Record<string, string>;
}

export interface DockerScenario {
	title: string;
	engine: EngineOptions;
	/** The walkthrough this one follows on the same host: its run (up to its first branch) is replayed first, unrecorded. */
	continues?: DockerScenario;
	steps: DockerStepScript[];
}

/** Replays a scenario's story (not its branches) on an engine: files, waits and commands, each run to its end. */
function replay(engine: DockerEngine, scenario: DockerScenario): void {
	if (scenario.continues) replay(engine, scenario.continues);
	for (const script of scenario.steps) {
		if (script.fresh) return;
		for (const [name, text] of Object.entries(script.files ?? {})) engine.files.set(name, text);
		if (script.wait) engine.wait(script.wait);
		for (const line of script.type ?? []) {
			const typed = engine.type(line);
			let guard = 0;
			while (!typed.result && engine.sim.queue.step()) if (++guard > 100_000) throw new Error(`${scenario.title}: ${line} never ended`);
		}
	}
}

/** A new engine for a scenario, with the host as the walkthroughs before it left it. */
function startEngine(scenario: DockerScenario): DockerEngine {
	const engine = new DockerEngine(scenario.engine);
	if (scenario.continues) replay(engine, scenario.continues);
	return engine;
}

export interface RecordedDockerStep {
	step: string;
	/** Simulated time at the step's end. */
	time: number;
	messages: SimMessage[];
	/** Each shown (folded) message and when its first message was sent. */
	shown: { line: string; time: number }[];
	/** How many messages the step left out. */
	hidden: number;
	output?: string;
}

export function recordDocker(scenario: DockerScenario): RecordedDockerStep[] {
	let engine = startEngine(scenario);
	let storyFrom = engine.sim.trace.size;
	const shownIds = new Set<number>();
	let last: Typed | undefined;
	return scenario.steps.map((script) => {
		if (script.fresh) {
			engine = startEngine(scenario);
			storyFrom = engine.sim.trace.size;
			last = undefined;
			// Ids count anew in the new run.
			shownIds.clear();
		}
		const { sim } = engine;
		for (const [name, text] of Object.entries(script.files ?? {})) engine.files.set(name, text);
		if (script.wait) engine.wait(script.wait);
		const start = sim.trace.size;
		if (script.type?.length) storyFrom = start;
		for (const line of script.type ?? []) last = engine.type(line);
		const sentSince = (from: number) => sim.trace.slice(from).flatMap((e) => (e.type === 'message' ? [e as SimMessage] : []));
		const causeOf = (id: number) => sim.trace.get(id);
		const reached = () => {
			const u = script.until;
			if (!u) return last?.result !== undefined;
			return sentSince(start).filter((m) => matches(u, m, causeOf)).length >= (u.count ?? 1);
		};
		let guard = 0;
		while (!reached() && sim.queue.step()) if (++guard > 100_000) throw new Error(`${scenario.title}/${script.step}: the stop condition never held`);
		if (!reached()) throw new Error(`${scenario.title}/${script.step}: the run went idle before the stop condition held`);
		if (script.settle) sim.queue.runUntil(sim.now + script.settle);
		const candidates = sentSince(storyFrom).filter((m) => !shownIds.has(m.id));
		const { shown, alone } = select(script.show ?? [], candidates, causeOf);
		for (const m of shown) shownIds.add(m.id);
		const runs = foldRuns(shown, (m) => alone.has(m.id));
		return {
			step: script.step,
			time: sim.now,
			messages: shown,
			shown: runs.map((r) => ({ line: `${r.message.from} → ${r.message.to}: ${r.message.summary}`, time: r.run[0]!.time })),
			hidden: sentSince(start).length - shown.filter((m) => m.id > start).length,
			...(script.output && last ? { output: last.output.join('\n') } : {})
		};
	});
}

export interface RecordedDocker {
	walkthrough: Walkthrough;
	steps: RecordedDockerStep[];
}

/** The walkthrough with each recorded step's messages (folded) and terminal output from the run. */
export function recordDockerWalkthrough(scenario: DockerScenario, w: Walkthrough, scene: Scene): RecordedDocker {
	const steps = recordDocker(scenario);
	const components = new Set(scene.components.map((c) => c.id));
	const connections = new Set(scene.connections.map((c) => c.id));
	for (const r of steps) {
		const step = w.steps.find((s) => s.id === r.step);
		if (!step) throw new Error(`${w.id}: the scenario records a step ${r.step} the walkthrough does not have`);
		if (step.messages) throw new Error(`${w.id}/${r.step}: messages come from the run; remove them from the data file`);
		for (const m of r.messages) if (!components.has(m.from) || !components.has(m.to) || !connections.has(m.via)) throw new Error(`${w.id}/${r.step}: ${m.from} → ${m.to} via ${m.via} is not in the scene`);
	}
	const byId = new Map(steps.map((r) => [r.step, r]));
	return {
		steps,
		walkthrough: {
			...w,
			steps: w.steps.map((step) => {
				const r = byId.get(step.id);
				if (!r) return step;
				const messages = fold(r.messages.map(({ from, to, via, kind, summary }) => ({ from, to, via, kind, summary })));
				return {
					...step,
					...(messages.length ? { messages } : {}),
					...(r.output !== undefined && step.terminal ? { terminal: { ...step.terminal, output: r.output } } : {})
				};
			})
		}
	};
}

/** The golden text: per step the shown lines with their simulated times, the terminal, what was left out. */
export function dockerGoldenText(title: string, { walkthrough, steps }: RecordedDocker): string {
	const out = [`# ${title}`, ''];
	for (const r of steps) {
		const step = walkthrough.steps.find((s) => s.id === r.step)!;
		out.push(`## ${r.step}: ${step.title} (until ${formatTime(r.time)})`, '', `Shown (${r.shown.length}), left out: ${r.hidden} messages`);
		for (const s of r.shown) out.push(`  ${formatTime(s.time)} ${s.line}`);
		if (r.output !== undefined) out.push('', '$ ' + (step.terminal?.command ?? ''), ...r.output.split('\n').map((l) => `  ${l}`));
		out.push('');
	}
	return out.join('\n');
}
