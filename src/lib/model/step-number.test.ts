import { describe, expect, it } from 'vitest';
import { parseStepNumber, toStepIndex, toStepNumber, type StepNumber } from './step-number';

describe('parseStepNumber', () => {
	it.each([
		['3', { ok: true, number: 3 }],
		[' 4 ', { ok: true, number: 4 }],
		['+2', { ok: true, number: 2 }],
		[7, { ok: true, number: 7 }],
		['12', { ok: true, number: 12 }],
		['0', { ok: false, problem: 'below', nearest: 1 }],
		[-3, { ok: false, problem: 'below', nearest: 1 }],
		['13', { ok: false, problem: 'above', nearest: 12 }],
		[1e9, { ok: false, problem: 'above', nearest: 12 }],
		['2.6', { ok: false, problem: 'not-whole', nearest: 3 }],
		[99.5, { ok: false, problem: 'not-whole', nearest: 12 }],
		['abc', { ok: false, problem: 'not-a-number', nearest: 1 }],
		['1e3', { ok: false, problem: 'not-a-number', nearest: 1 }],
		['0x4', { ok: false, problem: 'not-a-number', nearest: 1 }],
		['', { ok: false, problem: 'not-a-number', nearest: 1 }],
		[NaN, { ok: false, problem: 'not-a-number', nearest: 1 }],
		[Infinity, { ok: false, problem: 'not-a-number', nearest: 1 }],
		[null, { ok: false, problem: 'not-a-number', nearest: 1 }],
		[{ step: 3 }, { ok: false, problem: 'not-a-number', nearest: 1 }]
	] as const)('%j of 12 → %j', (raw, expected) => {
		expect(parseStepNumber(raw, 12)).toEqual(expected);
	});

	it('a walkthrough of no steps still has a step 1 to fall back to', () => {
		expect(parseStepNumber('5', 0)).toEqual({ ok: false, problem: 'above', nearest: 1 });
	});
});

describe('converters', () => {
	it('step 1 is index 0 and back', () => {
		expect(toStepIndex(1 as StepNumber)).toBe(0);
		expect(toStepNumber(toStepIndex(9 as StepNumber))).toBe(9);
	});
});
