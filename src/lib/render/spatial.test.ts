import { describe, expect, it } from 'vitest';
import { nearestInDirection, type Direction } from './spatial';

const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });
const grid = [
	{ id: 'top', box: box(200, 0) },
	{ id: 'left', box: box(0, 100) },
	{ id: 'right', box: box(400, 100) },
	{ id: 'bottom', box: box(200, 200) },
	{ id: 'far-right-low', box: box(900, 400) }
];

describe('nearestInDirection from the centre', () => {
	const cases: [Direction, string][] = [['up', 'top'], ['down', 'bottom'], ['left', 'left'], ['right', 'right']];
	it.each(cases)('%s → %s', (dir, id) => expect(nearestInDirection(box(200, 100), grid, dir)).toBe(id));
	it('returns undefined at the edge', () => expect(nearestInDirection(box(200, 0), grid.slice(0, 1), 'up')).toBeUndefined());
});
