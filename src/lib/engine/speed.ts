// Playback speed and reading time: plain numbers, kept apart from the player machine so pages can show
// the speed menu and check ?speed without loading xstate.
import type { Step } from '../model/types';

export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4] as const;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

export function clampSpeed(speed: number): number {
	if (!Number.isFinite(speed)) return 1;
	return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** Reading time at 1×: a base plus time per word of narration, unless the step sets its own. */
export function dwellFor(step: Step | undefined): number {
	if (!step) return 3000;
	if (step.dwellMs !== undefined) return step.dwellMs;
	const words = step.narration.trim().split(/\s+/).length;
	return Math.round(Math.min(20000, 2000 + words * 220));
}
