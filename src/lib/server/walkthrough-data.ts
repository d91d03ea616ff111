// Build-time data for every page that shows a walkthrough (explore, present, speaker, embed).
// Server-only: ELK runs here during prerendering, so its output reaches the browser as JSON.
import { error } from '@sveltejs/kit';
import * as registry from '$content/registry';
import { layoutScene } from '$lib/layout/elk-layout';
import { embedData, layoutsFor } from './page-data';
import { formatProblem, validateScene, validateWalkthrough } from '$lib/model/validate';
import type { Scene, Walkthrough } from '$lib/model/types';

/** Where pages find content: the discovered data files, or a test's fixtures. */
export interface ContentSource {
	scenes: Scene[];
	walkthroughs: Walkthrough[];
}

/** Every page to prerender: one per discovered walkthrough. */
export function walkthroughEntries(source: ContentSource = registry) {
	return source.walkthroughs.map((w) => {
		const [scene = '', walkthrough = ''] = w.id.split('/');
		return { scene, walkthrough };
	});
}

export function checkedWalkthrough(params: { scene: string; walkthrough: string }, source: ContentSource = registry) {
	const scene = source.scenes.find((s) => s.id === params.scene);
	const walkthrough = source.walkthroughs.find((w) => w.id === `${params.scene}/${params.walkthrough}`);
	if (!scene || !walkthrough) error(404, `There is no walkthrough "${params.scene}/${params.walkthrough}".`);
	const problems = [...validateScene(scene), ...validateWalkthrough(walkthrough, scene)];
	if (problems.length) error(500, `This walkthrough's content is broken: ${problems.map(formatProblem).join('; ')}`);
	return { scene, walkthrough };
}

/** Explore and present: the walkthrough whole, with the layouts of the views it shows. */
export async function walkthroughWithLayout(params: { scene: string; walkthrough: string }) {
	const { scene, walkthrough } = checkedWalkthrough(params);
	return { scene, walkthrough, layouts: layoutsFor(walkthrough, await layoutScene(scene)) };
}

/** An embed: only what it draws and steps through (page-data.ts). */
export async function embedWithLayout(params: { scene: string; walkthrough: string }) {
	const { scene, walkthrough } = checkedWalkthrough(params);
	return embedData(scene, walkthrough, await layoutScene(scene));
}
