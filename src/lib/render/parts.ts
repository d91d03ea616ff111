// Which parts are on stage and in what order they are painted, and the text each one shows. Pure.
import type { PlacedNode, SceneLayout } from '$lib/layout/types';

export interface StagePart {
	id: string;
	/** Groups enclose other parts and are painted behind them. */
	group: boolean;
	depth: number;
}

/**
 * What the layout says about a part: in the current view, or (for a part leaving the stage) in the
 * first view that has it.
 */
export function fromAnyView<T>(layouts: SceneLayout, viewId: string, id: string, pick: (node: PlacedNode) => T | undefined): T | undefined {
	const here = layouts[viewId]?.nodes[id];
	const value = here ? pick(here) : undefined;
	if (value !== undefined) return value;
	const elsewhere = Object.values(layouts).find((l) => l.nodes[id])?.nodes[id];
	return elsewhere ? pick(elsewhere) : undefined;
}

/** Paint order: groups first, shallowest first (so members draw over their groups), then components. */
export function paintOrder(ids: string[], isGroup: (id: string) => boolean, depthOf: (id: string) => number): StagePart[] {
	return ids.map((id) => ({ id, group: isGroup(id), depth: depthOf(id) })).sort((a, b) => Number(b.group) - Number(a.group) || a.depth - b.depth);
}
