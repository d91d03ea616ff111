// Where a travelling token's label pill sits along its route: beside the token (right, left), centred
// above or below it, or above or below reaching out to one side. The route is sampled every few units;
// at each sample a side that covers a name drawn on the diagram costs a lot, changing side costs a
// little, and the cheapest sequence of sides (Viterbi) is the plan. So the pill keeps its side for as
// long as it can, moves just before it would cover a name, and, where no side is clear, fades. Pure.
import { pointAlong, polylineLength } from '$lib/layout/geometry';
import type { Point } from '$lib/layout/types';

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}
export type PillSide =
	| 'right'
	| 'left'
	| 'above'
	| 'below'
	| 'above-right'
	| 'above-left'
	| 'below-right'
	| 'below-left'
	| 'right-up'
	| 'right-down'
	| 'left-up'
	| 'left-down';
/** In order of preference when sides cost the same. */
const SIDES: PillSide[] = ['right', 'left', 'above', 'below', 'above-right', 'above-left', 'below-right', 'below-left', 'right-up', 'right-down', 'left-up', 'left-down'];

/** Diagram units between samples of the route. */
const SAMPLE = 8;
/** A sample where the pill covers a name, or reaches past the picture's edge, against one change of side. */
const COVER = 1000;
const OUTSIDE = 60;
const SWITCH = 600;
/**
 * The names are estimated from character counts (names.ts), which can be some 12% short or long of the
 * real text: the pill keeps this far clear of the estimate, across (a share of the width) and down.
 */
const CLEAR_ACROSS = 0.08;
const CLEAR_ACROSS_MIN = 4;
const CLEAR_DOWN = 3;

/** The pill's box relative to the token's centre, for a pill of `w` × `h` beside a token of radius `r`. */
export function pillBox(side: PillSide, w: number, h: number, r: number): Rect {
	const above = -r - 6 - h;
	const below = r + 6;
	switch (side) {
		case 'right':
			return { x: r + 4, y: -h / 2, width: w, height: h };
		case 'left':
			return { x: -r - 4 - w, y: -h / 2, width: w, height: h };
		case 'above':
			return { x: -w / 2, y: above, width: w, height: h };
		case 'below':
			return { x: -w / 2, y: below, width: w, height: h };
		case 'above-right':
			return { x: -r, y: above, width: w, height: h };
		case 'above-left':
			return { x: r - w, y: above, width: w, height: h };
		case 'below-right':
			return { x: -r, y: below, width: w, height: h };
		case 'below-left':
			return { x: r - w, y: below, width: w, height: h };
		case 'right-up':
			return { x: r + 4, y: -h, width: w, height: h };
		case 'right-down':
			return { x: r + 4, y: 0, width: w, height: h };
		case 'left-up':
			return { x: -r - 4 - w, y: -h, width: w, height: h };
		case 'left-down':
			return { x: -r - 4 - w, y: 0, width: w, height: h };
	}
}

function overlap(a: Rect, b: Rect): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

const clearance = (a: Rect): Rect => {
	const dx = Math.max(CLEAR_ACROSS_MIN, a.width * CLEAR_ACROSS);
	return { x: a.x - dx, y: a.y - CLEAR_DOWN, width: a.width + 2 * dx, height: a.height + 2 * CLEAR_DOWN };
};

export interface PillPlan {
	/** Diagram units between samples. */
	sample: number;
	/** The side at each sample, from the start of the route. */
	sides: PillSide[];
	/** Whether the pill covers a name at each sample, on the side it takes there. */
	covers: boolean[];
}

const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/**
 * The pill's side along `points`, keeping a pill of `w` × `h` beside a token of radius `r` off `avoid`
 * and, where it can, inside `stage` (the picture's edges, past which a pill may be cut off).
 */
export function planPill(points: Point[], avoid: Rect[], w: number, h: number, r: number, stage?: Rect): PillPlan {
	const length = polylineLength(points);
	const n = Math.max(1, Math.ceil(length / SAMPLE) + 1);
	const names = avoid.map(clearance);
	const boxes = SIDES.map((side) => pillBox(side, w, h, r));
	// covered[i][k]: at sample i, side k covers a name; price[i][k] what that side costs there.
	const covered: boolean[][] = [];
	const price: number[][] = [];
	for (let i = 0; i < n; i++) {
		const [x, y] = pointAlong(points, length > 0 ? Math.min(1, (i * SAMPLE) / length) : 0);
		const at = boxes.map((b) => ({ ...b, x: b.x + x, y: b.y + y }));
		covered.push(at.map((b) => names.some((a) => overlap(b, a) > 0)));
		// Ties keep to the order of SIDES.
		price.push(at.map((b, k) => (covered[i]![k] ? COVER : 0) + (stage && !inside(b, stage) ? OUTSIDE : 0) + k * 1e-3));
	}
	// Viterbi: cost[k] is the cheapest way to reach side k at the current sample; from[i][k] the side before.
	let cost = price[0]!;
	const from: number[][] = [];
	for (let i = 1; i < n; i++) {
		const next: number[] = [];
		const back: number[] = [];
		for (let k = 0; k < SIDES.length; k++) {
			let best = 0;
			let bestCost = Infinity;
			for (let j = 0; j < SIDES.length; j++) {
				const c = cost[j]! + (j === k ? 0 : SWITCH);
				if (c < bestCost) [best, bestCost] = [j, c];
			}
			next.push(bestCost + price[i]![k]!);
			back.push(best);
		}
		cost = next;
		from.push(back);
	}
	let k = cost.indexOf(Math.min(...cost));
	const picks = [k];
	for (let i = n - 1; i > 0; i--) picks.unshift((k = from[i - 1]![k]!));
	return { sample: SAMPLE, sides: picks.map((p) => SIDES[p]!), covers: picks.map((p, i) => covered[i]![p]!) };
}

/** The sample of a plan nearest to the point at distance `s` along the route. */
export function sampleAt(plan: PillPlan, s: number): number {
	return Math.max(0, Math.min(plan.sides.length - 1, Math.round(s / plan.sample)));
}
