// The animator (morphs, tokens, their timers) loads when motion first starts: an embed's first load
// draws its step at rest without it. It starts from the view drawn at that moment (nothing moves
// without it, so that is where the picture still is). Framework-free.
import type { Animator, AnimatorOptions } from './animator';

export interface LazyAnimator {
	/** The animator, loading it on first call. */
	get(): Promise<Animator>;
	destroy(): void;
}

export function lazyAnimator(options: Omit<AnimatorOptions, 'initialView'> & { currentView: () => string }): LazyAnimator {
	let animator: Animator | undefined;
	let loading: Promise<Animator> | undefined;
	let destroyed = false;
	return {
		get: () =>
			(loading ??= import('./animator').then(({ createAnimator }) => {
				animator = createAnimator({ ...options, initialView: options.currentView() });
				if (destroyed) animator.destroy();
				return animator;
			})),
		destroy() {
			destroyed = true;
			animator?.destroy();
		}
	};
}
