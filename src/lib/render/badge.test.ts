import { describe, expect, it } from 'vitest';
import { placeBadges, type BadgeRequest } from './badge';
import type { Rect } from './fit';

const groupName: Rect = { x: 16, y: 10, width: 160, height: 34 };
const req = (id: string, x: number, y: number, width = 100): BadgeRequest => ({ id, part: { x, y, width: 120, height: 60 }, width, height: 36 });

describe('placeBadges', () => {
	it('puts a badge on the top edge, right-aligned, when nothing is in the way', () => {
		expect(placeBadges([req('a', 300, 200)], [groupName]).get('a')).toEqual({ x: 30, y: -36 * 0.6, below: false });
	});

	it('centres a badge wider than its part', () => {
		expect(placeBadges([req('a', 300, 200, 200)], []).get('a')?.x).toBe(-40);
	});

	it('moves a badge under the part when the top edge would cover a group name', () => {
		expect(placeBadges([req('a', 14, 50)], [groupName]).get('a')).toMatchObject({ below: true, y: 60 - 14.4 });
	});

	it('keeps a later badge off an earlier one, working down the page', () => {
		// a's top edge is under the group name, so its badge goes below, where b's top badge would be.
		const spots = placeBadges([req('b', 20, 130), req('a', 14, 50)], [groupName]);
		expect(spots.get('a')?.below).toBe(true);
		expect(spots.get('b')?.below).toBe(true);
	});

	it('a tie keeps the top edge', () => {
		const everywhere: Rect = { x: -1000, y: -1000, width: 5000, height: 5000 };
		expect(placeBadges([req('a', 300, 200)], [everywhere]).get('a')?.below).toBe(false);
	});
});
