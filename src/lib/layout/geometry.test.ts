import { describe, expect, it } from 'vitest';
import { connector, pointAlong, polylineLength } from './geometry';

describe('connector', () => {
	const cases: [string, Parameters<typeof connector>, [number, number][]][] = [
		['stacked boxes get a vertical line', [{ x: 0, y: 0, width: 100, height: 40 }, { x: 0, y: 100, width: 100, height: 40 }], [[50, 40], [50, 100]]],
		['upward', [{ x: 0, y: 100, width: 100, height: 40 }, { x: 20, y: 0, width: 100, height: 40 }], [[60, 100], [60, 40]]],
		['side by side gets a horizontal line', [{ x: 0, y: 0, width: 100, height: 40 }, { x: 200, y: 10, width: 100, height: 40 }], [[100, 25], [200, 25]]],
		['diagonal is clipped to both borders', [{ x: 0, y: 0, width: 100, height: 100 }, { x: 200, y: 200, width: 100, height: 100 }], [[100, 100], [200, 200]]]
	];
	it.each(cases)('%s', (_n, args, expected) => expect(connector(...args)).toEqual(expected));
});

describe('pointAlong', () => {
	const line: [number, number][] = [[0, 0], [10, 0], [10, 10]];
	const cases: [number, [number, number]][] = [[0, [0, 0]], [0.5, [10, 0]], [0.75, [10, 5]], [1, [10, 10]], [2, [10, 10]]];
	it.each(cases)('t=%s', (t, p) => expect(pointAlong(line, t)).toEqual(p));
	it('measures length', () => expect(polylineLength(line)).toBe(20));
});
