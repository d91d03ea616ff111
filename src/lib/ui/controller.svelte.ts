// The wiring every playable page shares: a session whose step animation is drawn by the diagram, a
// rune-backed snapshot for the page to render, and (optionally) ?step kept in the address bar so a
// refresh, a shared link or the browser's Back button lands on the right step.
// The engine (xstate) is handed in by the page, so a page may load it later than the picture.
import { untrack } from 'svelte';
import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { Animate, createSession, Session } from '$lib/engine/session';
import { restingState, type SessionState } from '$lib/engine/session-state';
import type { Message, Walkthrough } from '$lib/model/types';
import { toStepIndex, toStepNumber, type StepNumber } from '$lib/model/step-number';
import { animateStep, type DiagramHandle, type Hold } from '$lib/render/animate-step';
import { ReducedMotion } from './reduced-motion.svelte';

export type HistoryMode = 'push' | 'replace' | 'none';

export class PlayerController {
	current: SessionState = $state.raw()!;
	session: Session | undefined;
	readonly motion = new ReducedMotion();
	#followingHistory = false;
	// A plain set of callbacks, not state: nothing renders from it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#listeners = new Set<(s: SessionState, previous: SessionState) => void>();
	/** The renderer owns the animation; the controller only says how fast (0 with reduced motion). */
	readonly animate: Animate;

	constructor(
		readonly walkthrough: Walkthrough,
		private readonly diagram: () => DiagramHandle | undefined,
		private readonly history: HistoryMode = 'push',
		/** Holds a step's traffic for a checkpoint (predict, then see); none in present mode yet. */
		hold?: Hold
	) {
		// Until the engine starts it shows the first step, settled, exactly as prerendered.
		this.current = restingState(walkthrough);
		this.animate = animateStep(walkthrough, diagram, () => (this.motion.current ? 0 : 1 / (this.session?.getState().speed ?? 1)), hold);
		// Known before the engine loads, so a first step drawn under reduced motion shows its traffic still.
		if (typeof window !== 'undefined') this.motion.start();
		if (history !== 'none') this.#bindHistory();
	}

	/** Under reduced motion nothing travels: the step's messages that have arrived are drawn still, numbered. */
	get stillTraffic(): readonly Message[] {
		return this.motion.current ? (this.current.step.messages ?? []).slice(0, this.current.delivered) : [];
	}

	/** Creates the live session at the step the page asked for, from the engine the page loaded. */
	start(engine: typeof createSession, startIndex: number, speed?: number): Session {
		this.motion.start();
		const session = engine(this.walkthrough, { startIndex, animate: this.animate, speed });
		this.session = session;
		this.current = session.getState();
		session.subscribe((s) => {
			const previous = this.current;
			this.current = s;
			if (s.index !== previous.index && this.history !== 'none' && !this.#followingHistory) {
				const url = this.urlFor(s.index);
				if (this.history === 'push') pushState(url, { step: toStepNumber(s.index) });
				else replaceState(url, { step: toStepNumber(s.index) });
			}
			for (const l of this.#listeners) l(s, previous);
		});
		markInteractive();
		return session;
	}

	onChange(listener: (s: SessionState, previous: SessionState) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	stop() {
		this.session?.stop();
		this.motion.stop();
		this.#listeners.clear();
	}

	urlFor(index: number): string {
		// A scratch copy to build a string from, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const url = new URL(location.href);
		url.searchParams.set('step', String(toStepNumber(index)));
		return url.search + url.hash;
	}

	#bindHistory() {
		// Stamp this entry with its step so Back can return to it, and correct a bad ?step in the
		// address bar. (The router is ready only after the first navigation, not yet in onMount.)
		afterNavigate(({ type }) => {
			if (type === 'enter' && this.session) replaceState(this.urlFor(this.current.index), { step: toStepNumber(this.current.index) });
		});
		// Back/Forward: the entry carries its step; move the session there without pushing again.
		$effect(() => {
			const wanted = page.state.step;
			untrack(() => {
				if (!this.session || typeof wanted !== 'number' || toStepIndex(wanted as StepNumber) === this.current.index) return;
				this.#followingHistory = true;
				this.session.goto(toStepIndex(wanted as StepNumber));
				this.#followingHistory = false;
			});
		});
	}
}

/** Tests and the benchmark wait for this before they press keys. */
export function markInteractive() {
	document.documentElement.dataset.hydrated = 'true';
}
