import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	loadProgress,
	parseProgress,
	recordAnswer,
	recordStep,
	resetProgress,
	resumePlace,
	scoreOf,
	statusOf,
	statusText,
	withAnswer,
	withStep,
	type Place
} from './progress';

const place = (step: number, number = step, total = 5, branch = false): Place => ({ step, number, total, branch });

/** A localStorage stand-in (Node has none): a Map, or one whose every call throws like a sandboxed iframe's. */
function fakeStorage(throws = false) {
	const map = new Map<string, string>();
	const guard = () => {
		if (throws) throw new DOMException('The operation is insecure.', 'SecurityError');
	};
	return {
		map,
		getItem: (k: string) => (guard(), map.get(k) ?? null),
		setItem: (k: string, v: string) => (guard(), void map.set(k, v)),
		removeItem: (k: string) => (guard(), void map.delete(k))
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('states', () => {
	it('is not started until the learner moves past the first step', () => {
		expect(statusOf(undefined)).toEqual({ kind: 'not-started' });
		expect(withStep({}, 'w', place(1), false)).toEqual({});
		expect(statusText(statusOf(withStep({}, 'w', place(1), false)['w']))).toBe('Not started');
	});

	it('is in progress at the step on the path being walked, not its place in the list', () => {
		// A side branch listed 9th, reached as the 4th step walked, on a path of 6.
		const all = withStep({}, 'w', place(9, 4, 6, true), false);
		expect(statusOf(all['w'])).toEqual({ kind: 'in-progress', at: place(9, 4, 6, true) });
		expect(statusText(statusOf(all['w']))).toBe('Step 4 of 6 (branch)');
		expect(resumePlace(all['w'])?.step).toBe(9);
	});

	it('going back to step 1 of a started walkthrough still counts as started', () => {
		const all = withStep(withStep({}, 'w', place(3), false), 'w', place(1), false);
		expect(statusText(statusOf(all['w']))).toBe('Step 1 of 5');
		expect(resumePlace(all['w'])).toBeUndefined();
	});

	it('is completed at the end of a path, and stays so when the learner goes back over it', () => {
		let all = withStep({}, 'w', place(5), true);
		expect(statusText(statusOf(all['w']))).toBe('Completed');
		all = withStep(all, 'w', place(2), false);
		expect(statusOf(all['w']).kind).toBe('completed');
		expect(resumePlace(all['w'])).toBeUndefined();
	});

	it('keeps walkthroughs apart', () => {
		const all = withStep(withStep({}, 'a', place(2), false), 'b', place(4), true);
		expect(statusText(statusOf(all['a']))).toBe('Step 2 of 5');
		expect(statusText(statusOf(all['b']))).toBe('Completed');
	});
});

describe('score', () => {
	it('counts the first answer to each checkpoint, right or wrong', () => {
		let all = withAnswer({}, 'w', 'c1', false);
		all = withAnswer(all, 'w', 'c1', true); // the retry after the reveal
		all = withAnswer(all, 'w', 'c2', true);
		expect(scoreOf(all['w'])).toEqual({ correct: 1, answered: 2 });
		all = withStep(all, 'w', place(5), true);
		expect(statusText(statusOf(all['w']))).toBe('Completed · 1 of 2 checkpoints right');
	});

	it('has none before an answer; one answer reads in the singular', () => {
		expect(scoreOf(withStep({}, 'w', place(5), true)['w'])).toBeUndefined();
		const all = withStep(withAnswer({}, 'w', 'c', true), 'w', place(5), true);
		expect(statusText(statusOf(all['w']))).toBe('Completed · 1 of 1 checkpoint right');
	});

	it('an answer alone does not start a walkthrough', () => {
		expect(statusOf(withAnswer({}, 'w', 'c', true)['w']).kind).toBe('not-started');
	});
});

describe('reading what storage holds', () => {
	it('keeps well-formed records and drops the rest', () => {
		const raw = JSON.stringify({
			good: { at: place(3), completed: false, answers: { c: true, bad: 'yes' } },
			badPlace: { at: { step: 0, number: 1, total: 2, branch: false }, completed: true, answers: [] },
			nonsense: 7
		});
		expect(parseProgress(raw)).toEqual({
			good: { at: place(3), completed: false, answers: { c: true } },
			badPlace: { completed: true, answers: {} }
		});
	});

	it.each([null, '', 'not json', '[1,2]', '"text"', 'null'])('reads %j as no progress', (raw) => {
		expect(parseProgress(raw)).toEqual({});
	});
});

describe('the store', () => {
	it('remembers steps and answers, and reset forgets them', () => {
		const storage = fakeStorage();
		vi.stubGlobal('localStorage', storage);
		recordStep('w', place(3), false);
		recordAnswer('w', 'c', true);
		expect(loadProgress()['w']).toEqual({ at: place(3), completed: false, answers: { c: true } });
		expect([...storage.map.keys()]).toEqual(['wheelhouse:progress']);
		resetProgress();
		expect(loadProgress()).toEqual({});
		expect(storage.map.size).toBe(0);
	});

	it('works when storage throws, just without memory', () => {
		vi.stubGlobal('localStorage', fakeStorage(true));
		expect(() => {
			recordStep('w', place(3), false);
			recordAnswer('w', 'c', false);
			resetProgress();
		}).not.toThrow();
		expect(loadProgress()).toEqual({});
	});

	it('works with no storage at all', () => {
		vi.stubGlobal('localStorage', undefined);
		recordStep('w', place(3), false);
		expect(loadProgress()).toEqual({});
	});
});
