import { describe, expect, it } from 'vitest';
import { formatProblem, validateScene, validateWalkthrough } from '$lib/model/validate';
import { findScene, scenes, walkthroughIndex, walkthroughs } from './registry';

describe('all content', () => {
	it.each(scenes.map((s) => [s.id, s] as const))('scene %s is valid', (_id, scene) => {
		expect(validateScene(scene).map(formatProblem)).toEqual([]);
	});
	it.each(walkthroughs.map((w) => [w.id, w] as const))('walkthrough %s is valid', (_id, w) => {
		expect(validateWalkthrough(w, findScene(w.scene)).map(formatProblem)).toEqual([]);
	});
	it('the gallery offers every walkthrough id DESIGN.md promises, in course order', () => {
		// The public contract's list, written out: a walkthrough that vanished would break links in courses.
		expect(walkthroughIndex().map((e) => e.id)).toEqual([
			'microservices/monolith-vs-microservices',
			'stacks/overview',
			'docker/pull-and-run',
			'docker/build-and-push',
			'docker/push-to-acr',
			'docker/inspect-containers',
			'kubernetes/architecture',
			'kubernetes/create-deployment',
			'kubernetes/scale',
			'kubernetes/expose-service',
			'kubernetes/node-failure',
			'kubernetes/crash-loop',
			'kubernetes/managed-aks'
		]);
	});
	it('every step has narration long enough to read aloud, and notes for the speaker view', () => {
		for (const w of walkthroughs)
			for (const s of w.steps) {
				expect(s.narration.split(' ').length, `${w.id}/${s.id}`).toBeGreaterThan(15);
				expect(s.notes?.trim().length ?? 0, `${w.id}/${s.id} notes`).toBeGreaterThan(20);
			}
	});
});

describe('gallery cards', () => {
	it('mark a catalogued walkthrough without content as coming soon', async () => {
		const { galleryCards } = await import('./registry');
		const built = walkthroughs.slice(0, 1);
		const cards = galleryCards(built, [{ id: 'docker/not-yet', title: 'Not yet', summary: '' }, { id: built[0]!.id, title: 'Stale', summary: '' }]);
		expect(cards.map((c) => [c.id, c.ready])).toEqual([[built[0]!.id, true], ['docker/not-yet', false]]);
	});
});
