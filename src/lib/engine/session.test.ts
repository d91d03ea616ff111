import { describe, expect, it, vi } from 'vitest';
import { branchy } from '$lib/model/fixtures/branchy';
import { linear } from '$lib/model/fixtures/linear';
import { fromCallback, SimulatedClock } from 'xstate';
import { walkthroughs } from '$content/registry';
import { createSession } from './session';
import { restingState } from './session-state';
import type { AnimateInput, AnimationEvent } from './walkthrough-machine';

// Machinery is tested on a fixture (three steps, three messages in the first, 4 s dwell each).
const w = linear;

/** An animation that delivers one message per 1000 ms of simulated time, like the renderer does. */
function timedAnimation(clock: SimulatedClock) {
	return fromCallback<AnimationEvent, AnimateInput>(({ sendBack, input }) => {
		const n = input.walkthrough.steps[input.stepIndex]?.messages?.length ?? 0;
		const ids: ReturnType<typeof clock.setTimeout>[] = [];
		for (let i = 1; i <= n; i++) ids.push(clock.setTimeout(() => sendBack({ type: 'DELIVERED', count: i }), i * 1000));
		ids.push(clock.setTimeout(() => sendBack({ type: 'ANIMATION_DONE' }), n * 1000 + 1));
		return () => ids.forEach((id) => clock.clearTimeout(id));
	});
}

describe('session', () => {
	it('clamps out-of-range starts and gotos', () => {
		expect(createSession(w, { startIndex: -4 }).getState().index).toBe(0);
		expect(createSession(w, { startIndex: 999 }).getState().index).toBe(2);
		const s = createSession(w);
		s.goto(Number.NaN);
		expect(s.getState().index).toBe(0);
	});

	it('delivers messages as the animation reports them, then settles', () => {
		const clock = new SimulatedClock();
		const s = createSession(w, { clock, animation: timedAnimation(clock) });
		expect(s.getState()).toMatchObject({ index: 0, delivered: 0, settled: false });
		clock.increment(1000);
		expect(s.getState().delivered).toBe(1);
		clock.increment(10_000);
		expect(s.getState()).toMatchObject({ delivered: 3, settled: true });
	});

	it('autoplay waits for the animation, dwells for the step at the chosen speed, then advances', () => {
		const clock = new SimulatedClock();
		const s = createSession(w, { clock, animation: timedAnimation(clock), speed: 2 });
		s.play();
		expect(s.getState().playing).toBe(true);
		// Three tokens a second apart, then the 4 s dwell at 2× speed.
		clock.increment(3001);
		expect(s.getState().settled).toBe(true);
		clock.increment(1999);
		expect(s.getState().index).toBe(0);
		clock.increment(1);
		expect(s.getState().index).toBe(1);
	});

	it('pausing stops the advance; playing to the end pauses on the last step', () => {
		const clock = new SimulatedClock();
		const s = createSession(w, { clock, speed: 4 });
		s.play();
		s.pause();
		clock.increment(60_000);
		expect(s.getState().index).toBe(0);
		s.play();
		for (let i = 0; i < 5; i++) clock.increment(20_000);
		expect(s.getState()).toMatchObject({ isLast: true, playing: false });
		s.play(); // play at the end starts over
		expect(s.getState().index).toBe(0);
	});

	it('a manual step during autoplay restarts the dwell rather than skipping a step', () => {
		const clock = new SimulatedClock();
		const s = createSession(w, { clock, speed: 1 });
		s.play();
		clock.increment(3900);
		s.next();
		expect(s.getState().index).toBe(1);
		clock.increment(200);
		expect(s.getState().index).toBe(1);
	});

	it('speed is clamped to 0.25–4', () => {
		const s = createSession(w);
		s.setSpeed(99);
		expect(s.getState().speed).toBe(4);
		s.setSpeed(0);
		expect(s.getState().speed).toBe(0.25);
	});
});

describe('a step at rest, without the engine', () => {
	// The embed draws this before xstate loads; the live session must pick up exactly there.
	it.each(walkthroughs.map((x) => [x.id, x] as const))('%s: equals a fresh session at every step, settled', (_, wt) => {
		wt.steps.forEach((_, index) => {
			const s = createSession(wt, { startIndex: index, speed: 1.5 });
			expect(restingState(wt, index, 1.5)).toEqual(s.getState());
			s.stop();
		});
	});

	it('clamps its index and speed like the session does', () => {
		expect(restingState(w, 99, 10)).toMatchObject({ index: 2, speed: 4 });
		expect(restingState(w, Number.NaN)).toMatchObject({ index: 0, speed: 1 });
	});
});

describe('session with a plain animate function', () => {
	it('delivers as the function reports and aborts it when the learner moves on', () => {
		const aborted: number[] = [];
		const reports: Array<(e: { type: 'DELIVERED'; count: number } | { type: 'ANIMATION_DONE' }) => void> = [];
		const s = createSession(w, {
			animate: (index, report, signal) => {
				reports[index] = report;
				signal.addEventListener('abort', () => aborted.push(index));
			}
		});
		expect(s.getState()).toMatchObject({ index: 0, settled: false, delivered: 0 });
		reports[0]!({ type: 'DELIVERED', count: 1 });
		expect(s.getState().delivered).toBe(1);
		s.next();
		expect(aborted).toEqual([0]);
		reports[1]!({ type: 'ANIMATION_DONE' });
		expect(s.getState()).toMatchObject({ index: 1, settled: true });
		s.stop();
	});
});

describe('session on the real clock', () => {
	it('autoplay advances by itself without an injected clock, and stops at the end of the path', async () => {
		const quick = { ...branchy, steps: branchy.steps.map((step) => ({ ...step, dwellMs: 5 })) };
		const s = createSession(quick);
		s.play();
		await vi.waitFor(() => expect(s.getState().id).toBe('d'), { timeout: 2000 });
		await vi.waitFor(() => expect(s.getState().playing).toBe(false), { timeout: 2000 });
		expect(s.getState().history).toEqual(['a', 'b', 'c']);
		s.stop();
	});
});
