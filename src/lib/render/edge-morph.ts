// Edges while a view morphs. At rest an edge follows its routed polyline; during a morph it blends the
// line it had when the morph began into the route it will have at rest, by the morph's own progress, so
// it neither jumps when the morph starts nor when it ends.
import type { Box, Point } from '$lib/layout/types';
import { polylineLength } from '$lib/layout/geometry';


/** The point at arc-length `s` of a polyline whose cumulative lengths are `acc`. */
function at(points: Point[], acc: number[], s: number): Point {
	for (let i = 1; i < points.length; i++) {
		if (s <= acc[i]! || i === points.length - 1) {
			const seg = acc[i]! - acc[i - 1]!;
			const f = seg > 0 ? Math.min(1, Math.max(0, (s - acc[i - 1]!) / seg)) : 0;
			const [x0, y0] = points[i - 1]!;
			const [x1, y1] = points[i]!;
			return [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f];
		}
	}
	return points[0]!;
}

function cumulative(points: Point[]): number[] {
	const acc = [0];
	for (let i = 1; i < points.length; i++) acc.push(acc[i - 1]! + Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]));
	return acc;
}

/**
 * Blends polyline `a` (t = 0) into `b` (t = 1). Both are sampled at the union of their corners'
 * fractions of length, so at t = 0 the result traces `a` exactly and at t = 1 `b` exactly.
 */
export function blendPolylines(a: Point[], b: Point[], t: number): Point[] {
	if (t <= 0 || !b.length) return a;
	if (t >= 1 || !a.length) return b;
	const la = polylineLength(a);
	const lb = polylineLength(b);
	const accA = cumulative(a);
	const accB = cumulative(b);
	const fractions = [...new Set([...accA.map((s) => (la ? s / la : 0)), ...accB.map((s) => (lb ? s / lb : 0))].map((f) => Math.round(f * 1e6) / 1e6))].sort((p, q) => p - q);
	return fractions.map((f) => {
		const [ax, ay] = at(a, accA, f * la);
		const [bx, by] = at(b, accB, f * lb);
		return [ax + (bx - ax) * t, ay + (by - ay) * t];
	});
}

/**
 * How far a morph has gone from `start` to `end` (0..1), read off the frame itself: the box that moves
 * most, else the opacity of one fading in or out. Every box shares one eased clock, so one box tells.
 */
export function morphProgress(start: Record<string, Box & { opacity?: number }>, end: Record<string, Box>, frame: Record<string, Box & { opacity: number }>): number {
	let best = 0;
	let t = 1;
	for (const [id, e] of Object.entries(end)) {
		const s = start[id];
		const f = frame[id];
		if (!s || !f) continue;
		for (const [from, to, now] of [
			[s.x, e.x, f.x],
			[s.y, e.y, f.y],
			[s.width, e.width, f.width],
			[s.height, e.height, f.height]
		] as const) {
			const d = Math.abs(to - from);
			if (d > best) {
				best = d;
				t = (now - from) / (to - from);
			}
		}
	}
	if (best > 0.5) return Math.min(1, Math.max(0, t));
	for (const [id, f] of Object.entries(frame)) {
		if (!start[id] && end[id]) return Math.min(1, Math.max(0, f.opacity));
		if (start[id] && !end[id]) return Math.min(1, Math.max(0, 1 - f.opacity));
	}
	return 1;
}
