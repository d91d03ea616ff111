// When an embed counts as finished: at the end of its range or of the path being walked. Each step is
// stored for the LMS (SCORM lesson_location) and completion is told to the host page once.
import type { ScormSession } from './scorm';
import { toStepNumber } from '$lib/model/step-number';
import { mainPath } from '$lib/model/graph';
import type { Walkthrough } from '$lib/model/types';
import type { StepRange } from '$lib/engine/commands';

export interface CompletionOptions {
	/** True where the embed ends (its `end` step, or where Next would leave the range or the story). */
	ends(index: number): boolean;
	/** The SCORM session, once the LMS has been found (or null without one). */
	scorm(): ScormSession | null;
	/** Posts `complete` to the host page. */
	onComplete(): void;
}

/** Returns `progress(index)`: records the step, and returns whether the embed is at its end. */
export function trackCompletion(options: CompletionOptions): (index: number) => boolean {
	let told = false;
	return (index) => {
		const done = options.ends(index);
		options.scorm()?.progress(toStepNumber(index), done);
		if (done && !told) {
			told = true;
			options.onComplete();
		}
		return done;
	};
}

/**
 * The SCORM score, 0–100: right answers over the checkpoints this embed asks, those on its main path
 * within its range (plus any answered on a branch). "Show me" and unanswered checkpoints count as not right.
 * @param answers by step index: whether the learner's prediction was right
 */
export function checkpointScore(w: Walkthrough, range: StepRange, answers: Record<number, boolean>): number {
	const asked = new Set(mainPath(w).filter((i) => i >= range.start && i <= range.end && w.steps[i]?.checkpoint));
	for (const i of Object.keys(answers)) asked.add(Number(i));
	if (asked.size === 0) return 100;
	const right = [...asked].filter((i) => answers[i]).length;
	return Math.round((100 * right) / asked.size);
}
