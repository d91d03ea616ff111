// Box sizes from label text. The layout runs in Node without fonts, so widths are estimated from
// character counts at the diagram's label size; generous padding absorbs the estimate's error.
import type { Component } from '../model/types';

/** Diagram units; at the sizes the stage is drawn, this stays above 2.2% of the viewport height. */
export const LABEL_SIZE = 24;
export const GROUP_LABEL_SIZE = 22;
const CHAR_WIDTH = 0.6;

export function textWidth(text: string, size = LABEL_SIZE): number {
	return Math.ceil(text.length * size * CHAR_WIDTH);
}

export function componentSize(c: Component): { width: number; height: number } {
	const width = Math.max(c.size?.width ?? 0, textWidth(c.name) + 40, 120);
	const height = Math.max(c.size?.height ?? 0, 60);
	return { width, height };
}
