// Orthogonal edge routing over fixed boxes, at build time. For each connection it searches a sparse
// grid (an orthogonal visibility graph: lines through every box border ± a clearance, the ends'
// centres and the gaps between them) with A*, counting length plus a cost per bend. A line may run
// inside the groups that hold either end; every other box (a sibling, an unrelated group) is an
// obstacle, grown by the clearance so lines do not hug borders. Pure and deterministic.
import { connector, simplify } from './geometry';
import { centreInChannels } from './route-centre';
import { gridLines } from './route-grid';
import { Heap } from './route-heap';
import { spreadParallel } from './route-nudge';
import type { Box, Point } from './types';

export interface RouteBox extends Box {
	id: string;
	/** The group holding this box, if any. */
	parent?: string;
}

export interface RouteRequest {
	id: string;
	from: string;
	to: string;
}

export interface RouteOptions {
	/** Clearance kept from obstacles (diagram units). */
	margin?: number;
	/** What one bend costs, in units of length. */
	bendCost?: number;
	/** Distance between parallel lines that would otherwise share a track. */
	spacing?: number;
}

const DEFAULTS = { margin: 12, bendCost: 60, spacing: 8 };
const HUG_COST = 2;
const NEAR_COST = 1;
/** Directions: right, down, left, up. */
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

/** Every group enclosing `id`, nearest first. */
export function ancestors(byId: Map<string, RouteBox>, id: string): string[] {
	const out: string[] = [];
	let at = byId.get(id)?.parent;
	while (at && !out.includes(at)) {
		out.push(at);
		at = byId.get(at)?.parent;
	}
	return out;
}

const inside = (b: Box, x: number, y: number, m = 0) => x > b.x - m && x < b.x + b.width + m && y > b.y - m && y < b.y + b.height + m;
const onOrInside = (b: Box, x: number, y: number) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;

/** The outward direction if (x, y) is on a side of `b` away from its corners, else -1. */
function portSide(b: Box, x: number, y: number, corner: number): number {
	const inX = x >= b.x + Math.min(corner, b.width / 2) && x <= b.x + b.width - Math.min(corner, b.width / 2);
	const inY = y >= b.y + Math.min(corner, b.height / 2) && y <= b.y + b.height - Math.min(corner, b.height / 2);
	if (inY && x === b.x + b.width) return 0;
	if (inX && y === b.y + b.height) return 1;
	if (inY && x === b.x) return 2;
	if (inX && y === b.y) return 3;
	return -1;
}



/** One orthogonal route from `a`'s border to `b`'s border avoiding `obstacles`, or undefined. */
/** A straight run of an earlier route; a new line running close beside one pays extra. */
export interface Track {
	horizontal: boolean;
	at: number;
	lo: number;
	hi: number;
}

