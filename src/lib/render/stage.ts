// What the diagram draws from, at rest or mid-animation (the animator, loaded when motion first starts,
// keeps it from then on). Apart from animator.ts so a page draws its first step without that code.
import type { Box, SceneLayout } from '$lib/layout/types';
import type { EdgeStart } from './edges';
import type { Rect } from './fit';
import type { Frame } from './morph';

export interface StageState {
	viewId: string;
	/** Every part's box and opacity in this animation frame. */
	frame: Frame;
	/** While a view morphs: the viewBox actually drawn, held still (see fit.ts). */
	held: Rect | null;
	/** Where edges stood when the current morph began; null before the first one. */
	edgeStart: EdgeStart | null;
}

export const boxesOf = (layouts: SceneLayout, viewId: string): Record<string, Box> => ({ ...layouts[viewId]?.nodes });

/** A view at rest: every part of it in place, fully drawn. */
export function initialStage(layouts: SceneLayout, viewId: string): StageState {
	const boxes = boxesOf(layouts, viewId);
	return { viewId, frame: Object.fromEntries(Object.entries(boxes).map(([id, b]) => [id, { ...b, opacity: 1 }])), held: null, edgeStart: null };
}
