// Where a travelling token's label pill sits: right of the token, left, above or below — chosen once
// per straight run of its route, as the side whose pill covers the least of the names drawn on the
// diagram along that run (ties keep the previous run's side, then prefer right). Pure.

type Point = [number, number];
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}
export type PillSide = 'right' | 'left' | 'above' | 'below';
const SIDES: PillSide[] = ['right', 'left', 'above', 'below'];

/** The pill's box relative to the token's centre, for a pill of `w` × `h` beside a token of radius `r`. */
export function pillBox(side: PillSide, w: number, h: number, r: number): Rect {
	switch (side) {
		case 'right':
			return { x: r + 4, y: -h / 2, width: w, height: h };
		case 'left':
			return { x: -r - 4 - w, y: -h / 2, width: w, height: h };
		case 'above':
			return { x: -w / 2, y: -r - 6 - h, width: w, height: h };
		case 'below':
			return { x: -w / 2, y: r + 6, width: w, height: h };
	}
}

function overlap(a: Rect, b: Rect): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

/** One side per segment of `points` (segment k runs from points[k] to points[k + 1]). */
export function pillSides(points: Point[], avoid: Rect[], w: number, h: number, r: number): PillSide[] {
	const out: PillSide[] = [];
	let last: PillSide = 'right';
	for (let k = 0; k + 1 < points.length; k++) {
		const [p, q] = [points[k]!, points[k + 1]!];
		const cost = (side: PillSide) => {
			const rel = pillBox(side, w, h, r);
			let total = 0;
			for (let i = 0; i <= 4; i++) {
				const x = p[0] + ((q[0] - p[0]) * i) / 4;
				const y = p[1] + ((q[1] - p[1]) * i) / 4;
				const at = { ...rel, x: rel.x + x, y: rel.y + y };
				for (const a of avoid) total += overlap(at, a);
			}
			return total;
		};
		const costs = new Map(SIDES.map((s) => [s, cost(s)]));
		const best = Math.min(...costs.values());
		last = costs.get(last) === best ? last : SIDES.find((s) => costs.get(s) === best)!;
		out.push(last);
	}
	return out;
}

/** Index of the segment holding the point at distance `s` along a polyline with cumulative lengths `acc`. */
export function segmentAt(acc: number[], s: number): number {
	for (let k = 1; k < acc.length; k++) if (s <= acc[k]!) return k - 1;
	return Math.max(0, acc.length - 2);
}
