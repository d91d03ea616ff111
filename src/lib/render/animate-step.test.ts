import { describe, expect, it } from 'vitest';
import { branchy } from '$lib/model/fixtures/branchy';
import type { AnimationEvent } from '$lib/engine/walkthrough-machine';
import type { Message } from '$lib/model/types';
import { animateStep, MORPH_MS, TOKEN_MS, type DiagramHandle } from './animate-step';

const twoMessages = {
	...branchy,
	steps: branchy.steps.map((s, i) => (i === 2 ? { ...s, view: 'wide', messages: [...s.messages!, { ...s.messages![0]!, summary: 'second' }] } : s))
};

/** A diagram that records what it was asked to draw, and finishes each piece when the test says. */
function fakeDiagram() {
	const calls: string[] = [];
	const pending: (() => void)[] = [];
	const wait = () => new Promise<void>((resolve) => pending.push(resolve));
	const handle: DiagramHandle = {
		showView: (view, ms) => (calls.push(`view ${view} ${ms}`), wait()),
		sendMessage: (m: Message, ms) => (calls.push(`send ${m.summary} ${ms}`), wait())
	};
	const finishNext = async () => {
		pending.shift()?.();
		await new Promise((r) => setTimeout(r, 0));
	};
	return { handle, calls, finishNext };
}

describe('animateStep', () => {
	it('morphs, then sends each message in order, reporting each arrival and then the end', async () => {
		const { handle, calls, finishNext } = fakeDiagram();
		const events: AnimationEvent[] = [];
		animateStep(twoMessages, () => handle, () => 0.5)(2, (e) => events.push(e), new AbortController().signal);
		await finishNext();
		await finishNext();
		expect(events).toEqual([{ type: 'DELIVERED', count: 1 }]);
		await finishNext();
		expect(calls).toEqual([`view wide ${MORPH_MS / 2}`, `send message of c ${TOKEN_MS / 2}`, `send second ${TOKEN_MS / 2}`]);
		expect(events).toEqual([{ type: 'DELIVERED', count: 1 }, { type: 'DELIVERED', count: 2 }, { type: 'ANIMATION_DONE' }]);
	});

	it('stops sending when the learner moves on', async () => {
		const { handle, calls, finishNext } = fakeDiagram();
		const events: AnimationEvent[] = [];
		const abort = new AbortController();
		animateStep(twoMessages, () => handle, () => 1)(2, (e) => events.push(e), abort.signal);
		await finishNext();
		abort.abort();
		await finishNext();
		expect(calls).toHaveLength(2);
		expect(events).toEqual([]);
	});

	it('settles at once when no diagram is mounted', () => {
		const events: AnimationEvent[] = [];
		animateStep(twoMessages, () => undefined, () => 1)(0, (e) => events.push(e), new AbortController().signal);
		expect(events).toEqual([{ type: 'ANIMATION_DONE' }]);
	});

	it('holds the messages after the morph until the hold resolves (a checkpoint), and not at all without one', async () => {
		const { handle, calls, finishNext } = fakeDiagram();
		const events: AnimationEvent[] = [];
		let release = () => {};
		const held: number[] = [];
		const hold = (i: number) => (held.push(i), new Promise<void>((r) => (release = r)));
		animateStep(twoMessages, () => handle, () => 1, hold)(2, (e) => events.push(e), new AbortController().signal);
		await finishNext();
		expect(held).toEqual([2]);
		expect(calls).toEqual([`view wide ${MORPH_MS}`]);
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(calls).toHaveLength(2);
		await finishNext();
		await finishNext();
		expect(events.at(-1)).toEqual({ type: 'ANIMATION_DONE' });
	});

	it('sends nothing after a hold that ended because the learner moved on', async () => {
		const { handle, calls, finishNext } = fakeDiagram();
		const abort = new AbortController();
		animateStep(twoMessages, () => handle, () => 1, (_i, signal) => new Promise((r) => signal.addEventListener('abort', () => r())))(2, () => {}, abort.signal);
		await finishNext();
		abort.abort();
		await new Promise((r) => setTimeout(r, 0));
		expect(calls).toHaveLength(1);
	});
});
