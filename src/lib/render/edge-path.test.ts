import { describe, expect, it } from 'vitest';
import { edgePath } from './edge-path';

describe('edgePath', () => {
	const cases: [string, [number, number][], number, string][] = [
		['a straight line stays straight', [[0, 0], [0, 100]], 12, 'M0,0L0,100'],
		['a bend gets a rounded corner of the given radius', [[0, 0], [0, 100], [100, 100]], 12, 'M0,0L0,88Q0,100,12,100L100,100'],
		['a short run limits the radius to half its length', [[0, 0], [0, 10], [100, 10]], 12, 'M0,0L0,5Q0,10,5,10L100,10'],
		['collinear points draw as one straight line', [[0, 0], [0, 50], [0, 100]], 12, 'M0,0L0,50L0,100'],
		['a dog-leg rounds both corners without overshoot', [[0, 0], [0, 20], [40, 20], [40, 60]], 12, 'M0,0L0,10Q0,20,10,20L28,20Q40,20,40,32L40,60'],
		['coordinates are written to a tenth of a pixel', [[0.04, 0], [10.26, 0], [10.26, 30.55]], 12, 'M0,0L5.1,0Q10.3,0,10.3,5.1L10.3,30.6']
	];
	it.each(cases)('%s', (_n, points, radius, d) => expect(edgePath(points, radius)).toBe(d));
	it('draws nothing for no points', () => expect(edgePath([])).toBe(''));
});
