// The wiring every playable page shares: a session whose step animation is drawn by the diagram, a
// rune-backed snapshot for the page to render, and (optionally) ?step kept in the address bar so a
// refresh, a shared link or the browser's Back button lands on the right step.
import { untrack } from 'svelte';
import { fromCallback } from 'xstate';
import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { createSession, type Session, type SessionState } from '$lib/engine/session';
import type { AnimateInput, AnimationEvent } from '$lib/engine/walkthrough-machine';
import type { Message, Walkthrough } from '$lib/model/types';
import { ReducedMotion } from './reduced-motion.svelte';

/** What the controller needs from the diagram. */
export interface DiagramHandle {
	showView(view: string, ms: number): Promise<void>;
	sendMessage(m: Message, ms: number, signal?: AbortSignal): Promise<void>;
}

/** At 1×; divided by the speed. */
const MORPH_MS = 900;
const TOKEN_MS = 1200;

export type HistoryMode = 'push' | 'replace' | 'none';

export class PlayerController {
	current: SessionState = $state()!;
	session: Session | undefined;
	readonly motion = new ReducedMotion();
	#followingHistory = false;
	#listeners = new Set<(s: SessionState, previous: SessionState) => void>();

	constructor(
		readonly walkthrough: Walkthrough,
		private readonly diagram: () => DiagramHandle | undefined,
		private readonly history: HistoryMode = 'push'
	) {
		// Until the page is interactive it shows the first step, settled, exactly as prerendered.
		const placeholder = createSession(walkthrough);
		this.current = placeholder.getState();
		placeholder.stop();
		if (history !== 'none') this.#bindHistory();
	}

	/** The renderer's side of the engine's animateStep actor: morph, then tokens one by one. */
	readonly animation = fromCallback<AnimationEvent, AnimateInput>(({ input, sendBack }) => {
		const abort = new AbortController();
		const step = input.walkthrough.steps[input.stepIndex];
		const scale = () => (this.motion.current ? 0 : 1 / (this.session?.getState().speed ?? 1));
		(async () => {
			const diagram = this.diagram();
			if (!step || !diagram) return sendBack({ type: 'ANIMATION_DONE' });
			await diagram.showView(step.view, MORPH_MS * scale());
			let count = 0;
			for (const m of step.messages ?? []) {
				if (abort.signal.aborted) return;
				await diagram.sendMessage(m, TOKEN_MS * scale(), abort.signal);
				if (abort.signal.aborted) return;
				sendBack({ type: 'DELIVERED', count: ++count });
			}
			if (!abort.signal.aborted) sendBack({ type: 'ANIMATION_DONE' });
		})();
		return () => abort.abort();
	});

	/** Call from onMount: creates the live session at the step the page asked for. */
	start(startIndex: number, speed?: number): Session {
		this.motion.start();
		const session = createSession(this.walkthrough, { startIndex, animation: this.animation, speed });
		this.session = session;
		this.current = session.getState();
		session.subscribe((s) => {
			const previous = this.current;
			this.current = s;
			if (s.index !== previous.index && this.history !== 'none' && !this.#followingHistory) {
				const url = this.urlFor(s.index);
				if (this.history === 'push') pushState(url, { step: s.index + 1 });
				else replaceState(url, { step: s.index + 1 });
			}
			for (const l of this.#listeners) l(s, previous);
		});
		document.documentElement.dataset.hydrated = 'true';
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
		const url = new URL(location.href);
		url.searchParams.set('step', String(index + 1));
		return url.search + url.hash;
	}

	#bindHistory() {
		// Stamp this entry with its step so Back can return to it, and correct a bad ?step in the
		// address bar. (The router is ready only after the first navigation, not yet in onMount.)
		afterNavigate(({ type }) => {
			if (type === 'enter' && this.session) replaceState(this.urlFor(this.current.index), { step: this.current.index + 1 });
		});
		// Back/Forward: the entry carries its step; move the session there without pushing again.
		$effect(() => {
			const wanted = page.state.step;
			untrack(() => {
				if (!this.session || typeof wanted !== 'number' || wanted - 1 === this.current.index) return;
				this.#followingHistory = true;
				this.session.goto(wanted - 1);
				this.#followingHistory = false;
			});
		});
	}
}
