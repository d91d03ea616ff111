import { describe, expect, it } from 'vitest';
import { badgeSpots, badgeWidth, placeBadges, type BadgeRequest } from './badge';
import { BADGE_HEIGHT, BADGE_PADDING } from './metrics';
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

describe('badgeSpots', () => {
	const part = { x: 300, y: 200, width: 120, height: 60 };
	it('places a badge for each part on stage, sized for its text', () => {
		let asked = 0;
		const spots = badgeSpots({ a: 'Pending', gone: 'Exited' }, new Map([['a', part]]), () => (asked++, []));
		expect([...spots.keys()]).toEqual(['a']);
		expect(spots.get('a')).toEqual({ x: Math.max(part.width - badgeWidth('Pending') + 10, (part.width - badgeWidth('Pending')) / 2), y: -BADGE_HEIGHT * 0.6, below: false });
		expect(asked).toBe(1);
	});

	it('does not work out the names when there is no badge to place', () => {
		let asked = 0;
		expect(badgeSpots({ gone: 'Exited' }, new Map([['a', part]]), () => (asked++, [])).size).toBe(0);
		expect(asked).toBe(0);
	});

	it('a badge is its text plus padding wide', () => expect(badgeWidth('')).toBe(BADGE_PADDING));
});
