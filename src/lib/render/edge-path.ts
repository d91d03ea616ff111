// SVG path data for a routed edge: straight runs joined by small rounded corners. Each bend becomes a
// quadratic arc of at most `radius`, limited by half of the shorter neighbouring run so corners never
// overshoot; collinear points draw as plain straight lines. Written onto d3-path's rounding path
// (0.1 px). d3-shape's line() did only the point loop here, and its published bundle does not
// tree-shake (every curve's prototype came along: 11 KB of an embed's first load), so it is not used.
import { pathRound } from 'd3-path';
import type { Point } from '$lib/layout/types';

/** Context methods the corners use (d3-path and CanvasRenderingContext2D both have them). */
interface PathContext {
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
}

function drawRounded(ctx: PathContext, pts: Point[], radius: number) {
	if (!pts.length) return;
	ctx.moveTo(...pts[0]!);
	for (let i = 1; i < pts.length - 1; i++) {
		const [p, c, n] = [pts[i - 1]!, pts[i]!, pts[i + 1]!];
		const inLen = Math.hypot(c[0] - p[0], c[1] - p[1]);
		const outLen = Math.hypot(n[0] - c[0], n[1] - c[1]);
		const cross = (c[0] - p[0]) * (n[1] - c[1]) - (c[1] - p[1]) * (n[0] - c[0]);
		const r = Math.min(radius, inLen / 2, outLen / 2);
		if (r < 0.5 || Math.abs(cross) < 1e-6 * inLen * outLen) {
			ctx.lineTo(...c);
			continue;
		}
		const a: Point = [c[0] - ((c[0] - p[0]) / inLen) * r, c[1] - ((c[1] - p[1]) / inLen) * r];
		const b: Point = [c[0] + ((n[0] - c[0]) / outLen) * r, c[1] + ((n[1] - c[1]) / outLen) * r];
		ctx.lineTo(...a);
		ctx.quadraticCurveTo(c[0], c[1], b[0], b[1]);
	}
	if (pts.length > 1) ctx.lineTo(...pts[pts.length - 1]!);
}

/** The `d` attribute of an edge through `points`, with corners rounded to `radius`. */
export function edgePath(points: Point[], radius = 12): string {
	const path = pathRound(1);
	drawRounded(path, points, radius);
	return path.toString();
}
