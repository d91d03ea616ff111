// Moves the middle runs of orthogonal routes to the centre of the free channel they run in, so lines
// sit midway between the boxes on either side instead of hugging one of them (the shortest-path search
// is indifferent to where in a channel a run lies). Runs attached to an end, and runs with open space
// on one side, stay put.
import type { Box, Point } from './types';


export function centreInChannels(
	routes: Record<string, Point[]>,
	ends: Record<string, { from: string; to: string }>,
	boxes: (Box & { id: string })[],
	allowedFor: Record<string, Set<string>>,
	margin: number
): Record<string, Point[]> {
	const out: Record<string, Point[]> = {};
	for (const [id, route] of Object.entries(routes)) {
		const pts = route.map((p) => [p[0], p[1]] as Point);
		const allowed = allowedFor[id] ?? new Set<string>();
		const e = ends[id];
		// Ends are obstacles here too; only the groups holding them may be run through.
		const blocking = boxes.filter((b) => !allowed.has(b.id) || b.id === e?.from || b.id === e?.to);
		for (let k = 1; k + 2 < pts.length; k++) {
			const [p, q] = [pts[k]!, pts[k + 1]!];
			const horizontal = p[1] === q[1];
			const c = horizontal ? 1 : 0;
			const o = (1 - c) as 0 | 1;
			const at = p[c];
			const lo = Math.min(p[o], q[o]);
			const hi = Math.max(p[o], q[o]);
			let below = -Infinity;
			let above = Infinity;
			for (const b of blocking) {
				const [bLo, bHi, cLo, cHi] = horizontal ? [b.x, b.x + b.width, b.y, b.y + b.height] : [b.y, b.y + b.height, b.x, b.x + b.width];
				if (bHi < lo || bLo > hi) continue;
				if (cHi <= at) below = Math.max(below, cHi);
				else if (cLo >= at) above = Math.min(above, cLo);
				else {
					below = above = at; // already inside something: leave it
				}
			}
			if (!Number.isFinite(below) || !Number.isFinite(above) || above - below <= 0) continue;
			// The neighbouring runs must keep pointing the way they did (no fold), with some length left.
			const prev = pts[k - 1]![c];
			const next = pts[k + 2]![c];
			let target = (below + above) / 2;
			for (const n of [prev, next]) {
				if (n < at) target = Math.max(target, n + Math.min(margin, (at - n) / 2));
				else if (n > at) target = Math.min(target, n - Math.min(margin, (n - at) / 2));
			}
			target = Math.round(target * 2) / 2;
			if (target === at) continue;
			p[c] = target;
			q[c] = target;
			if (!clear(pts, k - 1, k + 2, blocking)) {
				p[c] = at;
				q[c] = at;
			}
		}
		out[id] = pts;
	}
	return out;
}

/** Segments first..last-1 of `pts` stay out of every box's interior. */
function clear(pts: Point[], first: number, last: number, blocking: Box[]): boolean {
	for (let k = first; k < last; k++) {
		const [p, q] = [pts[k]!, pts[k + 1]!];
		const x0 = Math.min(p[0], q[0]);
		const x1 = Math.max(p[0], q[0]);
		const y0 = Math.min(p[1], q[1]);
		const y1 = Math.max(p[1], q[1]);
		for (const b of blocking) if (x1 > b.x && x0 < b.x + b.width && y1 > b.y && y0 < b.y + b.height && (x1 > x0 || (x0 > b.x && x0 < b.x + b.width)) && (y1 > y0 || (y0 > b.y && y0 < b.y + b.height))) return false;
	}
	return true;
}
