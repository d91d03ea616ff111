// A self-study learner's place in each walkthrough: where they stopped, whether they reached an end,
// and how they answered the checkpoints. Pure functions over plain records, plus a best-effort store:
// in a sandboxed iframe storage may throw, and then progress simply is not remembered. Embeds never
// call the store (the LMS keeps their state); explore does, and the gallery reads it.
import type { PathPosition } from '$lib/model/graph';
import { readPreference, removePreference, writePreference } from './safe-storage';

/** Where the learner stood, as the step indicator said it. */
export interface Place extends PathPosition {
	/** 1-based number in the walkthrough's list of steps: what `?step=` takes to return there. */
	step: number;
}

export interface ProgressRecord {
	/** The last step shown; absent until the learner moves past the first step. */
	at?: Place;
	/** Reached the end of a path at least once (stays so when they go back over it). */
	completed: boolean;
	/** Checkpoint id → whether the first answer was right. */
	answers: Record<string, boolean>;
}

/** Walkthrough id ("<scene>/<walkthrough>") → its record. */
export type ProgressMap = Record<string, ProgressRecord>;

export interface Score {
	correct: number;
	answered: number;
}

export type ProgressStatus =
	| { kind: 'not-started' }
	| { kind: 'in-progress'; at: Place; score?: Score }
	| { kind: 'completed'; score?: Score };

const EMPTY: ProgressRecord = { completed: false, answers: {} };

/** The record after the learner is shown a step; `atEnd` when it ends the path being walked. */
export function withStep(all: ProgressMap, id: string, at: Place, atEnd: boolean): ProgressMap {
	const before = all[id];
	// Opening a walkthrough shows step 1: that alone is not a start, or every glance would be one.
	if (!before && at.number === 1 && !atEnd) return all;
	return { ...all, [id]: { ...(before ?? EMPTY), at, completed: (before?.completed ?? false) || atEnd } };
}

/** The record after a checkpoint is answered. The first answer counts: a try after the reveal always succeeds. */
export function withAnswer(all: ProgressMap, id: string, checkpoint: string, correct: boolean): ProgressMap {
	const before = all[id] ?? EMPTY;
	if (checkpoint in before.answers) return all;
	return { ...all, [id]: { ...before, answers: { ...before.answers, [checkpoint]: correct } } };
}

export function scoreOf(record: ProgressRecord | undefined): Score | undefined {
	const answers = Object.values(record?.answers ?? {});
	return answers.length ? { correct: answers.filter(Boolean).length, answered: answers.length } : undefined;
}

export function statusOf(record: ProgressRecord | undefined): ProgressStatus {
	const score = scoreOf(record);
	if (record?.completed) return { kind: 'completed', ...(score && { score }) };
	if (record?.at) return { kind: 'in-progress', at: record.at, ...(score && { score }) };
	return { kind: 'not-started' };
}

/** "3 of 4 checkpoints right". */
export function scoreText(score: Score): string {
	return `${score.correct} of ${score.answered} ${score.answered === 1 ? 'checkpoint' : 'checkpoints'} right`;
}

/** The status in words (never colour alone): "Not started", "Step 7 of 14", "Completed · 3 of 4 checkpoints right". */
export function statusText(status: ProgressStatus): string {
	switch (status.kind) {
		case 'not-started':
			return 'Not started';
		case 'in-progress':
			return `Step ${status.at.number} of ${status.at.total}${status.at.branch ? ' (branch)' : ''}`;
		case 'completed':
			return status.score ? `Completed · ${scoreText(status.score)}` : 'Completed';
	}
}

/** A place worth offering to return to: somewhere past the first step of an unfinished walkthrough. */
export function resumePlace(record: ProgressRecord | undefined): Place | undefined {
	return record && !record.completed && record.at && record.at.step > 1 ? record.at : undefined;
}

// ---- The store: one key, read fresh each time (another tab may have written it). ----

const KEY = 'progress';

/** Anything may be in storage (an old version, another app, a hand edit): keep only well-formed records. */
export function parseProgress(raw: string | null): ProgressMap {
	let data: unknown;
	try {
		data = JSON.parse(raw ?? '{}');
	} catch {
		return {};
	}
	if (!isObject(data)) return {};
	const out: ProgressMap = {};
	for (const [id, r] of Object.entries(data)) {
		if (!isObject(r)) continue;
		const answers = isObject(r.answers) ? Object.fromEntries(Object.entries(r.answers).filter(([, v]) => typeof v === 'boolean')) : {};
		out[id] = { completed: r.completed === true, answers: answers as Record<string, boolean>, ...(isPlace(r.at) && { at: r.at }) };
	}
	return out;
}

function isObject(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isPlace(x: unknown): x is Place {
	const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;
	return isObject(x) && whole(x.step) && whole(x.number) && whole(x.total) && typeof x.branch === 'boolean';
}

export function loadProgress(): ProgressMap {
	return parseProgress(readPreference(KEY));
}

function update(change: (all: ProgressMap) => ProgressMap) {
	const before = loadProgress();
	const after = change(before);
	if (after !== before) writePreference(KEY, JSON.stringify(after));
}

export function recordStep(walkthroughId: string, at: Place, atEnd: boolean): void {
	update((all) => withStep(all, walkthroughId, at, atEnd));
}

/** For the checkpoints (predict, then see): counts toward the walkthrough's score. */
export function recordAnswer(walkthroughId: string, checkpointId: string, correct: boolean): void {
	update((all) => withAnswer(all, walkthroughId, checkpointId, correct));
}

export function resetProgress(): void {
	removePreference(KEY);
}
