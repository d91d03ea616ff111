import { afterEach, describe, expect, it, vi } from 'vitest';
import { linear } from '$lib/model/fixtures/linear';
import type { Walkthrough } from '$lib/model/types';
import { CheckpointGate } from './checkpoint-gate.svelte';

// The linear fixture with a component question at step 0 and a choice at step 1.
const asked: Walkthrough = {
	...linear,
	steps: linear.steps.map((s, i) =>
		i === 0
			? { ...s, checkpoint: { question: 'Who?', kind: 'component', options: [{ value: 'p' }, { value: 'q', misconception: 'q starts' }], answer: 'p', feedback: 'p asks.' } }
			: i === 1
				? { ...s, checkpoint: { question: 'How long?', kind: 'choice', options: [{ value: '1 s', misconception: 'fast' }, { value: '2 s' }], answer: '2 s', feedback: 'Two.' } }
				: s
	)
};

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Starts the hold of one step and says whether (and when) its traffic was let go. */
function enter(gate: CheckpointGate, index: number, signal = new AbortController().signal) {
	const held = gate.hold(index, signal);
	const state = { released: !held };
	void held?.then(() => (state.released = true));
	return state;
}

describe('CheckpointGate', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('holds a step with a checkpoint until it is answered, grades it and reports it once', async () => {
		const onAnswer = vi.fn();
		const gate = new CheckpointGate(asked, { onAnswer });
		const step = enter(gate, 0);
		expect(gate.waiting).toBe(0);
		await tick();
		expect(step.released).toBe(false);
		expect(gate.answer('q')?.misconception).toBe('q starts');
		await tick();
		expect(step.released).toBe(true);
		expect(gate.waiting).toBeNull();
		expect(onAnswer).toHaveBeenCalledExactlyOnceWith(0, 'one', false);
		// Coming back to it: no second question, the outcome still there for its feedback.
		expect(enter(gate, 0).released).toBe(true);
		expect(gate.outcomes[0]?.grade?.correct).toBe(false);
	});

	it('lets a step without a checkpoint, or with asking off, play at once', () => {
		expect(enter(new CheckpointGate(asked), 2).released).toBe(true);
		expect(enter(new CheckpointGate(asked, { asking: false }), 0).released).toBe(true);
	});

	const cases: [string, (g: CheckpointGate) => unknown, boolean][] = [
		['"Show me"', (g) => g.showMe(), false],
		['Next, which is used up', (g) => expect(g.intercept({ type: 'next' })).toBe(true), false],
		['Play', (g) => expect(g.intercept({ type: 'play' })).toBe(false), false],
		['switching "Ask me first" off', (g) => g.setAsking(false), false],
		['a click on the diagram (a component question)', (g) => expect(g.pointAt('p')).toBe(true), true]
	];
	it.each(cases)('%s lets the traffic play', async (_name, act, answered) => {
		const onAnswer = vi.fn();
		const gate = new CheckpointGate(asked, { onAnswer });
		const step = enter(gate, 0);
		act(gate);
		await tick();
		expect(step.released).toBe(true);
		expect(onAnswer).toHaveBeenCalledTimes(answered ? 1 : 0);
	});

	it('leaves commands alone when nothing is asked, and pausing alone while a question is open', () => {
		const gate = new CheckpointGate(asked);
		expect(gate.intercept({ type: 'next' })).toBe(false);
		enter(gate, 0);
		expect(gate.intercept({ type: 'previous' })).toBe(false);
		expect(gate.intercept({ type: 'togglePlay' }, true)).toBe(false);
		expect(gate.waiting).toBe(0);
	});

	it('a click on the diagram does not answer a choice question: it inspects', () => {
		const gate = new CheckpointGate(asked);
		enter(gate, 1);
		expect(gate.pointAt('p')).toBe(false);
		expect(gate.waiting).toBe(1);
	});

	it('stops waiting when the learner moves on (the animation aborts)', async () => {
		const gate = new CheckpointGate(asked);
		const abort = new AbortController();
		const step = enter(gate, 1, abort.signal);
		abort.abort();
		await tick();
		expect(step.released).toBe(true);
		expect(gate.waiting).toBeNull();
		expect(gate.outcomes[1]).toBeUndefined();
	});

	it('remembers "Ask me first" only when told to, and survives storage that throws', () => {
		const store = new Map<string, string>();
		vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) });
		new CheckpointGate(asked).setAsking(false);
		expect(store.size).toBe(0);
		new CheckpointGate(asked, { remember: true }).setAsking(false);
		expect(new CheckpointGate(asked, { remember: true }).asking).toBe(false);
		vi.stubGlobal('localStorage', { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } });
		const gate = new CheckpointGate(asked, { remember: true });
		expect(gate.asking).toBe(true);
		expect(() => gate.setAsking(false)).not.toThrow();
	});
});
