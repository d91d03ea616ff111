import { describe, expect, it } from 'vitest';
import { pathPosition, pathTo } from './graph';
import { branchy } from './fixtures/branchy';
import type { Step, Walkthrough } from './types';

// The branchy fixture: a → b (choice: c or x) → c → d; x is a branch listed last and ends its own path.
const fixture = branchy;
const step = (id: string, extra: Partial<Step> = {}): Step => ({ id, title: id, view: 'v', narration: id, ...extra });

describe('pathPosition', () => {
	it.each([
		['the first step', [], 'a', { number: 1, total: 4, branch: false }],
		['a choice counts the path Next would take', ['a'], 'b', { number: 2, total: 4, branch: false }],
		['the end of the main path is the last of its path, not of the list', ['a', 'b', 'c'], 'd', { number: 4, total: 4, branch: false }],
		['a side branch counts its own path and says it is one', ['a', 'b'], 'x', { number: 3, total: 3, branch: true }]
	] as const)('%s', (_name, history, id, expected) => {
		expect(pathPosition(fixture, [...history], id)).toEqual(expected);
	});

	it('stops counting at a loop instead of hanging', () => {
		const loop: Walkthrough = { ...fixture, steps: [step('a', { next: 'b' }), step('b', { next: 'a' })] };
		expect(pathPosition(loop, [], 'a')).toEqual({ number: 1, total: 2, branch: false });
	});
});

describe('pathTo', () => {
	// a offers a shortcut to d; the main path goes a → b → c → d.
	const shortcut: Walkthrough = {
		...fixture,
		steps: [step('a', { choices: [{ label: 'On', to: 'b' }, { label: 'Skip ahead', to: 'd' }] }), step('b'), step('c'), step('d', { end: true }), step('x', { end: true })]
	};
	it('a step on the main path is reached along the main path, not by a shortcut', () => {
		expect(pathTo(shortcut, 'd')).toEqual(['a', 'b', 'c']);
		expect(pathPosition(shortcut, pathTo(shortcut, 'd')!, 'd')).toEqual({ number: 4, total: 4, branch: false });
	});
	it('a step off the main path is reached by the shortest way', () => {
		expect(pathTo(fixture, 'x')).toEqual(['a', 'b']);
	});
	it('an unreachable step has no path', () => {
		expect(pathTo(shortcut, 'x')).toBeUndefined();
	});
});
