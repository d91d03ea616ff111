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
	current: SessionState = $state.raw()!;
	session: Session | undefined;
	readonly motion = new ReducedMotion();
	#followingHistory = false;
	#listeners = new Set<(s: SessionState, previous: SessionState) => void>();

	constructor(
		readonly walkthrough: Walkthrough,
		private readonly diagram: () => DiagramHandle | undefined,
		private readonly history: HistoryMode = 'push'
	) {
		// Until the engine starts it shows the first step, settled, exactly as prerendered.
		this.current = restingState(walkthrough);
		if (history !== 'none') this.#bindHistory();
	}

	/** The renderer's side of the engine's step animation: morph, then tokens one by one. */
	readonly animate: Animate = (stepIndex, report, signal) => {
		const step = this.walkthrough.steps[stepIndex];
		const scale = () => (this.motion.current ? 0 : 1 / (this.session?.getState().speed ?? 1));
		(async () => {
			const diagram = this.diagram();
			if (!step || !diagram) return report({ type: 'ANIMATION_DONE' });
			await diagram.showView(step.view, MORPH_MS * scale());
			let count = 0;
			for (const m of step.messages ?? []) {
				if (signal.aborted) return;
				await diagram.sendMessage(m, TOKEN_MS * scale(), signal);
				if (signal.aborted) return;
				report({ type: 'DELIVERED', count: ++count });
			}
			if (!signal.aborted) report({ type: 'ANIMATION_DONE' });
		})();
	};

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
				if (this.history === 'push') pushState(url, { step: s.index + 1 });
				else replaceState(url, { step: s.index + 1 });
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

/** Tests and the benchmark wait for this before they press keys. */
export function markInteractive() {
	document.documentElement.dataset.hydrated = 'true';
}
