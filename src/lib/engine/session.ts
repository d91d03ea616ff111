// One learner's run through one walkthrough: the walkthrough actor, the player actor and the wiring
// between them, behind a small framework-free API that pages, keyboard handlers and embeds all share.
import { createActor, fromCallback, type AnyActorLogic, type ActorOptions } from 'xstate';
import type { Walkthrough } from '../model/types';
import { playerMachine } from './player-machine';
import { clampSpeed, dwellFor } from './speed';
import { clampIndex, describe, type SessionState } from './session-state';
import { createWalkthroughMachine, positionOf, type AnimateInput, type AnimationEvent } from './walkthrough-machine';

/**
 * How the renderer plays one step: report DELIVERED as tokens arrive and ANIMATION_DONE at the end,
 * and stop when the signal aborts (the learner moved on). A plain function, so pages need no xstate.
 */
export type Animate = (stepIndex: number, report: (event: AnimationEvent) => void, signal: AbortSignal) => void;

export interface SessionOptions {
	startIndex?: number;
	speed?: number;
	/** The renderer's token animation; default delivers instantly. */
	animate?: Animate;
	/** The same as xstate logic, for tests that drive it from a simulated clock. */
	animation?: AnyActorLogic;
	/** Injected time for autoplay; tests pass a SimulatedClock. */
	clock?: ActorOptions<AnyActorLogic>['clock'];
}

export interface Session {
	readonly walkthrough: Walkthrough;
	getState(): SessionState;
	subscribe(listener: (state: SessionState) => void): () => void;
	next(): void;
	previous(): void;
	/** 0-based; out-of-range indices are clamped. */
	goto(index: number): void;
	choose(stepId: string): void;
	play(): void;
	pause(): void;
	togglePlay(): void;
	setSpeed(speed: number): void;
	stop(): void;
}

export function createSession(walkthrough: Walkthrough, options: SessionOptions = {}): Session {
	const startIndex = clampIndex(walkthrough, options.startIndex ?? 0);
	let machine = createWalkthroughMachine(walkthrough, startIndex);
	const animate = options.animate;
	if (animate) {
		const animateStep = fromCallback<AnimationEvent, AnimateInput>(({ input, sendBack }) => {
			const abort = new AbortController();
			animate(input.stepIndex, sendBack, abort.signal);
			return () => abort.abort();
		});
		machine = machine.provide({ actors: { animateStep } }) as typeof machine;
	}
	if (options.animation) machine = machine.provide({ actors: { animateStep: options.animation } }) as typeof machine;
	// An explicit `clock: undefined` would replace xstate's default clock, so pass it only when given.
	const clock = options.clock ? { clock: options.clock } : {};
	const stepper = createActor(machine, clock);
	const player = createActor(
		playerMachine.provide({ actions: { advance: () => stepper.send({ type: 'NEXT' }) } }),
		{ ...clock, input: { speed: options.speed } }
	);

	const compute = (): SessionState => {
		const p = player.getSnapshot();
		return describe(walkthrough, positionOf(stepper.getSnapshot()), p.matches('playing'), p.context.speed);
	};

	let state = compute();
	const listeners = new Set<(s: SessionState) => void>();
	const publish = () => {
		const before = state;
		state = compute();
		if (state.id !== before.id) player.send({ type: 'STEP_STARTED' });
		if (state.settled && (!before.settled || state.id !== before.id)) announceSettled();
		for (const l of listeners) l(state);
	};
	const announceSettled = () =>
		player.send({ type: 'STEP_SETTLED', dwellMs: dwellFor(state.step), isLast: state.isLast });

	stepper.subscribe(publish);
	player.subscribe(() => {
		const s = compute();
		if (s.playing !== state.playing || s.speed !== state.speed) publish();
	});
	player.start();
	stepper.start();
	state = compute();
	if (state.settled) announceSettled();

	return {
		walkthrough,
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		next: () => stepper.send({ type: 'NEXT' }),
		previous: () => stepper.send({ type: 'PREVIOUS' }),
		goto: (index) => stepper.send({ type: 'GOTO', index: clampIndex(walkthrough, index) }),
		choose: (to) => stepper.send({ type: 'CHOOSE', to }),
		play() {
			// Play at the end starts again from the beginning, as a video would.
			if (state.isLast) stepper.send({ type: 'GOTO', index: 0 });
			player.send({ type: 'PLAY' });
			if (state.settled) announceSettled();
		},
		pause: () => player.send({ type: 'PAUSE' }),
		togglePlay() {
			if (state.playing) this.pause();
			else this.play();
		},
		setSpeed: (speed) => player.send({ type: 'SET_SPEED', speed: clampSpeed(speed) }),
		stop() {
			listeners.clear();
			stepper.stop();
			player.stop();
		}
	};
}
