// Pure geometry shared by the build-time layout and the browser (connectors follow boxes while they morph).
import type { Box, Point } from './types';

function overlap(a0: number, a1: number, b0: number, b1: number): [number, number] | undefined {
	const lo = Math.max(a0, b0);
	const hi = Math.min(a1, b1);
	return hi - lo > 8 ? [lo, hi] : undefined;
}

/** Where the ray from the box centre towards `toward` leaves the box. */
function clipToBorder(box: Box, toward: Point): Point {
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2;
	const dx = toward[0] - cx;
	const dy = toward[1] - cy;
	if (dx === 0 && dy === 0) return [cx, cy];
	const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
	const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
	const s = Math.min(sx, sy);
	return [cx + dx * s, cy + dy * s];
}

/**
 * A straight connector from box `a` to box `b`: axis-aligned where the boxes face each other
 * (clean vertical lines in a stack), otherwise centre to centre, clipped to both borders.
 */
export function connector(a: Box, b: Box): Point[] {
	const xs = overlap(a.x, a.x + a.width, b.x, b.x + b.width);
	if (xs) {
		const x = (xs[0] + xs[1]) / 2;
		if (b.y >= a.y + a.height) return [[x, a.y + a.height], [x, b.y]];
		if (a.y >= b.y + b.height) return [[x, a.y], [x, b.y + b.height]];
	}
	const ys = overlap(a.y, a.y + a.height, b.y, b.y + b.height);
	if (ys) {
		const y = (ys[0] + ys[1]) / 2;
		if (b.x >= a.x + a.width) return [[a.x + a.width, y], [b.x, y]];
		if (a.x >= b.x + b.width) return [[a.x, y], [b.x + b.width, y]];
	}
	const ca: Point = [a.x + a.width / 2, a.y + a.height / 2];
	const cb: Point = [b.x + b.width / 2, b.y + b.height / 2];
	return [clipToBorder(a, cb), clipToBorder(b, ca)];
}

export function polylineLength(points: Point[]): number {
	let total = 0;
	for (let i = 1; i < points.length; i++) {
		const [x0, y0] = points[i - 1]!;
		const [x1, y1] = points[i]!;
		total += Math.hypot(x1 - x0, y1 - y0);
	}
	return total;
}

/** The point at fraction t (0..1) of the way along a polyline. */
export function pointAlong(points: Point[], t: number): Point {
	if (points.length === 0) return [0, 0];
	if (points.length === 1 || t <= 0) return points[0]!;
	const target = Math.min(1, t) * polylineLength(points);
	let walked = 0;
	for (let i = 1; i < points.length; i++) {
		const [x0, y0] = points[i - 1]!;
		const [x1, y1] = points[i]!;
		const seg = Math.hypot(x1 - x0, y1 - y0);
		if (walked + seg >= target && seg > 0) {
			const f = (target - walked) / seg;
			return [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f];
		}
		walked += seg;
	}
	return points[points.length - 1]!;
}

export function contains(outer: Box, inner: Box): boolean {
	return (
		inner.x >= outer.x - 0.5 &&
		inner.y >= outer.y - 0.5 &&
		inner.x + inner.width <= outer.x + outer.width + 0.5 &&
		inner.y + inner.height <= outer.y + outer.height + 0.5
	);
}

export function intersects(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Drops repeated and collinear points of an orthogonal polyline. */
export function simplify(points: Point[]): Point[] {
	const out: Point[] = [];
	for (const p of points) {
		const last = out[out.length - 1];
		if (last && last[0] === p[0] && last[1] === p[1]) continue;
		const before = out[out.length - 2];
		if (before && last && ((before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]))) out[out.length - 1] = p;
		else out.push(p);
	}
	return out;
}