export function routeOne(
	boxes: RouteBox[],
	a: Box,
	b: Box,
	obstacles: Box[],
	m: number,
	bendCost: number,
	soft: Box[] = [],
	tracks: Track[] = [],
	near = 0
): Point[] | undefined {
	const [xs, ys] = gridLines(boxes, a, b, m);
	const nx = xs.length;
	const ny = ys.length;
	const corner = Math.max(8, m);
	// 0 free, 1 blocked, 2 a port of a, 3 a port of b; side holds the port's outward direction.
	const kind = new Uint8Array(nx * ny);
	const side = new Int8Array(nx * ny).fill(-1);
	const blockedAt = (x: number, y: number) => obstacles.some((o) => inside(o, x, y, m));
	for (let j = 0; j < ny; j++)
		for (let i = 0; i < nx; i++) {
			const x = xs[i]!;
			const y = ys[j]!;
			const n = j * nx + i;
			if (blockedAt(x, y)) kind[n] = 1;
			else if (onOrInside(a, x, y)) {
				const s = portSide(a, x, y, corner);
				kind[n] = s < 0 ? 1 : 2;
				side[n] = s;
			} else if (onOrInside(b, x, y)) {
				const s = portSide(b, x, y, corner);
				kind[n] = s < 0 ? 1 : 3;
				side[n] = s;
			}
		}
	// A step between neighbours is open when its midpoint is clear of obstacles and off both ends.
	const open = (n: number, d: number): number => {
		const i = (n % nx) + DX[d]!;
		const j = Math.floor(n / nx) + DY[d]!;
		if (i < 0 || j < 0 || i >= nx || j >= ny) return -1;
		const t = j * nx + i;
		if (kind[t] === 1 || kind[t] === 2) return -1;
		if (kind[t] === 3 && side[t] !== (d + 2) % 4) return -1;
		return stepCost(d === 0 ? n * 2 : d === 2 ? t * 2 : d === 1 ? n * 2 + 1 : t * 2 + 1) < Infinity ? t : -1;
	};
	// The cost of the step from node n to its right (k = 2n) or lower (k = 2n + 1) neighbour, worked
	// out once: Infinity when its midpoint is inside an obstacle or on an end, else length plus extras.
	const steps = new Float64Array(nx * ny * 2).fill(NaN);
	const stepCost = (k: number): number => {
		const known = steps[k]!;
		if (!Number.isNaN(known)) return known;
		const n = k >> 1;
		const [i, j] = [n % nx, Math.floor(n / nx)];
		const [x0, y0] = [xs[i]!, ys[j]!];
		const [x1, y1] = k & 1 ? [x0, ys[j + 1]!] : [xs[i + 1]!, y0];
		const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
		const cost = blockedAt(mx, my) || onOrInside(a, mx, my) || onOrInside(b, mx, my) ? Infinity : Math.abs(x1 - x0) + Math.abs(y1 - y0) + hugging(x0, y0, x1, y1);
		steps[k] = cost;
		return cost;
	};
	// Running along the border of an end or of a group holding one (within the clearance) costs extra.
	const hugging = (x0: number, y0: number, x1: number, y1: number): number => {
		let extra = 0;
		for (const o of soft) {
			const [c, lo, hi, from, to, bLo, bHi] =
				y0 === y1 ? [y0, Math.min(x0, x1), Math.max(x0, x1), o.y, o.y + o.height, o.x, o.x + o.width] : [x0, Math.min(y0, y1), Math.max(y0, y1), o.x, o.x + o.width, o.y, o.y + o.height];
			const along = Math.min(hi, bHi) - Math.max(lo, bLo);
			if (along > 0 && (Math.abs(c - from) < m || Math.abs(c - to) < m)) extra += along * HUG_COST;
		}
		const horizontal = y0 === y1;
		const [c, lo, hi] = horizontal ? [y0, Math.min(x0, x1), Math.max(x0, x1)] : [x0, Math.min(y0, y1), Math.max(y0, y1)];
		for (const t of tracks) {
			if (t.horizontal !== horizontal || t.at === c || Math.abs(t.at - c) >= near) continue;
			const along = Math.min(hi, t.hi) - Math.max(lo, t.lo);
			if (along > 0) extra += along * NEAR_COST;
		}
		return extra;
	};
	const bx = b.x + b.width / 2;
	const by = b.y + b.height / 2;
	const portCost = (n: number, box: Box) => {
		const x = xs[n % nx]!;
		const y = ys[Math.floor(n / nx)]!;
		return side[n]! % 2 === 0 ? Math.abs(y - (box.y + box.height / 2)) * 0.2 : Math.abs(x - (box.x + box.width / 2)) * 0.2;
	};
	const h = (n: number) => {
		const x = xs[n % nx]!;
		const y = ys[Math.floor(n / nx)]!;
		return Math.max(0, Math.abs(x - bx) - b.width / 2) + Math.max(0, Math.abs(y - by) - b.height / 2);
	};
	const g = new Float64Array(nx * ny * 4).fill(Infinity);
	const prev = new Int32Array(nx * ny * 4).fill(-1);
	const heap = new Heap();
	for (let n = 0; n < nx * ny; n++)
		if (kind[n] === 2) {
			const s = n * 4 + side[n]!;
			g[s] = portCost(n, a);
			heap.push(g[s]! + h(n), s);
		}
	const closed = new Uint8Array(nx * ny * 4);
	while (heap.size) {
		const s = heap.pop();
		if (closed[s]) continue;
		closed[s] = 1;
		const n = s >> 2;
		const dir = s & 3;
		if (kind[n] === 3) return trace(prev, s, xs, ys, nx);
		for (let d = 0; d < 4; d++) {
			if (d === (dir + 2) % 4) continue;
			const t = open(n, d);
			if (t < 0) continue;
			const len = stepCost(d === 0 ? n * 2 : d === 2 ? t * 2 : d === 1 ? n * 2 + 1 : t * 2 + 1);
			const cost = g[s]! + len + (d === dir ? 0 : bendCost) + (kind[t] === 3 ? portCost(t, b) : 0);
			const ts = t * 4 + d;
			if (cost < g[ts]!) {
				g[ts] = cost;
				prev[ts] = s;
				heap.push(cost + h(t), ts);
			}
		}
	}
	return undefined;
}

