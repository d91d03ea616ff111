import { describe, expect, it } from 'vitest';
import { fitTransform, padded, stageBox, union, viewBoxText, type Rect } from './fit';

/** Screen position of a diagram point, as the browser places it for a viewBox (xMidYMid meet). */
function onScreen(p: [number, number], box: Rect, w: number, h: number): [number, number] {
	const k = Math.min(w / box.width, h / box.height);
	return [(w - k * box.width) / 2 + k * (p[0] - box.x), (h - k * box.height) / 2 + k * (p[1] - box.y)];
}
function applyCss(css: string, q: [number, number]): [number, number] {
	const m = css.match(/translate\((-?[\d.]+)px,(-?[\d.]+)px\) scale\(([\d.]+)\)/)!;
	const [tx, ty, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return [tx + s * q[0], ty + s * q[1]];
}

describe('fitTransform', () => {
	const cases: Array<[string, Rect, Rect, number, number]> = [
		['same box', { x: 0, y: 0, width: 100, height: 50 }, { x: 0, y: 0, width: 100, height: 50 }, 800, 400],
		['wanted inside drawn (growing cluster)', { x: -20, y: -10, width: 1400, height: 700 }, { x: 0, y: 0, width: 1000, height: 600 }, 1280, 560],
		['tall frame, wide boxes', { x: 0, y: 0, width: 2000, height: 500 }, { x: 300, y: 50, width: 900, height: 400 }, 600, 900],
		['offset origin', { x: 500, y: 300, width: 300, height: 300 }, { x: 550, y: 320, width: 200, height: 150 }, 1000, 500]
	];
	it.each(cases)('%s: every point lands where the wanted viewBox would put it', (_, drawn, wanted, w, h) => {
		const css = fitTransform(drawn, wanted, w, h);
		for (const p of [[wanted.x, wanted.y], [wanted.x + wanted.width, wanted.y + wanted.height], [drawn.x + 7, drawn.y + 3]] as [number, number][]) {
			const got = applyCss(css, onScreen(p, drawn, w, h));
			const want = onScreen(p, wanted, w, h);
			expect(got[0]).toBeCloseTo(want[0], 1);
			expect(got[1]).toBeCloseTo(want[1], 1);
		}
	});

	it('gives no transform for an empty viewport or box', () => {
		expect(fitTransform({ x: 0, y: 0, width: 10, height: 10 }, { x: 0, y: 0, width: 10, height: 10 }, 0, 300)).toBe('');
		expect(fitTransform({ x: 0, y: 0, width: 0, height: 10 }, { x: 0, y: 0, width: 10, height: 10 }, 300, 300)).toBe('');
	});
});

describe('union', () => {
	it.each([
		[[], undefined],
		[[{ x: 1, y: 2, width: 3, height: 4 }], { x: 1, y: 2, width: 3, height: 4 }],
		[[{ x: 0, y: 0, width: 10, height: 10 }, { x: -5, y: 5, width: 10, height: 20 }], { x: -5, y: 0, width: 15, height: 25 }]
	] as Array<[Rect[], Rect | undefined]>)('%j → %j', (rects, expected) => {
		expect(union(rects)).toEqual(expected);
	});
});

describe('stageBox', () => {
	it('fits the visible boxes with a margin, ignoring ones faded out', () => {
		const boxes = [
			{ x: 0, y: 0, width: 100, height: 50, opacity: 1 },
			{ x: 200, y: 100, width: 100, height: 50, opacity: 0.5 },
			{ x: 900, y: 900, width: 10, height: 10, opacity: 0 }
		];
		expect(stageBox(boxes, 10)).toEqual({ x: -10, y: -10, width: 320, height: 170 });
		expect(viewBoxText(stageBox(boxes, 10))).toBe('-10.0 -10.0 320.0 170.0');
	});
	it('is a placeholder when nothing is visible', () => expect(stageBox([], 10)).toEqual({ x: 0, y: 0, width: 100, height: 100 }));
	it('padded grows every side', () => expect(padded({ x: 1, y: 2, width: 3, height: 4 }, 1)).toEqual({ x: 0, y: 1, width: 5, height: 6 }));
});
