import { describe, expect, it } from 'vitest';
import { linear } from '$lib/model/fixtures/linear';
import type { Walkthrough } from '$lib/model/types';
import { checkpointScore, trackCompletion } from './completion';
import type { ScormSession } from './scorm';

describe('trackCompletion', () => {
	it('stores each step (1-based) for the LMS and tells the host once, at the end', () => {
		const stored: [number, boolean][] = [];
		const scorm = { progress: (step: number, done: boolean) => stored.push([step, done]) } as unknown as ScormSession;
		let completes = 0;
		const progress = trackCompletion({ ends: (i) => i === 2, scorm: () => scorm, onComplete: () => completes++ });
		expect([0, 1, 2, 1, 2].map(progress)).toEqual([false, false, true, false, true]);
		expect(stored).toEqual([[1, false], [2, false], [3, true], [2, false], [3, true]]);
		expect(completes).toBe(1);
	});

	it('works without an LMS', () => {
		let completes = 0;
		const progress = trackCompletion({ ends: () => true, scorm: () => null, onComplete: () => completes++ });
		expect(progress(0)).toBe(true);
		expect(completes).toBe(1);
	});
});

describe('checkpointScore', () => {
	const checkpoint = { question: 'q', kind: 'choice' as const, options: [{ value: 'a' }, { value: 'b', misconception: 'x. y.' }], answer: 'a', feedback: 'f' };
	// Checkpoints at steps 0 and 1 of the three.
	const w: Walkthrough = { ...linear, steps: linear.steps.map((s, i) => (i < 2 ? { ...s, checkpoint } : s)) };
	const all = { start: 0, end: 2 };
	const cases: [string, { start: number; end: number }, Record<number, boolean>, number][] = [
		['nothing answered yet', all, {}, 0],
		['one of two right', all, { 0: true, 1: false }, 50],
		['both right', all, { 0: true, 1: true }, 100],
		['a range holding one checkpoint, answered right', { start: 1, end: 2 }, { 1: true }, 100],
		['a range with no checkpoint', { start: 2, end: 2 }, {}, 100]
	];
	it.each(cases)('%s', (_name, range, answers, score) => expect(checkpointScore(w, range, answers)).toBe(score));
});
