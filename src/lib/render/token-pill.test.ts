import { describe, expect, it } from 'vitest';
import { pillSides, segmentAt, type PillSide, type Rect } from './token-pill';

type P = [number, number];

describe('pillSides', () => {
	const cases: [string, P[], Rect[], PillSide[]][] = [
		['right when nothing is in the way', [[0, 0], [0, 100]], [], ['right']],
		['left when a name sits to the right', [[0, 0], [0, 100]], [{ x: 20, y: 0, width: 100, height: 100 }], ['left']],
		['a side per run, keeping the last one when it is as good', [[0, 0], [0, 100], [300, 100]], [{ x: 20, y: 0, width: 100, height: 80 }], ['left', 'left']],
		['below a horizontal run with names right, left and above', [[0, 0], [100, 0]], [{ x: 0, y: -60, width: 100, height: 50 }, { x: 110, y: -20, width: 200, height: 40 }, { x: -250, y: -20, width: 240, height: 40 }], ['below']]
	];
	it.each(cases)('%s', (_n, points, avoid, sides) => expect(pillSides(points, avoid, 80, 30, 16)).toEqual(sides));
});

describe('segmentAt', () => {
	const acc = [0, 10, 30];
	const cases: [number, number][] = [[0, 0], [10, 0], [11, 1], [30, 1], [99, 1]];
	it.each(cases)('distance %s is on segment %s', (s, k) => expect(segmentAt(acc, s)).toBe(k));
});