function trace(prev: Int32Array, end: number, xs: number[], ys: number[], nx: number): Point[] {
	const cells: number[] = [];
	for (let s = end; s >= 0; s = prev[s]!) cells.push(s >> 2);
	cells.reverse();
	const points: Point[] = cells.map((n) => [xs[n % nx]!, ys[Math.floor(n / nx)]!]);
	return simplify(points);
}

/**
 * Routes every request whose ends are both in `boxes`. Lines may cross the groups holding either end;
 * everything else is avoided with `margin` clearance (less, then none, when a gap is too narrow).
 */
export function routeEdges(boxes: RouteBox[], requests: RouteRequest[], options: RouteOptions = {}): Record<string, Point[]> {
	const { margin, bendCost, spacing } = { ...DEFAULTS, ...options };
	const byId = new Map(boxes.map((b) => [b.id, b]));
	const routes: Record<string, Point[]> = {};
	const allowedFor: Record<string, Set<string>> = {};
	const tracks: Track[] = [];
	for (const r of requests) {
		const a = byId.get(r.from);
		const b = byId.get(r.to);
		if (!a || !b) continue;
		const allowed = new Set([r.from, r.to, ...ancestors(byId, r.from), ...ancestors(byId, r.to)]);
		// A box holding an end (a group) is never an obstacle, nor is anything inside an end.
		const obstacles = boxes.filter((o) => !allowed.has(o.id) && !ancestors(byId, o.id).some((x) => x === r.from || x === r.to));
		let route: Point[] | undefined;
		for (const m of [margin, margin / 2, 2, 0]) {
			route = routeOne(boxes, a, b, obstacles, m, bendCost, boxes.filter((o) => allowed.has(o.id)), tracks, 2 * spacing);
			if (route) break;
		}
		for (let k = 0; route && k + 1 < route.length; k++) {
			const [[x0, y0], [x1, y1]] = [route[k]!, route[k + 1]!];
			if (y0 === y1) tracks.push({ horizontal: true, at: y0, lo: Math.min(x0, x1), hi: Math.max(x0, x1) });
			else tracks.push({ horizontal: false, at: x0, lo: Math.min(y0, y1), hi: Math.max(y0, y1) });
		}
		routes[r.id] = route ?? connector(a, b);
		allowedFor[r.id] = allowed;
	}
	const ends = Object.fromEntries(requests.map((r) => [r.id, r]));
	return spreadParallel(centreInChannels(routes, ends, boxes, allowedFor, margin), requests, boxes, allowedFor, spacing);
}
