import { describe, expect, it } from 'vitest';
import { applyCommand, canGoBack, endsRange, type StepCommand, type StepRange } from './commands';
import { branchy } from '$lib/model/fixtures/branchy';
import { createSession } from './session';
import type { StepIndex } from '../model/step-number';

// Indices in the fixture: a 0, b 1, c 2, d 3, x 4 (the side branch, listed last).
const at = (index: number) => {
	const session = createSession(branchy, { startIndex: index });
	return { session, id: () => session.getState().id };
};
const goto = (index: number): StepCommand => ({ type: 'goto', index: index as StepIndex });

describe('applyCommand without a range', () => {
	it.each([
		['next from a', 0, { type: 'next' }, 'b', true],
		['next at the end of the main path does nothing', 3, { type: 'next' }, 'd', false],
		['previous from c goes back the way it came', 2, { type: 'previous' }, 'b', true],
		['previous on the first step does nothing', 0, { type: 'previous' }, 'a', false],
		['first', 3, { type: 'first' }, 'a', true],
		['last is the end of the main path, not the branch listed last', 0, { type: 'last' }, 'd', true],
		['goto the branch', 0, goto(4), 'x', true],
		['goto past the end is refused', 0, goto(5), 'a', false]
	] as const)('%s', (_name, start, command, expectedId, accepted) => {
		const { session, id } = at(start);
		expect(applyCommand(session, command as StepCommand)).toBe(accepted);
		expect(id()).toBe(expectedId);
	});

	it('play and pause reach the player', () => {
		const { session } = at(0);
		applyCommand(session, { type: 'play' });
		expect(session.getState().playing).toBe(true);
		applyCommand(session, { type: 'togglePlay' });
		expect(session.getState().playing).toBe(false);
		session.stop();
	});
});

describe('applyCommand inside an embed range b..c', () => {
	const range: StepRange = { start: 1, end: 2 };
	it.each([
		['next stops at the range end', 2, { type: 'next' }, 'c', false],
		['first is the range start', 2, { type: 'first' }, 'b', true],
		['last is the range end when the story goes on past it', 1, { type: 'last' }, 'c', true],
		['a goto outside the range is ignored, not clamped', 1, goto(3), 'b', false],
		['a goto inside the range is obeyed', 1, goto(2), 'c', true]
	] as const)('%s', (_name, start, command, expectedId, accepted) => {
		const { session, id } = at(start);
		expect(applyCommand(session, command as StepCommand, range)).toBe(accepted);
		expect(id()).toBe(expectedId);
	});

	it('previous from the range start would leave the range, so it is refused', () => {
		const { session, id } = at(2);
		applyCommand(session, { type: 'previous' }, range);
		expect(applyCommand(session, { type: 'previous' }, range)).toBe(false);
		expect(id()).toBe('b');
	});
});

describe('endsRange and canGoBack', () => {
	it.each([
		[3, undefined, true],
		[4, undefined, true],
		[1, undefined, false],
		[1, { start: 0, end: 1 }, true],
		[0, { start: 0, end: 2 }, false]
	] as const)('endsRange at %i in %j → %s', (index, range, expected) => {
		expect(endsRange(branchy, index, range)).toBe(expected);
	});
	it('canGoBack only into the range', () => {
		expect(canGoBack(branchy, ['a', 'b'], { start: 1, end: 3 })).toBe(true);
		expect(canGoBack(branchy, ['a'], { start: 1, end: 3 })).toBe(false);
		expect(canGoBack(branchy, [])).toBe(false);
	});
});
