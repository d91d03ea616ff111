// Spreads orthogonal routes that share a track (the same line over an overlapping span) a few units
// apart, so each stays visible. Each bundle tries the orders of its members and keeps the one with the
// fewest crossings; a spread that would push a line into a box, off its end's side, or fold a short
// neighbouring segment back on itself is undone (the lines then stay together).
import type { Box, Point } from './types';


interface Seg {
	edge: string;
	/** Index of the segment's first point in its route. */
	k: number;
	horizontal: boolean;
	at: number;
	lo: number;
	hi: number;
}

const PERMUTE_UP_TO = 6;

function segments(routes: Record<string, Point[]>): Seg[] {
	const out: Seg[] = [];
	for (const [edge, pts] of Object.entries(routes))
		for (let k = 0; k + 1 < pts.length; k++) {
			const [x0, y0] = pts[k]!;
			const [x1, y1] = pts[k + 1]!;
			if (y0 === y1 && x0 !== x1) out.push({ edge, k, horizontal: true, at: y0, lo: Math.min(x0, x1), hi: Math.max(x0, x1) });
			else if (x0 === x1 && y0 !== y1) out.push({ edge, k, horizontal: false, at: x0, lo: Math.min(y0, y1), hi: Math.max(y0, y1) });
		}
	return out;
}

/** Groups of segments of different routes lying on one line with overlapping spans. */
function bundles(segs: Seg[]): Seg[][] {
	const lines = new Map<string, Seg[]>();
	for (const s of segs) {
		const key = `${s.horizontal ? 'h' : 'v'}${s.at}`;
		lines.set(key, [...(lines.get(key) ?? []), s]);
	}
	const out: Seg[][] = [];
	for (const key of [...lines.keys()].sort()) {
		const list = lines.get(key)!.sort((p, q) => p.lo - q.lo || p.hi - q.hi || (p.edge < q.edge ? -1 : 1));
		let run: Seg[] = [];
		let reach = -Infinity;
		for (const s of list) {
			if (run.length && s.lo >= reach) {
				out.push(run);
				run = [];
			}
			run.push(s);
			reach = Math.max(reach, s.hi);
		}
		if (run.length) out.push(run);
	}
	return out
		.map((run) => run.filter((s, i) => run.findIndex((t) => t.edge === s.edge) === i))
		.filter((run) => run.length > 1)
		.sort((p, q) => q.length - p.length);
}

function shift(pts: Point[], s: Seg, by: number) {
	const c = s.horizontal ? 1 : 0;
	pts[s.k]![c] += by;
	pts[s.k + 1]![c] += by;
}

function cross(a0: Point, a1: Point, b0: Point, b1: Point): boolean {
	const ah = a0[1] === a1[1];
	const bh = b0[1] === b1[1];
	if (ah === bh) return false;
	const [h0, h1, v0, v1] = ah ? [a0, a1, b0, b1] : [b0, b1, a0, a1];
	const x = v0[0];
	const y = h0[1];
	return x > Math.min(h0[0], h1[0]) && x < Math.max(h0[0], h1[0]) && y > Math.min(v0[1], v1[1]) && y < Math.max(v0[1], v1[1]);
}

function crossings(routes: Point[][]): number {
	let n = 0;
	for (let i = 0; i < routes.length; i++)
		for (let j = i + 1; j < routes.length; j++) {
			const p = routes[i]!;
			const q = routes[j]!;
			for (let a = 0; a + 1 < p.length; a++) for (let b = 0; b + 1 < q.length; b++) if (cross(p[a]!, p[a + 1]!, q[b]!, q[b + 1]!)) n++;
		}
	return n;
}

function* permutations(n: number): Generator<number[]> {
	if (n <= 1) {
		yield [0].slice(0, n);
		return;
	}
	for (const rest of permutations(n - 1))
		for (let i = 0; i <= rest.length; i++) yield [...rest.slice(0, i), n - 1, ...rest.slice(i)];
}

