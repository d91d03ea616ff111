// What a page shows of a session, and that state for a step at rest, worked out without xstate: an
// embed draws its first step from this and loads the engine only when the learner reaches it.
import { defaultNext, pathPosition, pathTo, type PathPosition } from '../model/graph';
import type { Step, Walkthrough } from '../model/types';
import { clampSpeed } from './speed';

export interface StepPosition {
	id: string;
	index: number;
	settled: boolean;
	delivered: number;
	history: string[];
}

export interface SessionState extends StepPosition {
	step: Step;
	total: number;
	/** What "Step N of M" shows: the position on the path being walked. */
	position: PathPosition;
	playing: boolean;
	speed: number;
	canPrevious: boolean;
	canNext: boolean;
	isLast: boolean;
}

export function clampIndex(w: Walkthrough, index: number): number {
	if (!Number.isFinite(index)) return 0;
	return Math.min(w.steps.length - 1, Math.max(0, Math.trunc(index)));
}

/** Everything the UI needs once a position is known; shared with the live session so both agree. */
export function describe(w: Walkthrough, pos: StepPosition, playing: boolean, speed: number): SessionState {
	const isLast = defaultNext(w, pos.index) === undefined;
	return {
		...pos,
		step: w.steps[pos.index]!,
		total: w.steps.length,
		position: pathPosition(w, pos.history, pos.id),
		playing,
		speed,
		canPrevious: pos.history.length > 0,
		canNext: !isLast,
		isLast
	};
}

/** A step reached by the shortest path, its messages all delivered, paused: a fresh session at rest. */
export function restingState(w: Walkthrough, index = 0, speed = 1): SessionState {
	const i = clampIndex(w, index);
	const step = w.steps[i]!;
	const position = { id: step.id, index: i, settled: true, delivered: step.messages?.length ?? 0, history: pathTo(w, step.id) ?? [] };
	return describe(w, position, false, clampSpeed(speed));
}
