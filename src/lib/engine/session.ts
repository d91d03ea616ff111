// One learner's run through one walkthrough: the walkthrough actor, the player actor and the wiring
// between them, behind a small framework-free API that pages, keyboard handlers and embeds all share.
import { createActor, type AnyActorLogic, type ActorOptions } from 'xstate';
import { defaultNext } from '../model/graph';
import type { Step, Walkthrough } from '../model/types';
import { clampSpeed, dwellFor, playerMachine } from './player-machine';
import { createWalkthroughMachine, positionOf, type StepPosition } from './walkthrough-machine';

export interface SessionState extends StepPosition {
	step: Step;
	total: number;
	playing: boolean;
	speed: number;
	canPrevious: boolean;
	canNext: boolean;
	isLast: boolean;
}

export interface SessionOptions {
	startIndex?: number;
	speed?: number;
	/** The renderer's token animation (an xstate callback actor); default delivers instantly. */
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

export function clampIndex(w: Walkthrough, index: number): number {
	if (!Number.isFinite(index)) return 0;
	return Math.min(w.steps.length - 1, Math.max(0, Math.trunc(index)));
}

export function createSession(walkthrough: Walkthrough, options: SessionOptions = {}): Session {
	const startIndex = clampIndex(walkthrough, options.startIndex ?? 0);
	let machine = createWalkthroughMachine(walkthrough, startIndex);
	if (options.animation) machine = machine.provide({ actors: { animateStep: options.animation } }) as typeof machine;
	// An explicit `clock: undefined` would replace xstate's default clock, so pass it only when given.
	const clock = options.clock ? { clock: options.clock } : {};
	const stepper = createActor(machine, clock);
	const player = createActor(
		playerMachine.provide({ actions: { advance: () => stepper.send({ type: 'NEXT' }) } }),
		{ ...clock, input: { speed: options.speed } }
	);

	const compute = (): SessionState => {
		const pos = positionOf(stepper.getSnapshot());
		const p = player.getSnapshot();
		const isLast = defaultNext(walkthrough, pos.index) === undefined;
		return {
			...pos,
			step: walkthrough.steps[pos.index]!,
			total: walkthrough.steps.length,
			playing: p.matches('playing'),
			speed: p.context.speed,
			canPrevious: pos.history.length > 0,
			canNext: !isLast,
			isLast
		};
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
