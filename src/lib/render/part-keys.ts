// Keyboard use of the diagram's parts, as an action on the layer that holds them: arrow keys move focus to
// the nearest part in that direction (spatial.ts), Enter or Space inspects the focused part, and the part
// last focused is reported so it stays the one tab stop (a roving tabindex). Keys it handles go no further,
// so the page's own arrow-key shortcuts do not also step the walkthrough.
import type { Action } from 'svelte/action';
import type { Box } from '$lib/layout/types';
import { nearestInDirection, type Direction } from './spatial';

export interface PartKeysOptions {
	/** A part's box now (also a part leaving the stage). */
	boxOf: (id: string) => Box | undefined;
	/** The parts arrow keys may move to. */
	targets: () => { id: string; box: Box }[];
	onInspect?: (id: string) => void;
	onFocus: (id: string) => void;
}

const DIRECTIONS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export const partKeys: Action<SVGGElement, PartKeysOptions> = (node, initial) => {
	let options = initial;
	const partOf = (event: Event) => {
		const el = (event.target as Element | null)?.closest?.('[data-part]');
		return el && node.contains(el) ? el.getAttribute('data-part') : null;
	};
	const onKeydown = (event: KeyboardEvent) => {
		const id = partOf(event);
		if (id === null) return;
		const dir = DIRECTIONS[event.key];
		if (dir) {
			event.preventDefault();
			event.stopPropagation();
			const from = options.boxOf(id);
			if (!from) return;
			const to = nearestInDirection(
				from,
				options.targets().filter((p) => p.id !== id),
				dir
			);
			if (to) {
				options.onFocus(to);
				(node.querySelector(`[data-part="${to}"]`) as SVGGElement | null)?.focus();
			}
		} else if (event.key === 'Enter' || event.key === ' ') {
			event.preventDefault();
			event.stopPropagation();
			options.onInspect?.(id);
		}
	};
	const onFocusin = (event: FocusEvent) => {
		const id = partOf(event);
		if (id !== null) options.onFocus(id);
	};
	node.addEventListener('keydown', onKeydown);
	node.addEventListener('focusin', onFocusin);
	return {
		update: (next) => void (options = next),
		destroy() {
			node.removeEventListener('keydown', onKeydown);
			node.removeEventListener('focusin', onFocusin);
		}
	};
};
