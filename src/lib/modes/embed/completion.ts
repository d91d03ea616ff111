// When an embed counts as finished: at the end of its range or of the path being walked. Each step is
// stored for the LMS (SCORM lesson_location) and completion is told to the host page once.
import type { ScormSession } from './scorm';
import { toStepNumber } from '$lib/model/step-number';

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
