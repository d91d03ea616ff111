import { describe, expect, it } from 'vitest';
import { blendPolylines, morphProgress } from './edge-morph';

type P = [number, number];

describe('blendPolylines', () => {
	const a: P[] = [[0, 0], [0, 100]];
	const b: P[] = [[0, 0], [0, 50], [100, 50], [100, 100]];
	it('is the first line at t = 0', () => expect(blendPolylines(a, b, 0)).toEqual(a));
	it('is the second line at t = 1', () => expect(blendPolylines(a, b, 1)).toEqual(b));
	it('starts and ends between the two lines partway', () => {
		const mid = blendPolylines(a, b, 0.5);
		expect(mid[0]).toEqual([0, 0]);
		expect(mid.at(-1)).toEqual([50, 100]);
	});
	it('changes little for a small step in t (no jump)', () => {
		const p = blendPolylines(a, b, 0.01);
		const q = blendPolylines(a, b, 0.02);
		expect(p.length).toBe(q.length);
		for (let i = 0; i < p.length; i++) expect(Math.hypot(p[i]![0] - q[i]![0], p[i]![1] - q[i]![1])).toBeLessThan(2);
	});
});

describe('morphProgress', () => {
	const box = (x: number, opacity = 1) => ({ x, y: 0, width: 10, height: 10, opacity });
	const cases: [string, Parameters<typeof morphProgress>, number][] = [
		['read off the box that moves most', [{ a: box(0), b: box(0) }, { a: box(100), b: box(10) }, { a: box(25), b: box(2.5) }], 0.25],
		['from the opacity of a box fading in when nothing moves', [{ a: box(0) }, { a: box(0), c: box(50) }, { a: box(0), c: box(50, 0.4) }], 0.4],
		['from a box fading out', [{ a: box(0), d: box(5) }, { a: box(0) }, { a: box(0), d: box(5, 0.25) }], 0.75],
		['at rest when nothing changes', [{ a: box(0) }, { a: box(0) }, { a: box(0) }], 1]
	];
	it.each(cases)('%s', (_n, args, t) => expect(morphProgress(...args)).toBeCloseTo(t));
});
