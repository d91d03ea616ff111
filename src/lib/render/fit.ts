// Fitting the picture to its frame while a view morphs. Changing an SVG's viewBox every frame makes the
// browser lay out every label again (text is laid out at its on-screen scale), which cost a third of
// each frame on the busiest steps. So during a morph the viewBox holds still, covering where the boxes
// start and end, and a CSS transform on the <svg> does the moving fit; the viewBox catches up at the end.

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The smallest rectangle around all of them; undefined for none. */
export function union(rects: Rect[]): Rect | undefined {
	if (!rects.length) return undefined;
	const x0 = Math.min(...rects.map((r) => r.x));
	const y0 = Math.min(...rects.map((r) => r.y));
	const x1 = Math.max(...rects.map((r) => r.x + r.width));
	const y1 = Math.max(...rects.map((r) => r.y + r.height));
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Where a viewBox lands in a width × height viewport with preserveAspectRatio="xMidYMid meet". */
function placement(box: Rect, width: number, height: number) {
	const k = Math.min(width / box.width, height / box.height);
	return { k, dx: (width - k * box.width) / 2 - k * box.x, dy: (height - k * box.height) / 2 - k * box.y };
}

/**
 * The CSS transform (origin at the top left) that makes an <svg> drawn with viewBox `drawn` look as if
 * it were drawn with viewBox `wanted`, in a viewport of width × height CSS pixels.
 */
export function fitTransform(drawn: Rect, wanted: Rect, width: number, height: number): string {
	if (!(width > 0 && height > 0 && drawn.width > 0 && drawn.height > 0 && wanted.width > 0 && wanted.height > 0)) return '';
	const a = placement(drawn, width, height);
	const b = placement(wanted, width, height);
	const s = b.k / a.k;
	const tx = b.dx - s * a.dx;
	const ty = b.dy - s * a.dy;
	return `translate(${tx.toFixed(2)}px,${ty.toFixed(2)}px) scale(${s.toFixed(5)})`;
}

/** `r` grown by `margin` on every side. */
export const padded = (r: Rect, margin: number): Rect => ({ x: r.x - margin, y: r.y - margin, width: r.width + 2 * margin, height: r.height + 2 * margin });

/** The viewBox that fits the parts that can be seen (with a margin); a placeholder for none. */
export function stageBox(boxes: (Rect & { opacity: number })[], margin: number): Rect {
	const around = union(boxes.filter((b) => b.opacity > 0.01));
	return around ? padded(around, margin) : { x: 0, y: 0, width: 100, height: 100 };
}

/** A viewBox attribute, to a tenth of a unit. */
export const viewBoxText = (r: Rect) => `${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.width.toFixed(1)} ${r.height.toFixed(1)}`;
