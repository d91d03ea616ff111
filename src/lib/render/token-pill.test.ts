import { describe, expect, it } from 'vitest';
import { pillBox, planPill, sampleAt, type PillSide, type Rect } from './token-pill';

type P = [number, number];
const W = 80;
const H = 30;
const R = 16;

/** The distinct sides a plan takes, in order. */
const runs = (sides: PillSide[]) => sides.filter((s, i) => s !== sides[i - 1]);

describe('planPill', () => {
	const cases: [string, P[], Rect[], PillSide[]][] = [
		['right when nothing is in the way', [[0, 0], [0, 100]], [], ['right']],
		['left when a name sits to the right', [[0, 0], [0, 100]], [{ x: 30, y: -20, width: 100, height: 140 }], ['left']],
		['below a horizontal run with names right, left and above', [[0, 0], [100, 0]], [{ x: 0, y: -60, width: 100, height: 50 }, { x: 140, y: -20, width: 200, height: 36 }, { x: -250, y: -20, width: 200, height: 36 }], ['below']]
	];
	it.each(cases)('%s', (_n, points, avoid, sides) => {
		const plan = planPill(points, avoid, W, H, R);
		expect(runs(plan.sides)).toEqual(sides);
		expect(plan.covers.every((c) => !c)).toBe(true);
	});

	it('moves round a name passed on the way, and only as often as it must', () => {
		// Left is taken all the way; on the right a name waits halfway down.
		const avoid = [{ x: -150, y: -20, width: 120, height: 340 }, { x: 30, y: 130, width: 60, height: 40 }];
		const plan = planPill([[0, 0], [0, 300]], avoid, W, H, R);
		expect(plan.covers.some(Boolean)).toBe(false);
		expect(runs(plan.sides).length).toBeGreaterThan(1);
		expect(runs(plan.sides).length).toBeLessThanOrEqual(3);
	});

	it('keeps clear of a name on every sample, whatever side it takes', () => {
		const points: P[] = [[0, 0], [0, 200], [300, 200]];
		const avoid = [{ x: 25, y: 60, width: 120, height: 30 }, { x: -150, y: 120, width: 120, height: 30 }, { x: 100, y: 150, width: 80, height: 30 }];
		const plan = planPill(points, avoid, W, H, R);
		expect(plan.covers.some(Boolean)).toBe(false);
		plan.sides.forEach((side, i) => {
			const s = Math.min(i * plan.sample, 500);
			const [x, y] = s <= 200 ? [0, s] : [s - 200, 200];
			const b = pillBox(side, W, H, R);
			for (const a of avoid) {
				const clear = x + b.x >= a.x + a.width || x + b.x + b.width <= a.x || y + b.y >= a.y + a.height || y + b.y + b.height <= a.y;
				expect(clear, `${side} at ${x},${y}`).toBe(true);
			}
		});
	});

	it('marks the samples where no side is clear, so the pill can fade there', () => {
		const plan = planPill([[0, 0], [0, 100]], [{ x: -500, y: -500, width: 1000, height: 1000 }], W, H, R);
		expect(plan.covers.every(Boolean)).toBe(true);
	});

	it('keeps inside the stage when it can', () => {
		const plan = planPill([[0, 0], [0, 100]], [], W, H, R, { x: -200, y: -100, width: 220, height: 300 });
		expect(runs(plan.sides)).toEqual(['left']);
	});
});

describe('sampleAt', () => {
	const plan = { sample: 8, sides: Array<PillSide>(5).fill('right'), covers: Array<boolean>(5).fill(false) };
	const cases: [number, number][] = [[0, 0], [3, 0], [5, 1], [16, 2], [99, 4], [-4, 0]];
	it.each(cases)('distance %s is sample %s', (s, i) => expect(sampleAt(plan, s)).toBe(i));
});
