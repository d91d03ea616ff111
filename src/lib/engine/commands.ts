// One command bus. Keys, the host page's postMessage and the speaker window each only parse their input
// into a StepCommand; what a command does, and what an embed's start–end range allows, is decided here.
import { defaultNext, indexOfStep, mainPath } from '../model/graph';
import type { StepIndex } from '../model/step-number';
import type { Walkthrough } from '../model/types';
import type { Session } from './session';

export type StepCommand =
	| { type: 'next' }
	| { type: 'previous' }
	/** The first step (of the range). */
	| { type: 'first' }
	/** The end of the main path (within the range), not a side branch listed last. */
	| { type: 'last' }
	| { type: 'goto'; index: StepIndex }
	| { type: 'play' }
	| { type: 'pause' }
	| { type: 'togglePlay' };

/** The inclusive range of step indices an embed is limited to (`start`/`end` in its URL). */
export interface StepRange {
	start: number;
	end: number;
}

/** True when the step index lies in the range (or there is no range). */
export const within = (index: number, range?: StepRange) => !range || (index >= range.start && index <= range.end);

/** True where Next has nowhere to go: the end of the story, the range's end, or a step leading out of it. */
export function endsRange(w: Walkthrough, index: number, range?: StepRange): boolean {
	if (range && index === range.end) return true;
	const next = defaultNext(w, index);
	return next === undefined || !within(indexOfStep(w, next), range);
}

/** Previous goes back the way the learner came, if that step is inside the range. */
export function canGoBack(w: Walkthrough, history: string[], range?: StepRange): boolean {
	const back = history.at(-1);
	return back !== undefined && within(indexOfStep(w, back), range);
}

/**
 * Carries out a command on a session. Outside its range an embed ignores a goto (as the host API
 * promises) rather than clamping it, and Next/Previous stop at the range's ends.
 * Returns false when the command was refused, so a caller may say so.
 */
export function applyCommand(session: Session, command: StepCommand, range?: StepRange): boolean {
	const w = session.walkthrough;
	const state = session.getState();
	switch (command.type) {
		case 'next':
			if (endsRange(w, state.index, range)) return false;
			session.next();
			return true;
		case 'previous':
			if (!canGoBack(w, state.history, range)) return false;
			session.previous();
			return true;
		case 'first':
			session.goto(range?.start ?? 0);
			return true;
		case 'last': {
			const end = mainPath(w).at(-1) ?? 0;
			session.goto(range ? Math.min(range.end, Math.max(range.start, end)) : end);
			return true;
		}
		case 'goto':
			if (!within(command.index, range) || command.index < 0 || command.index >= w.steps.length) return false;
			session.goto(command.index);
			return true;
		case 'play':
			session.play();
			return true;
		case 'pause':
			session.pause();
			return true;
		case 'togglePlay':
			session.togglePlay();
			return true;
	}
}
