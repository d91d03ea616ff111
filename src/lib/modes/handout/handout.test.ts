import { describe, expect, it } from 'vitest';
import { branchy } from '$lib/model/fixtures/branchy';
import { linear } from '$lib/model/fixtures/linear';
import { fixtureScene } from '$lib/model/fixtures/scene';
import type { Walkthrough } from '$lib/model/types';
import { handoutSteps } from './handout';

describe('handoutSteps', () => {
	it('a linear walkthrough: every step in order, numbered on its one path', () => {
		const steps = handoutSteps(fixtureScene, linear);
		expect(steps.map((s) => [s.step.id, s.number, s.total, s.listNumber])).toEqual(linear.steps.map((s, i) => [s.id, i + 1, linear.steps.length, i + 1]));
		expect(steps.every((s) => !s.branch)).toBe(true);
	});

	it('the main path first, then a side branch labelled with where it leaves and the choice that takes it', () => {
		const steps = handoutSteps(fixtureScene, branchy);
		expect(steps.map((s) => ({ id: s.step.id, number: s.number, total: s.total, list: s.listNumber, branch: s.branch }))).toEqual([
			{ id: 'a', number: 1, total: 4, list: 1, branch: undefined },
			{ id: 'b', number: 2, total: 4, list: 2, branch: undefined },
			{ id: 'c', number: 3, total: 4, list: 3, branch: undefined },
			{ id: 'd', number: 4, total: 4, list: 4, branch: undefined },
			{ id: 'x', number: 3, total: 3, list: 5, branch: { from: 2, choice: 'Aside' } }
		]);
	});

	it('numbers each step\'s messages from 1 as the diagram\'s marks, written as the log writes them', () => {
		const w: Walkthrough = {
			...linear,
			steps: [
				{
					...linear.steps[0]!,
					messages: [
						{ from: 'p', to: 'q', via: 'pq', kind: 'request', summary: 'ask' },
						{ from: 'q', to: 'p', via: 'pq', kind: 'response', summary: 'answer' }
					]
				},
				...linear.steps.slice(1)
			]
		};
		const [first] = handoutSteps(fixtureScene, w);
		expect(first!.messages.map(({ n, kind }) => [n, kind])).toEqual([
			[1, 'request'],
			[2, 'response']
		]);
		expect(first!.messages[0]!.text).toMatch(/ → .*: ask$/);
	});

	it('gives each step its own deck corrections', () => {
		const w: Walkthrough = { ...branchy, deckCorrections: [{ step: 'c', text: 'The deck says one thing.' }, { step: 'x', text: 'The deck says another.' }] };
		const deck = Object.fromEntries(handoutSteps(fixtureScene, w).map((s) => [s.step.id, s.deck]));
		expect(deck).toEqual({ a: [], b: [], c: ['The deck says one thing.'], d: [], x: ['The deck says another.'] });
	});

	it('leaves out steps nothing leads to', () => {
		const w: Walkthrough = { ...linear, steps: [...linear.steps.map((s, i) => (i === linear.steps.length - 1 ? { ...s, end: true } : s)), { ...linear.steps[0]!, id: 'orphan' }] };
		expect(handoutSteps(fixtureScene, w).map((s) => s.step.id)).not.toContain('orphan');
	});
});
