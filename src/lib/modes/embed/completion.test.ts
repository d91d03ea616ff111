import { describe, expect, it } from 'vitest';
import { trackCompletion } from './completion';
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
