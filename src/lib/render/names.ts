// Where the names of the parts are drawn: the same numbers place the text (Part.svelte) and tell badges
// and token labels what to keep clear of. Pure.
import type { Box } from '$lib/layout/types';
import type { Rect } from './fit';
import { CHAR_WIDTH, GROUP_LABEL_BASELINE, GROUP_LABEL_SIZE, GROUP_LABEL_X, LABEL_LINE, LABEL_SIZE, TEXT_ASCENT } from './metrics';

/** The y (from the part's top) of a component label's first line, so the lines sit centred in the box. */
export function firstLineY(box: Box, lines: string[]): number {
	return box.height / 2 - ((lines.length - 1) * LABEL_LINE) / 2;
}

/** A group's name, top left inside its box (in diagram coordinates). */
export function groupNameRect(box: Box, name: string): Rect {
	return {
		x: box.x + GROUP_LABEL_X,
		y: box.y + GROUP_LABEL_BASELINE - GROUP_LABEL_SIZE * TEXT_ASCENT,
		width: name.length * GROUP_LABEL_SIZE * CHAR_WIDTH,
		height: GROUP_LABEL_SIZE * 1.25
	};
}

/** A component's label, its lines centred in its box. */
export function labelRect(box: Box, lines: string[]): Rect {
	const width = Math.max(...lines.map((l) => l.length)) * LABEL_SIZE * CHAR_WIDTH;
	const height = lines.length * LABEL_LINE;
	return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/** The names of the parts on stage, for badges and token labels to keep clear of. */
export function nameRects(parts: { id: string; group: boolean; box: Box }[], linesOf: (id: string) => string[]): Rect[] {
	return parts.map((p) => (p.group ? groupNameRect(p.box, linesOf(p.id)[0] ?? '') : labelRect(p.box, linesOf(p.id))));
}
