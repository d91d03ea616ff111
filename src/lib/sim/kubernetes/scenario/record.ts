// A walkthrough whose messages, tables, Pod badges and clock come from a recorded scenario. The data
// file keeps the words (title, narration, notes, roles, terminal, view, highlight, choices) and any
// badges that are not Pods (e.g. on kube-apiserver); this fills in the rest from the run.
import type { Scene, Walkthrough } from '$lib/model/types';
import { recordScenario, type RecordedStep } from './run';
import type { Scenario } from './types';

export interface Recorded {
	walkthrough: Walkthrough;
	steps: RecordedStep[];
}

export function recordWalkthrough(scenario: Scenario, w: Walkthrough, scene: Scene): Recorded {
	const viewOf = (step: string) => scene.views.find((v) => v.id === w.steps.find((s) => s.id === step)?.view);
	// Each Pod slot of the scene is named after the one Pod drawn there.
	const slots = Object.fromEntries(scene.components.filter((c) => c.kind === 'pod').map((c) => [c.name, c.id]));
	const steps = recordScenario(scenario, (step, slot) => viewOf(step)?.components.includes(slot) ?? false, slots);
	for (const s of steps) if (!w.steps.some((x) => x.id === s.step)) throw new Error(`${w.id}: the scenario records a step ${s.step} the walkthrough does not have`);
	// Tables and the clock are carried forward (engine/carried.ts): a step that would repeat its
	// predecessor's (the previous main-path step, or the step a branch leaves from) leaves them out.
	const before = new Map<string, string>();
	let previous: string | undefined;
	for (const script of scenario.steps) {
		const from = script.branch?.from ?? previous;
		if (from) before.set(script.step, from);
		if (!script.branch) previous = script.step;
	}
	const byId = new Map(steps.map((r) => [r.step, r]));
	const same = <T>(id: string, get: (r: RecordedStep) => T) => {
		const p = before.get(id);
		return p !== undefined && byId.has(p) && JSON.stringify(get(byId.get(p)!)) === JSON.stringify(get(byId.get(id)!));
	};
	return {
		steps,
		walkthrough: {
			...w,
			steps: w.steps.map((step) => {
				const r = steps.find((s) => s.step === step.id);
				if (!r) return step;
				if (step.messages || step.tables || step.clock) throw new Error(`${w.id}/${step.id}: messages, tables and clock come from the run; remove them from the data file`);
				if (r.output !== undefined && (!step.terminal || step.terminal.output !== undefined)) throw new Error(`${w.id}/${step.id}: the terminal's output comes from the run; give the step a terminal with its command and no output`);
				const badges = { ...r.badges, ...step.badges };
				return {
					...step,
					...(r.messages.length ? { messages: r.messages } : {}),
					...(same(step.id, (x) => x.tables) ? {} : { tables: r.tables }),
					...(r.clock && !same(step.id, (x) => x.clock) ? { clock: r.clock } : {}),
					...(Object.keys(badges).length ? { badges } : {}),
					...(r.output !== undefined && step.terminal ? { terminal: { ...step.terminal, output: r.output } } : {})
				};
			})
		}
	};
}
