// A step's traffic drawn still: each message a numbered mark (1, 2, 3 … as in the log) on its
// connection, shaped by its kind, with a chevron pointing the way it travels. What replaces moving
// tokens under reduced motion, and (later) what a handout or a downloaded picture shows. Pure.
import { pointAlong, polylineLength } from '$lib/layout/geometry';
import type { Point, ViewLayout } from '$lib/layout/types';
import type { Rect } from './fit';
import type { Message, MessageKind } from '$lib/model/types';
import { tokenRoute } from './edges';
import { MONO_ADVANCE, TOKEN_LABEL_SIZE } from './metrics';
import type { Frame } from './morph';

export interface TrafficMark {
	/** 1-based, in the step's order (the log's order); a grouped mark's first number. */
	n: number;
	/** What the mark reads: "3", or for a crowded connection the numbers it stands for ("2–11"). */
	label: string;
	/** The messages' kind, or 'mixed' for a group of several kinds. */
	kind: MessageKind | 'mixed';
	/** Where the mark sits, on the connection's route. */
	at: Point;
	/** The direction of travel there, in degrees (0 = right, 90 = down). */
	angle: number;
	/** A group whose messages went both ways. */
	both: boolean;
	/** Room on the line for chevrons beside the mark (not on a short hop between stacked layers). */
	chevrons: boolean;
}

/** How wide a mark is drawn (Traffic.svelte): one number in its token's shape, several on a pill. */
export function markWidth(label: string, kind: TrafficMark['kind']): number {
	return label.length > 2 || kind === 'mixed' ? Math.ceil(label.length * TOKEN_LABEL_SIZE * MONO_ADVANCE) + 16 : 2 * MARK_RADIUS;
}
/** The radius the token shapes are drawn at in a mark (13 in a token, larger so two digits fit). */
export const MARK_RADIUS = 13 * 1.35;
/** A chevron and its gap on each side of a mark. */
const CHEVRON_ROOM = 2 * 24;

/** Room a mark takes along its connection (its width and a gap): more marks than fit become one group. */
export const MARK_SPACING = 44;

/**
 * Marks for `messages` on the view drawn in `frame`. Messages that share a connection are spread
 * evenly along it in order (measured the same way for both directions, so a request and its reply
 * never sit on one spot); a message whose ends are not on stage gets no mark. With `bounds` (the
 * least the viewBox shows), a mark on a route that hugs the edge is moved in until it is whole.
 */
export function numberedTraffic(messages: readonly Message[], rest: ViewLayout | undefined, frame: Frame, bounds?: Rect): TrafficMark[] {
	const marks = placeMarks(messages, rest, frame);
	return bounds ? marks.map((m) => ({ ...m, at: inside(m.at, markWidth(m.label, m.kind) / 2, bounds) })) : marks;
}

/** `at` moved the least distance that keeps a mark of half-width `half` (and height 2R) within `b`. */
function inside([x, y]: Point, half: number, b: Rect): Point {
	const pad = 2;
	const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
	return [clamp(x, b.x + half + pad, b.x + b.width - half - pad), clamp(y, b.y + MARK_RADIUS + pad, b.y + b.height - MARK_RADIUS - pad)];
}

function placeMarks(messages: readonly Message[], rest: ViewLayout | undefined, frame: Frame): TrafficMark[] {
	const byConnection = new Map<string, { m: Message; n: number; route: Point[] }[]>();
	messages.forEach((m, i) => {
		const route = tokenRoute(rest, m.via, m.from, m.to, frame);
		if (!route || route.length < 2) return;
		const list = byConnection.get(m.via) ?? [];
		list.push({ m, n: i + 1, route });
		byConnection.set(m.via, list);
	});
	const marks: TrafficMark[] = [];
	for (const list of byConnection.values()) {
		const { route } = list[0]!;
		// Too many for the line (a pull's ten blob requests and answers): one mark stands for them all.
		if (list.length > 1 && (list.length + 1) * MARK_SPACING > polylineLength(route)) {
			const kinds = new Set(list.map((x) => x.m.kind));
			const forward = list.map((x) => isForward(rest, x.m, x.route));
			const first = list[0]!;
			const label = numbersText(list.map((x) => x.n));
			const kind = kinds.size === 1 ? first.m.kind : 'mixed';
			const chevrons = polylineLength(route) >= markWidth(label, kind) + CHEVRON_ROOM;
			marks.push({ ...markAt(first.route, 0.5), n: first.n, label, kind, both: forward.some((f) => f !== forward[0]), chevrons });
			continue;
		}
		list.forEach(({ m, n, route: r }, k) => {
			// The same fraction along the connection whichever way the message goes.
			const along = (k + 1) / (list.length + 1);
			const chevrons = polylineLength(r) / (list.length + 1) >= markWidth(String(n), m.kind) / 2 + CHEVRON_ROOM / 2;
			marks.push({ ...markAt(r, isForward(rest, m, r) ? along : 1 - along), n, label: String(n), kind: m.kind, both: false, chevrons });
		});
	}
	return marks.sort((a, b) => a.n - b.n);
}

/** Where a mark at fraction t of `route` sits, and the way the route runs there. */
function markAt(route: Point[], t: number): { at: Point; angle: number } {
	const ahead = pointAlong(route, Math.min(1, t + 0.01));
	const behind = pointAlong(route, Math.max(0, t - 0.01));
	return { at: round(pointAlong(route, t)), angle: Math.round((Math.atan2(ahead[1] - behind[1], ahead[0] - behind[0]) * 180) / Math.PI) };
}

/** 2, 3, 4, 7 → "2–4, 7". */
export function numbersText(ns: number[]): string {
	const runs: [number, number][] = [];
	for (const n of ns) {
		const last = runs.at(-1);
		if (last && n === last[1] + 1) last[1] = n;
		else runs.push([n, n]);
	}
	return runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
}

/** Whether the message travels the way its connection's route is drawn (or there is no route to ask). */
function isForward(rest: ViewLayout | undefined, m: Message, route: Point[]): boolean {
	const edge = rest?.edges[m.via];
	if (!edge) return true;
	return edge.points[0] === route[0] || (edge.from === m.from && edge.to === m.to);
}

const round = ([x, y]: Point): Point => [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
