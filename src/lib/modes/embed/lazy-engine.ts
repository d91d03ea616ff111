// The engine (xstate and the walkthrough machines, a quarter of the embed's JavaScript) loads when the
// learner reaches the embed: pointer, focus, a key, a host command, autoplay or a deep link. Until then
// the first step stands drawn, so a page of several embeds pays only for the pictures. Framework-free.
import type { createSession, Session } from '$lib/engine/session';

export interface LazyEngineOptions {
	/** Settles once the URL and the LMS have said where to start. */
	ready: Promise<void>;
	load: () => Promise<typeof createSession>;
	/** Creates the live session from the loaded engine; undefined if the page is gone meanwhile. */
	start: (engine: typeof createSession) => Session | undefined;
	/** The session once started. */
	current: () => Session | undefined;
	/** True while the last load failed (offline, a proxy dropped the request): the page says so. */
	onFailure: (failed: boolean) => void;
}

export interface LazyEngine {
	wake(): Promise<Session | undefined>;
	/** Runs now if the engine is there, else as soon as it has loaded, in the order asked. */
	withSession(act: (s: Session) => void): void;
}

export function lazyEngine(options: LazyEngineOptions): LazyEngine {
	let waking: Promise<Session | undefined> | undefined;
	function wake(): Promise<Session | undefined> {
		waking ??= (async () => {
			await options.ready;
			const session = options.start(await options.load());
			options.onFailure(false);
			return session;
		})().catch((error: unknown) => {
			// Say so, and try again on the next press.
			console.error('Wheelhouse: the player could not load', error);
			waking = undefined;
			options.onFailure(true);
			return undefined;
		});
		return waking;
	}
	return {
		wake,
		withSession(act) {
			const session = options.current();
			if (session) act(session);
			else void wake().then((s) => s && act(s));
		}
	};
}

const WAKE_ON = ['pointerover', 'pointerdown', 'focusin', 'touchstart'] as const;

/** Wakes the engine at the learner's first pointer, touch or focus on the embed; returns the cleanup. */
export function wakeOnInteraction(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, wake: () => unknown): () => void {
	const stop = () => {
		for (const type of WAKE_ON) target.removeEventListener(type, once);
	};
	function once() {
		stop();
		void wake();
	}
	for (const type of WAKE_ON) target.addEventListener(type, once, { passive: true });
	return stop;
}