/** Segment (p, q) passes through the open interior of `b`. */
export function segmentEntersBox(p: Point, q: Point, b: Box): boolean {
	const x0 = Math.min(p[0], q[0]);
	const x1 = Math.max(p[0], q[0]);
	const y0 = Math.min(p[1], q[1]);
	const y1 = Math.max(p[1], q[1]);
	return x1 > b.x && x0 < b.x + b.width && y1 > b.y && y0 < b.y + b.height && !(x0 === x1 && (x0 <= b.x || x0 >= b.x + b.width)) && !(y0 === y1 && (y0 <= b.y || y0 >= b.y + b.height));
}

function onSide(p: Point, b: Box): boolean {
	const [x, y] = p;
	const inX = x > b.x && x < b.x + b.width;
	const inY = y > b.y && y < b.y + b.height;
	return ((y === b.y || y === b.y + b.height) && inX) || ((x === b.x || x === b.x + b.width) && inY);
}

export interface EdgeEnds {
	id: string;
	from: string;
	to: string;
}

export function spreadParallel(
	routes: Record<string, Point[]>,
	requests: EdgeEnds[],
	boxes: (Box & { id: string })[],
	allowedFor: Record<string, Set<string>>,
	spacing: number
): Record<string, Point[]> {
	const out: Record<string, Point[]> = {};
	for (const [id, pts] of Object.entries(routes)) out[id] = pts.map((p) => [p[0], p[1]]);
	const byId = new Map(boxes.map((b) => [b.id, b]));
	const ends = new Map(requests.map((r) => [r.id, r]));
	const valid = (edge: string, before: Point[]): boolean => {
		const pts = out[edge]!;
		const r = ends.get(edge);
		const a = r && byId.get(r.from);
		const b = r && byId.get(r.to);
		if (!a || !b || !onSide(pts[0]!, a) || !onSide(pts[pts.length - 1]!, b)) return false;
		for (let k = 0; k + 1 < pts.length; k++) {
			const [p, q] = [pts[k]!, pts[k + 1]!];
			// Still pointing the same way as before the spread (no fold, no vanishing segment).
			const [bp, bq] = [before[k]!, before[k + 1]!];
			if (Math.sign(q[0] - p[0]) !== Math.sign(bq[0] - bp[0]) || Math.sign(q[1] - p[1]) !== Math.sign(bq[1] - bp[1])) return false;
			for (const o of boxes) {
				if (o.id === r.from || o.id === r.to) {
					if (segmentEntersBox(p, q, o)) return false;
				} else if (!allowedFor[edge]?.has(o.id) && segmentEntersBox(p, q, o)) return false;
			}
		}
		return true;
	};
	for (const bundle of bundles(segments(out))) {
		// Bundles were found on the unspread routes; skip members an earlier spread already moved.
		const live = bundle.filter((s) => {
			const pts = out[s.edge]!;
			const c = s.horizontal ? 1 : 0;
			return pts[s.k]?.[c] === s.at && pts[s.k + 1]?.[c] === s.at;
		});
		if (live.length < 2) continue;
		const members = live.map((s) => s.edge);
		const saved = members.map((e) => out[e]!.map((p) => [p[0], p[1]] as Point));
		const orders = live.length <= PERMUTE_UP_TO ? [...permutations(live.length)].sort((p, q) => (p.join() < q.join() ? -1 : 1)) : [live.map((_, i) => i)];
		// Full spacing if it fits, else tighter: a narrow channel still shows separate lines.
		for (const gap of [spacing, spacing / 2, spacing / 4]) {
			const offsets = live.map((_, i) => (i - (live.length - 1) / 2) * gap);
			let best: { order: number[]; score: number } | undefined;
			for (const order of orders) {
				order.forEach((slot, i) => shift(out[members[i]!]!, live[i]!, offsets[slot]!));
				const ok = members.every((e, i) => valid(e, saved[i]!));
				const score = crossings(members.map((e) => out[e]!));
				if (ok && (!best || score < best.score)) best = { order, score };
				members.forEach((e, i) => (out[e] = saved[i]!.map((p) => [p[0], p[1]])));
			}
			if (!best) continue;
			best.order.forEach((slot, i) => shift(out[members[i]!]!, live[i]!, offsets[slot]!));
			break;
		}
	}
	return out;
}
