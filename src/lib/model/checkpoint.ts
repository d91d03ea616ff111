// Predict, then see: grading a learner's answer to a step's checkpoint, and the words every mode shows
// for its options. Pure, so explore, embed, present and the tests all grade the same way.
import type { Checkpoint, CheckpointOption, Scene, Step } from './types';

export interface Grade {
	correct: boolean;
	/** The option picked, if the answer was one of them (a click on another part of the diagram is not). */
	option?: CheckpointOption;
	/** What a wrong answer suggests the learner thought; absent when right or when no option was picked. */
	misconception?: string;
}

/** Grades one answer. A `component` checkpoint may be answered with any part of the diagram. */
export function grade(checkpoint: Checkpoint, value: string): Grade {
	const option = checkpoint.options.find((o) => o.value === value);
	const correct = value === checkpoint.answer;
	return { correct, option, misconception: correct ? undefined : option?.misconception };
}

/** What the learner reads for an answer: a component's display name, or the choice's text. */
export function answerLabel(scene: Scene, checkpoint: Checkpoint, value: string): string {
	if (checkpoint.kind === 'choice') return value;
	return scene.components.find((c) => c.id === value)?.name ?? value;
}

/**
 * A misconception is written as the wrong idea, then why not: "kubectl creates the Pods. It sent one
 * Deployment and exited." Split at the first sentence so the page can say "you may have thought …".
 */
export function misconceptionParts(text: string): { belief: string; correction: string } {
	const at = text.search(/\. (?=\S)/);
	return at < 0 ? { belief: text.replace(/\.$/, ''), correction: '' } : { belief: text.slice(0, at), correction: text.slice(at + 2) };
}

/**
 * Said in place of a step's narration while its question is open: the narration explains what happens,
 * so shown (or read out) first it would give the answer away.
 */
export const WITHHELD_NARRATION = 'Predict first: the explanation follows your answer.';

/** A, B, C, D: how a room names the options. */
export const optionLetter = (i: number) => String.fromCharCode(65 + i);

/**
 * What is wrong with a step's checkpoint, in words for the content validator. A component answer must
 * be a part shown in the step's view and, where the step has messages, one that sends some of them:
 * the question is graded against the traffic the learner then sees.
 */
export function checkpointProblems(step: Step, scene: Scene, visible: ReadonlySet<string>): string[] {
	const c = step.checkpoint;
	if (!c) return [];
	const problems: string[] = [];
	if (!c.question.trim()) problems.push('checkpoint question is empty');
	if (!c.feedback.trim()) problems.push('checkpoint feedback is empty');
	if (c.options.length < 2 || c.options.length > 4) problems.push(`checkpoint has ${c.options.length} options; give 2 to 4 (A–D)`);
	const values = c.options.map((o) => o.value);
	if (new Set(values).size !== values.length) problems.push('checkpoint options repeat a value');
	if (!values.includes(c.answer)) problems.push(`checkpoint answer "${c.answer}" is not one of its options`);
	for (const o of c.options) {
		if (o.value !== c.answer && !o.misconception?.trim()) problems.push(`checkpoint option "${o.value}" needs the misconception it stands for`);
		else if (o.misconception && !misconceptionParts(o.misconception).correction)
			problems.push(`checkpoint option "${o.value}": write its misconception as the wrong idea, then why not (two sentences)`);
		if (o.value === c.answer && o.misconception) problems.push('the right answer carries a misconception');
	}
	if (c.kind === 'component') {
		const ids = new Set(scene.components.map((x) => x.id));
		for (const v of values)
			if (!ids.has(v)) problems.push(`checkpoint option "${v}" is not a component`);
			else if (!visible.has(v)) problems.push(`checkpoint option "${v}" is not shown in view "${step.view}"`);
		const senders = new Set((step.messages ?? []).map((m) => m.from));
		if (senders.size && !senders.has(c.answer)) problems.push(`checkpoint answer "${c.answer}" sends none of the step's messages`);
	}
	return problems;
}
