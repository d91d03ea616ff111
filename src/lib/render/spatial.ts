// Arrow-key navigation between diagram parts: pick the nearest box in the pressed direction,
// preferring boxes straight ahead over ones far off to the side.
import type { Box } from '$lib/layout/types';

export type Direction = 'left' | 'right' | 'up' | 'down';

export function nearestInDirection(from: Box, candidates: { id: string; box: Box }[], dir: Direction): string | undefined {
	const cx = from.x + from.width / 2;
	const cy = from.y + from.height / 2;
	let best: { id: string; score: number } | undefined;
	for (const { id, box } of candidates) {
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		const dx = x - cx;
		const dy = y - cy;
		const along = dir === 'left' ? -dx : dir === 'right' ? dx : dir === 'up' ? -dy : dy;
		const across = dir === 'left' || dir === 'right' ? Math.abs(dy) : Math.abs(dx);
		if (along <= 1) continue;
		const score = along + across * 2;
		if (!best || score < best.score) best = { id, score };
	}
	return best?.id;
}
