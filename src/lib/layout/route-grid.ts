// The grid lines the router searches for one edge: every box border ± the clearance, the ends'
// borders and centres, the middle of the span where the ends face each other, and the middle of wide gaps.
import type { Box } from './types';

const uniqueSorted = (values: number[]) => [...new Set(values.map((v) => Math.round(v * 2) / 2))].sort((a, b) => a - b);

export function gridLines(boxes: Box[], a: Box, b: Box, m: number): [number[], number[]] {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const box of boxes) {
		xs.push(box.x - m, box.x + box.width + m);
		ys.push(box.y - m, box.y + box.height + m);
	}
	for (const e of [a, b]) {
		xs.push(e.x, e.x + e.width, e.x + e.width / 2);
		ys.push(e.y, e.y + e.height, e.y + e.height / 2);
	}
	const ox = [Math.max(a.x, b.x), Math.min(a.x + a.width, b.x + b.width)];
	if (ox[1]! > ox[0]!) xs.push((ox[0]! + ox[1]!) / 2);
	const oy = [Math.max(a.y, b.y), Math.min(a.y + a.height, b.y + b.height)];
	if (oy[1]! > oy[0]!) ys.push((oy[0]! + oy[1]!) / 2);
	const withGaps = (v: number[]) => {
		const s = uniqueSorted(v);
		const mids: number[] = [];
		for (let i = 1; i < s.length; i++) if (s[i]! - s[i - 1]! > 2 * m) mids.push((s[i]! + s[i - 1]!) / 2);
		return uniqueSorted([...s, ...mids]);
	};
	return [withGaps(xs), withGaps(ys)];
}
