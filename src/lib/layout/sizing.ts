// Box sizes from label text. The layout runs in Node without fonts, so widths are estimated from
// character counts at the diagram's label size; generous padding absorbs the estimate's error.
import type { Component } from '../model/types';

/** Diagram units; at the sizes the stage is drawn, this stays above 2.2% of the viewport height. */
export const LABEL_SIZE = 24;
export const GROUP_LABEL_SIZE = 24;
export const CHAR_WIDTH = 0.6;

/**
 * A group's name sits in the group's top padding: inset GROUP_LABEL_X from the box's left edge, its
 * baseline GROUP_LABEL_BASELINE below the top edge (Part.svelte draws it there; the layout keeps lines
 * clear of it). The padding leaves room for the name above the group's members.
 */
export const GROUP_LABEL_X = 16;
export const GROUP_LABEL_BASELINE = GROUP_LABEL_SIZE + 12;
export const GROUP_PAD = { top: GROUP_LABEL_SIZE + 24, side: 14 } as const;
/**
 * The band of a group's name that routed lines keep clear of, from the group's top edge: slimmer than
 * the text (16 above the baseline to 4 above it), because the router adds its own clearance.
 */
export const GROUP_LABEL_KEEP_OUT = { top: GROUP_LABEL_BASELINE - 16, height: 12 } as const;

export function textWidth(text: string, size = LABEL_SIZE): number {
	return Math.ceil(text.length * size * CHAR_WIDTH);
}

/** Names longer than this wrap onto two lines, so long names do not make boxes (and layouts) wide. */
export const WRAP_AT = 15;
export const LINE_HEIGHT = 1.2;

/**
 * The visible lines of a label: the whole name, or two lines broken at the space or hyphen that
 * keeps the longer line shortest. The text is the name itself, so the accessible name still contains it.
 */
export function labelLines(name: string, wrapAt = WRAP_AT): string[] {
	if (name.length <= wrapAt) return [name];
	let best: [string, string] | undefined;
	for (let i = 1; i < name.length - 1; i++) {
		const ch = name[i]!;
		if (ch !== ' ' && ch !== '-') continue;
		const first = ch === ' ' ? name.slice(0, i) : name.slice(0, i + 1);
		const second = name.slice(i + 1);
		if (!best || Math.max(first.length, second.length) < Math.max(best[0].length, best[1].length)) best = [first, second];
	}
	return best ?? [name];
}

export function componentSize(c: Component): { width: number; height: number } {
	const lines = labelLines(c.label ?? c.name);
	const longest = Math.max(...lines.map((l) => textWidth(l)));
	const width = Math.max(c.size?.width ?? 0, longest + 40, 120);
	const height = Math.max(c.size?.height ?? 0, 60, Math.ceil(lines.length * LABEL_SIZE * LINE_HEIGHT + 30));
	return { width, height };
}
