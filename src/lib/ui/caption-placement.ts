// Tall pictures (Docker's host) lose most from a caption underneath: beside them they are drawn larger.
// Decided once per walkthrough from every view it shows, so the caption does not jump between steps.
import type { SceneLayout } from '$lib/layout/types';
import type { Walkthrough } from '$lib/model/types';

/** Width over height below which a view counts as tall. */
export const TALL_BELOW = 1.6;

export function captionBeside(walkthrough: Walkthrough, layouts: SceneLayout): boolean {
	const views = new Set(walkthrough.steps.map((s) => s.view));
	return [...views].every((v) => {
		const l = layouts[v];
		return l ? l.width / l.height < TALL_BELOW : false;
	});
}
