import { error } from '@sveltejs/kit';
import { layoutScene } from '$lib/layout/elk-layout';
import { formatProblem, validateScene, validateWalkthrough } from '$lib/model/validate';
import { findScene, findWalkthrough, walkthroughs } from '../../../../content/registry';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	walkthroughs.map((w) => {
		const [scene = '', walkthrough = ''] = w.id.split('/');
		return { scene, walkthrough };
	});

// Runs at build time only: ELK lays out every view here and the page receives plain JSON.
export const load: PageServerLoad = async ({ params }) => {
	const scene = findScene(params.scene);
	const walkthrough = findWalkthrough(params.scene, params.walkthrough);
	if (!scene || !walkthrough) error(404, `There is no walkthrough "${params.scene}/${params.walkthrough}".`);
	const problems = [...validateScene(scene), ...validateWalkthrough(walkthrough, scene)];
	if (problems.length) error(500, `This walkthrough's content is broken: ${problems.map(formatProblem).join('; ')}`);
	return { scene, walkthrough, layouts: await layoutScene(scene) };
};
