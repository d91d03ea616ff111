// A walkthrough's steps as an xstate machine, generated from the content data.
// Each step state first runs the `animateStep` actor (tokens travelling; the renderer supplies the real
// one, tests and reduced-motion get an instant one) and then rests in `settled`.
import { assign, fromCallback, setup, type SnapshotFrom } from 'xstate';
import { defaultNext, indexOfStep, pathTo, successors } from '../model/graph';
import type { Walkthrough } from '../model/types';
import type { StepPosition } from './session-state';

export interface AnimateInput {
	walkthrough: Walkthrough;
	stepIndex: number;
}

/** Sent by the animation as tokens arrive, so the log grows in step with the picture. */
export type AnimationEvent = { type: 'DELIVERED'; count: number } | { type: 'ANIMATION_DONE' };

export type WalkthroughEvent =
	| { type: 'NEXT' }
	| { type: 'PREVIOUS' }
	| { type: 'GOTO'; index: number }
	| { type: 'CHOOSE'; to: string }
	| AnimationEvent;

export interface WalkthroughContext {
	walkthrough: Walkthrough;
	/** Step ids the learner came through to reach the current step, oldest first. */
	history: string[];
	/** How many of the current step's messages have arrived. */
	delivered: number;
}

/** Delivers every message at once: used in tests, in Node, and as the default before a renderer provides one. */
export const instantAnimation = fromCallback<AnimationEvent, AnimateInput>(({ sendBack, input }) => {
	const count = input.walkthrough.steps[input.stepIndex]?.messages?.length ?? 0;
	sendBack({ type: 'DELIVERED', count });
	sendBack({ type: 'ANIMATION_DONE' });
});

function predecessors(w: Walkthrough, id: string): string[] {
	return w.steps.filter((_, i) => successors(w, i).includes(id)).map((s) => s.id);
}

/** `startIndex` lets a deep link start on its step without first animating step 1. */
export function createWalkthroughMachine(walkthrough: Walkthrough, startIndex = 0) {
	const start = walkthrough.steps[startIndex] ?? walkthrough.steps[0];
	const messagesIn = (index: number) => walkthrough.steps[index]?.messages?.length ?? 0;

	const base = setup({
		types: {
			context: {} as WalkthroughContext,
			events: {} as WalkthroughEvent
		},
		actors: { animateStep: instantAnimation },
		actions: {
			resetDelivered: assign({ delivered: 0 })
		}
	});

	const states: Record<string, object> = {};
	walkthrough.steps.forEach((step, index) => {
		const next = defaultNext(walkthrough, index);
		const pushHere = assign({ history: ({ context }: { context: WalkthroughContext }) => [...context.history, step.id] });
		states[step.id] = {
			initial: 'animating',
			entry: 'resetDelivered',
			meta: { index },
			states: {
				animating: {
					invoke: { src: 'animateStep', input: ({ context }: { context: WalkthroughContext }) => ({ walkthrough: context.walkthrough, stepIndex: index }) },
					on: {
						DELIVERED: {
							actions: assign({ delivered: ({ event }: { event: { count: number } }) => Math.min(event.count, messagesIn(index)) })
						},
						ANIMATION_DONE: 'settled'
					}
				},
				settled: { entry: assign({ delivered: messagesIn(index) }) }
			},
			on: {
				NEXT: next ? { target: `#walkthrough.${next}`, actions: pushHere } : undefined,
				CHOOSE: (step.choices ?? []).map((c) => ({
					guard: ({ event }: { event: WalkthroughEvent }) => event.type === 'CHOOSE' && event.to === c.to,
					target: `#walkthrough.${c.to}`,
					actions: pushHere
				})),
				// "Back" returns to where the learner actually came from, which after a branch is not
				// simply the step above in the list.
				PREVIOUS: predecessors(walkthrough, step.id).map((p) => ({
					guard: ({ context }: { context: WalkthroughContext }) => context.history.at(-1) === p,
					target: `#walkthrough.${p}`,
					actions: assign({ history: ({ context }: { context: WalkthroughContext }) => context.history.slice(0, -1) })
				}))
			}
		};
	});

	return base.createMachine({
		id: 'walkthrough',
		context: { walkthrough, history: pathTo(walkthrough, start?.id ?? '') ?? [], delivered: 0 },
		initial: start?.id,
		on: {
			// A jump (deep link, Home/End, restart, browser history) takes the shortest path as its history.
			GOTO: walkthrough.steps.map((s, i) => ({
				guard: ({ event }: { event: WalkthroughEvent }) => event.type === 'GOTO' && event.index === i,
				target: `.${s.id}`,
				reenter: true,
				actions: assign({ history: () => pathTo(walkthrough, s.id) ?? [] })
			}))
		},
		states
	} as never);
}

export type WalkthroughMachine = ReturnType<typeof createWalkthroughMachine>;
export type WalkthroughSnapshot = SnapshotFrom<WalkthroughMachine>;

/** Where a snapshot stands, in the words the UI needs. */
export function positionOf(snapshot: WalkthroughSnapshot): StepPosition {
	const value = snapshot.value as unknown as Record<string, string> | string;
	const id = typeof value === 'string' ? value : Object.keys(value)[0]!;
	const sub = typeof value === 'string' ? 'animating' : value[id];
	const ctx = snapshot.context as WalkthroughContext;
	return {
		id,
		index: indexOfStep(ctx.walkthrough, id),
		settled: sub === 'settled',
		delivered: ctx.delivered,
		history: ctx.history
	};
}
