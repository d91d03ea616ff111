import { describe, expect, it } from 'vitest';
import { parseStepParam } from './step-param';

describe('parseStepParam', () => {
	const cases: [string | null, number, boolean][] = [
		[null, 0, false],
		['', 0, false],
		['1', 0, false],
		['5', 4, false],
		['12', 11, false],
		['0', 0, true],
		['-3', 0, true],
		['999', 11, true],
		['abc', 0, true],
		['2.6', 2, true],
		['3abc', 0, true],
		[' 4 ', 3, false],
		['1e3', 0, true]
	];
	it.each(cases)('?step=%s → index %i (notice: %s)', (raw, index, notice) => {
		const r = parseStepParam(raw, 12);
		expect(r.index).toBe(index);
		expect(Boolean(r.notice)).toBe(notice);
	});
	it('the notice says what was asked and what is shown', () => {
		expect(parseStepParam('999', 12).notice).toContain('12 steps');
		expect(parseStepParam('abc', 12).notice).toContain('"abc"');
	});
});
