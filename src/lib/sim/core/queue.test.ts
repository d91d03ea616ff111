import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue';

describe('EventQueue', () => {
	it('runs events by time, and events at the same time in the order they were scheduled', () => {
		const q = new EventQueue();
		const seen: string[] = [];
		q.schedule({ at: 5 }, () => seen.push('b@5'));
		q.schedule({ at: 1 }, () => seen.push('a@1'));
		q.schedule({ at: 5 }, () => seen.push('c@5'));
		q.schedule({ after: 5 }, () => seen.push('d@5'));
		q.schedule({ at: 3 }, () => q.schedule({ after: 2 }, () => seen.push('e@5, scheduled last')));
		q.runUntilIdle();
		expect(seen).toEqual(['a@1', 'b@5', 'c@5', 'd@5', 'e@5, scheduled last']);
		expect(q.now).toBe(5);
	});

	it('keeps insertion order among many ties (the heap is not stable by itself)', () => {
		const q = new EventQueue();
		const seen: number[] = [];
		for (let i = 0; i < 200; i++) q.schedule({ at: i % 3 }, () => seen.push(i));
		q.runUntilIdle();
		const expected = [0, 1, 2].flatMap((t) => Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 3 === t));
		expect(seen).toEqual(expected);
	});

	it('runUntil runs what is due, then moves the clock to the time asked', () => {
		const q = new EventQueue();
		const seen: number[] = [];
		q.schedule({ at: 10 }, () => seen.push(10));
		q.schedule({ at: 20 }, () => seen.push(20));
		q.runUntil(15);
		expect(seen).toEqual([10]);
		expect(q.now).toBe(15);
		expect(q.step()).toBe(true);
		expect(q.step()).toBe(false);
	});

	it('skips cancelled events and refuses the past', () => {
		const q = new EventQueue();
		const seen: number[] = [];
		q.schedule({ at: 1 }, () => seen.push(1)).cancel();
		q.schedule({ at: 2 }, () => seen.push(2));
		q.runUntilIdle();
		expect(seen).toEqual([2]);
		expect(() => q.schedule({ at: 1 }, () => {})).toThrow(RangeError);
	});

	it('passes each event its cause, and work scheduled inside inherits it', () => {
		const q = new EventQueue();
		const causes: (number | null)[] = [];
		q.schedule({ at: 1 }, (c) => {
			causes.push(c);
			q.schedule({ after: 1 }, () => causes.push(q.cause));
		}, 7);
		q.runUntilIdle();
		expect(causes).toEqual([7, 7]);
		expect(q.cause).toBeNull();
	});

	it('stops a loop that never settles', () => {
		const q = new EventQueue();
		const loop = () => q.schedule({ after: 1 }, loop);
		loop();
		expect(() => q.runUntilIdle(50)).toThrow(/not idle after 50 events/);
	});

	it.each([
		['not yet run', false, 0, true, 1],
		['run', false, 10, false, 1],
		['cancelled before it ran', true, 0, false, 0],
		['cancelled after it ran (no effect)', true, 10, false, 1]
	] as const)('a timer %s: pending is %s', (_what, cancel, runTo, pending, runs) => {
		const q = new EventQueue();
		let ran = 0;
		const t = q.schedule({ at: 5 }, () => ran++);
		q.runUntil(runTo);
		if (cancel) t.cancel();
		expect(t.pending).toBe(pending);
		q.runUntilIdle();
		expect(ran).toBe(runs);
	});
});
