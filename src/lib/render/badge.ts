// Where status badges ("Pending", "Exited (0)") sit. A badge straddles its part's top edge at the right,
// clear of the part's own label. But a part in a group's first row sits just under the group's name,
// and two neighbours' badges can meet; so each badge takes whichever of the top or bottom edge covers
// the least of the names and badges already on the picture (top wins a tie), working down the page.
import type { Box } from '$lib/layout/types';
import type { Rect } from './fit';
import { BADGE_HEIGHT, BADGE_PADDING, BADGE_SIZE, CHAR_WIDTH } from './metrics';

/** A badge's width for its text (its height is BADGE_HEIGHT). */
export const badgeWidth = (text: string) => Math.ceil(text.length * BADGE_SIZE * CHAR_WIDTH) + BADGE_PADDING;

export interface BadgeRequest {
	id: string;
	/** The part's box, in diagram coordinates. */
	part: Box;
	width: number;
	height: number;
}

export interface BadgeSpot {
	/** Offset from the part's top-left corner. */
	x: number;
	y: number;
	below: boolean;
}

function overlap(a: Rect, b: Rect): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

/** `names`: the rectangles of text that must stay readable (group names, part labels). */
export function placeBadges(requests: BadgeRequest[], names: Rect[]): Map<string, BadgeSpot> {
	const placed: Rect[] = [];
	const spots = new Map<string, BadgeSpot>();
	const order = [...requests].sort((a, b) => a.part.y - b.part.y || a.part.x - b.part.x);
	for (const r of order) {
		const x = Math.max(r.part.width - r.width + 10, (r.part.width - r.width) / 2);
		const candidates: BadgeSpot[] = [
			{ x, y: -r.height * 0.6, below: false },
			{ x, y: r.part.height - r.height * 0.4, below: true }
		];
		let best = candidates[0]!;
		let bestCost = Infinity;
		for (const c of candidates) {
			const rect = { x: r.part.x + c.x, y: r.part.y + c.y, width: r.width, height: r.height };
			const cost = [...names, ...placed].reduce((sum, o) => sum + overlap(rect, o), 0);
			if (cost < bestCost) {
				best = c;
				bestCost = cost;
			}
		}
		spots.set(r.id, best);
		placed.push({ x: r.part.x + best.x, y: r.part.y + best.y, width: r.width, height: r.height });
	}
	return spots;
}

/**
 * Spots for this step's badges (`badges`: part id → text) on the parts on stage (`parts`, by id).
 * `names` is asked for only when there is a badge to place.
 */
export function badgeSpots(badges: Record<string, string>, parts: Map<string, Box>, names: () => Rect[]): Map<string, BadgeSpot> {
	const requests: BadgeRequest[] = [];
	for (const [id, text] of Object.entries(badges)) {
		const part = parts.get(id);
		if (part) requests.push({ id, part, width: badgeWidth(text), height: BADGE_HEIGHT });
	}
	return requests.length ? placeBadges(requests, names()) : new Map();
}
