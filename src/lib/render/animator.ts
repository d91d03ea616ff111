// The diagram's motion, framework-free: view changes (boxes morph, edges blend, the viewBox holds still
// while a CSS transform fits the picture; see morph.ts, edges.ts, fit.ts) and messages sent as tokens.
// It keeps the stage's state and reports every change; the diagram only draws what it is told.
import { timeout } from 'd3-timer';
import type { SceneLayout } from '$lib/layout/types';
import type { Connection, Message } from '$lib/model/types';
import { edgeStart, stageEdges, tokenRoute } from './edges';
import { padded, stageBox, union, type Rect } from './fit';
import { STAGE_MARGIN } from './metrics';
import { createMorph } from './morph';
import { boxesOf, initialStage, type StageState } from './stage';
import { sendToken } from './tokens';

/** A view change that stays on the same view still waits this long, so the eye can reach the picture. */
const SAME_VIEW_BEAT_MS = 250;

export type { StageState } from './stage';

export interface AnimatorOptions {
	initialView: string;
	layouts: () => SceneLayout;
	connections: () => Connection[];
	/** Where tokens are drawn (undefined until mounted: messages then arrive at once). */
	tokenLayer: () => SVGGElement | undefined;
	/** The names on the picture, for token labels to keep clear of. */
	avoid: () => Rect[];
	onChange: (state: StageState) => void;
}

export interface Animator {
	state(): StageState;
	/** Morphs to a view; resolves when the boxes have arrived. */
	showView(view: string, duration: number): Promise<void>;
	/** Sends one message's token along its connection; resolves on arrival. */
	sendMessage(m: Message, duration: number, signal?: AbortSignal): Promise<void>;
	destroy(): void;
}


export function createAnimator(options: AnimatorOptions): Animator {
	const initial = boxesOf(options.layouts(), options.initialView);
	let state: StageState = initialStage(options.layouts(), options.initialView);
	const set = (change: Partial<StageState>) => {
		state = { ...state, ...change };
		options.onChange(state);
	};
	const morph = createMorph(initial, (frame) => set({ frame }));
	let morphs = 0;

	return {
		state: () => state,
		showView(next, duration) {
			const layouts = options.layouts();
			if (!layouts[next]) return Promise.resolve();
			// Already there (and not on the way): only a short beat, so the eye can move from the narration
			// to the picture before the first token sets off, instead of a whole morph's length of stillness.
			if (next === state.viewId && !state.held) {
				if (duration <= 0) return Promise.resolve();
				return new Promise((resolve) => void timeout(() => resolve(), Math.min(duration, SAME_VIEW_BEAT_MS)));
			}
			const { frame } = state;
			const drawn = stageEdges(options.connections(), layouts[state.viewId], frame, state.edgeStart);
			const target = boxesOf(layouts, next);
			const end = union(Object.values(target));
			const mine = ++morphs;
			const held = duration > 0 && end ? union([stageBox(Object.values(frame), STAGE_MARGIN), padded(end, STAGE_MARGIN)])! : state.held;
			set({ edgeStart: edgeStart(frame, drawn), viewId: next, held });
			return morph.update(target, { duration }).then(() => {
				if (mine === morphs) set({ held: null });
			});
		},
		sendMessage(m, duration, signal) {
			const layer = options.tokenLayer();
			const points = tokenRoute(options.layouts()[state.viewId], m.via, m.from, m.to, state.frame);
			if (!layer || !points) return Promise.resolve();
			// The stage is what the viewBox fits: a pill kept inside it is not cut off at the picture's edge.
			const stage = stageBox(Object.values(state.frame), STAGE_MARGIN);
			return sendToken(layer, points, { kind: m.kind, label: m.summary, duration, signal, avoid: options.avoid(), stage });
		},
		destroy: () => morph.destroy()
	};
}
