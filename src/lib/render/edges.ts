// The connections on stage, as drawn in one frame. Edges follow the routes laid out at build time; during
// a morph each blends from the line it had when the morph began into its route in the new view, by the
// morph's progress (edge-morph.ts), so nothing jumps. Pure.
import { connector } from '$lib/layout/geometry';
import type { Point, ViewLayout } from '$lib/layout/types';
import type { Connection, ConnectionKind } from '$lib/model/types';
import { blendPolylines, morphProgress } from './edge-morph';
import type { Frame } from './morph';


export interface StageEdge {
	id: string;
	kind: ConnectionKind;
	points: Point[];
	opacity: number;
}

/** Where edges stood when the current morph began. */
export interface EdgeStart {
	boxes: Frame;
	points: Record<string, Point[]>;
}

/** `rest`: the current view's layout; `start`: null before the first morph. */
export function stageEdges(connections: Connection[], rest: ViewLayout | undefined, frame: Frame, start: EdgeStart | null): StageEdge[] {
	const t = start && rest ? morphProgress(start.boxes, rest.nodes, frame) : 1;
	return connections
		.filter((c) => frame[c.from] && frame[c.to])
		.map((c) => {
			const before = start?.points[c.id];
			const target = rest?.edges[c.id]?.points ?? before ?? connector(frame[c.from]!, frame[c.to]!);
			return {
				id: c.id,
				kind: c.kind ?? 'call',
				points: before && t < 1 ? blendPolylines(before, target, t) : target,
				opacity: Math.min(frame[c.from]!.opacity, frame[c.to]!.opacity)
			};
		});
}

/** A snapshot of the edges as drawn now, to blend from when the next morph begins. */
export function edgeStart(frame: Frame, edges: StageEdge[]): EdgeStart {
	return { boxes: frame, points: Object.fromEntries(edges.map((e) => [e.id, e.points])) };
}

/** The line a message's token rides: its connection's route, reversed when it travels against it. */
export function tokenRoute(rest: ViewLayout | undefined, via: string, from: string, to: string, frame: Frame): Point[] | undefined {
	const a = frame[from];
	const b = frame[to];
	if (!a || !b) return undefined;
	const route = rest?.edges[via];
	if (route && route.from === from && route.to === to) return route.points;
	if (route && route.from === to && route.to === from) return [...route.points].reverse();
	return connector(a, b);
}
