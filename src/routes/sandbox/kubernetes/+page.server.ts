// The sandbox page's build-time data: the sandbox scene and its one layout (ELK runs here, at
// prerender), and the cluster options the course runs on. The simulator itself loads in the browser.
import { error } from '@sveltejs/kit';
import { COURSE } from '$content/kubernetes/create-deployment';
import { SANDBOX_SLOTS, SANDBOX_VIEW, kubernetesSandboxScene } from '$content/kubernetes/sandbox';
import { layoutScene } from '$lib/layout/elk-layout';
import { formatProblem, validateScene } from '$lib/model/validate';

export async function load() {
	const scene = kubernetesSandboxScene();
	const problems = validateScene(scene);
	if (problems.length) error(500, `The sandbox scene is broken: ${problems.map(formatProblem).join('; ')}`);
	return { scene, layouts: await layoutScene(scene), view: SANDBOX_VIEW, course: { ...COURSE }, letters: 'abcdefgh'.slice(0, SANDBOX_SLOTS) };
}
