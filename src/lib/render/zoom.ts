// Pan and zoom with d3-zoom. The wheel zooms only with Ctrl/⌘ held, so a page (or an LMS page around an
// iframe) still scrolls normally over the diagram; drag pans; the buttons call zoomBy and reset.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import type { Box } from '$lib/layout/types';

export interface ZoomControl {
	reset(): void;
	zoomBy(factor: number): void;
	/** Centres and enlarges one box (for a spotlight); `viewport` is the visible area in diagram units. */
	focus(box: Box, viewport: Box): void;
	destroy(): void;
}

/** Pans and zooms every layer in `targets` together (the diagram and the token overlay above it). */
export function attachZoom(svg: SVGSVGElement, targets: SVGGElement[]): ZoomControl {
	const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
		.scaleExtent([0.5, 6])
		.filter((event: Event) => {
			if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
			// Clicks on components must stay clicks; drag the background to pan.
			const el = event.target as Element | null;
			if (el?.closest?.('[data-part]')) return false;
			return !(event as MouseEvent).button;
		})
		.on('zoom', (event) => {
			const transform = event.transform.toString();
			for (const target of targets) target.setAttribute('transform', transform);
		});
	const sel = select(svg);
	sel.call(behaviour);
	return {
		reset: () => sel.call(behaviour.transform, zoomIdentity),
		zoomBy: (factor) => sel.call(behaviour.scaleBy, factor),
		focus(box, viewport) {
			const k = Math.min(4, 0.6 * Math.min(viewport.width / box.width, viewport.height / box.height));
			const cx = box.x + box.width / 2;
			const cy = box.y + box.height / 2;
			const tx = viewport.x + viewport.width / 2 - k * cx;
			const ty = viewport.y + viewport.height / 2 - k * cy;
			sel.call(behaviour.transform, zoomIdentity.translate(tx, ty).scale(k));
		},
		destroy: () => {
			sel.on('.zoom', null);
		}
	};
}
