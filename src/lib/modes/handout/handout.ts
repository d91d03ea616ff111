// What a printed handout holds, in the order a learner meets it: the main path as "Step 1 … N", then
// each side branch's steps, labelled with where they leave the path and which choice leads there.
// Numbers count the path being walked, as the step indicator does (model/graph pathPosition). Pure.
import { formatMessage } from '$lib/engine/message-log';
import { indexOfStep, mainPath, pathPosition, pathTo, reachableSteps } from '$lib/model/graph';
import type { MessageKind, Scene, Step, Walkthrough } from '$lib/model/types';

export interface HandoutMessage {
	/** 1-based, as the diagram's numbered marks. */
	n: number;
	kind: MessageKind;
	/** `FROM → TO: SUMMARY`, as the message log writes it. */
	text: string;
}

export interface HandoutStep {
	step: Step;
	/** The `?step=` number of this step on an explore page. */
	listNumber: number;
	/** Position on the path that reaches it: what "Step N of M" says there. */
	number: number;
	total: number;
	/** Set for a step off the main path. */
	branch?: { from: number; choice: string };
	messages: HandoutMessage[];
	/** This step's "The deck says …" asides. */
	deck: string[];
}

export function handoutSteps(scene: Scene, w: Walkthrough): HandoutStep[] {
	const main = mainPath(w);
	const reachable = reachableSteps(w);
	const sides = w.steps.map((_, i) => i).filter((i) => !main.includes(i) && reachable.has(w.steps[i]!.id));
	const entry = (index: number, history: string[], branch?: HandoutStep['branch']): HandoutStep => {
		const step = w.steps[index]!;
		const { number, total } = pathPosition(w, history, step.id);
		return {
			step,
			listNumber: index + 1,
			number,
			total,
			...(branch && { branch }),
			messages: (step.messages ?? []).map((m, i) => ({ n: i + 1, kind: m.kind, text: formatMessage(scene, m) })),
			deck: (w.deckCorrections ?? []).filter((c) => c.step === step.id).map((c) => c.text)
		};
	};
	const mainIds = main.map((i) => w.steps[i]!.id);
	return [
		...main.map((index, k) => entry(index, mainIds.slice(0, k))),
		...sides.map((index) => {
			const history = pathTo(w, w.steps[index]!.id) ?? [];
			return entry(index, history, branchOf(w, history, w.steps[index]!.id, mainIds));
		})
	];
}

/** Where a side branch leaves the main path (the step's number there) and the choice that takes it. */
function branchOf(w: Walkthrough, history: string[], id: string, mainIds: string[]): HandoutStep['branch'] {
	const way = [...history, id];
	const leave = way.findIndex((s) => !mainIds.includes(s));
	const at = way[leave - 1];
	const choice = at ? w.steps[indexOfStep(w, at)]?.choices?.find((c) => c.to === way[leave]) : undefined;
	return { from: leave, choice: choice?.label ?? '' };
}
