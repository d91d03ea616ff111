// SVG path data for a routed edge: straight runs joined by small rounded corners. A custom d3-shape
// curve: each bend becomes a quadratic arc of at most `radius`, limited by half of the shorter
// neighbouring run so corners never overshoot; collinear points draw as plain straight lines.
import { line, type CurveFactory } from 'd3-shape';
import type { Point } from '$lib/layout/types';


/** Context methods the curve uses (both d3-path and CanvasRenderingContext2D have them). */
interface PathContext {
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
}

export function roundedCorners(radius: number): CurveFactory {
	return (context) => {
		const ctx = context as unknown as PathContext;
		let pts: Point[] = [];
		return {
			lineStart: () => (pts = []),
			point: (x: number, y: number) => void pts.push([x, y]),
			lineEnd: () => drawRounded(ctx, pts, radius),
			areaStart: () => {},
			areaEnd: () => {}
		};
	};
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

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The `d` attribute of an edge through `points`, with corners rounded to `radius`. */
export function edgePath(points: Point[], radius = 12): string {
	const gen = line<Point>()
		.x((p) => round1(p[0]))
		.y((p) => round1(p[1]))
		.curve(roundedCorners(radius));
	return gen(points) ?? '';
}
