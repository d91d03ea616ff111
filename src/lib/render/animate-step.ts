// The renderer's side of the engine's step animation: morph to the step's view, then send its messages
// one by one, reporting each arrival so the log grows in step with the picture. The engine injects this
// as its `animate`; it knows nothing of xstate, and the diagram is reached through a small handle.
import type { Animate } from '$lib/engine/session';
import type { Message, Walkthrough } from '$lib/model/types';

/** What the animation needs from the diagram (Diagram.svelte's exported functions). */
export interface DiagramHandle {
	showView(view: string, ms: number): Promise<void>;
	sendMessage(m: Message, ms: number, signal?: AbortSignal): Promise<void>;
}

/** At 1×; multiplied by `timeScale()`. */
export const MORPH_MS = 900;
export const TOKEN_MS = 1200;

/**
 * Holds a step's traffic after the morph until it resolves (a checkpoint waiting for the learner's
 * prediction), or returns undefined to let it travel at once. It resolves when the signal aborts, too.
 */
export type Hold = (stepIndex: number, signal: AbortSignal) => Promise<void> | undefined;

/**
 * @param diagram the diagram now on the page (undefined while it is not mounted: the step settles at once)
 * @param timeScale 1/speed, or 0 when motion is reduced (everything arrives at once, in order)
 * @param hold asks before the messages travel (predict, then see)
 */
export function animateStep(walkthrough: Walkthrough, diagram: () => DiagramHandle | undefined, timeScale: () => number, hold?: Hold): Animate {
	return (stepIndex, report, signal) => {
		const step = walkthrough.steps[stepIndex];
		void (async () => {
			const handle = diagram();
			if (!step || !handle) return report({ type: 'ANIMATION_DONE' });
			await handle.showView(step.view, MORPH_MS * timeScale());
			const held = hold?.(stepIndex, signal);
			if (held) await held;
			let count = 0;
			for (const m of step.messages ?? []) {
				if (signal.aborted) return;
				await handle.sendMessage(m, TOKEN_MS * timeScale(), signal);
				if (signal.aborted) return;
				report({ type: 'DELIVERED', count: ++count });
			}
			if (!signal.aborted) report({ type: 'ANIMATION_DONE' });
		})();
	};
}
