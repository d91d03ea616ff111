import { describe, expect, it } from 'vitest';
import type { Walkthrough } from '../model/types';
import { carried, changedRows } from './carried';

const w: Walkthrough = {
	id: 'x/y',
	scene: 'x',
	title: '',
	summary: '',
	steps: [
		{ id: 'a', title: '', view: 'v', narration: 'a', clock: 't = 0 s' },
		{ id: 'b', title: '', view: 'v', narration: 'b' },
		{ id: 'c', title: '', view: 'v', narration: 'c', clock: 't = 50 s' }
	]
};

describe('carried', () => {
	it('keeps the last value on the path', () => {
		expect(carried(w, ['a'], 'b', 'clock')).toEqual({ value: 't = 0 s', fromEarlierStep: true });
		expect(carried(w, ['a', 'b'], 'c', 'clock')).toEqual({ value: 't = 50 s', fromEarlierStep: false });
		expect(carried(w, [], 'b', 'clock').value).toBeUndefined();
	});
});

describe('changedRows', () => {
	const cases: [string[][] | undefined, string[][], number[]][] = [
		[undefined, [['a', '1']], [0]],
		[[['a', '1']], [['a', '1']], []],
		[[['a', '1']], [['a', '2'], ['b', '1']], [0, 1]]
	];
	it.each(cases)('%j → %j', (before, now, changed) => expect([...changedRows(before, now)]).toEqual(changed));
});
