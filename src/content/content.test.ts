import { describe, expect, it } from 'vitest';
import { formatProblem, validateScene, validateWalkthrough } from '$lib/model/validate';
import { catalog } from './catalog';
import { findScene, scenes, walkthroughs } from './registry';

describe('all content', () => {
	it.each(scenes.map((s) => [s.id, s] as const))('scene %s is valid', (_id, scene) => {
		expect(validateScene(scene).map(formatProblem)).toEqual([]);
	});
	it.each(walkthroughs.map((w) => [w.id, w] as const))('walkthrough %s is valid', (_id, w) => {
		expect(validateWalkthrough(w, findScene(w.scene)).map(formatProblem)).toEqual([]);
	});
	it('every built walkthrough is in the catalog, and the catalog holds every id in DESIGN.md', () => {
		const ids = catalog.map((c) => c.id);
		for (const w of walkthroughs) expect(ids).toContain(w.id);
		expect(ids).toHaveLength(13);
		expect(new Set(ids).size).toBe(13);
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
		const cards = galleryCards([{ id: 'docker/not-yet', title: 'Not yet', summary: '' }, catalog[1]!]);
		expect(cards.map((c) => [c.id, c.ready])).toEqual([['docker/not-yet', false], [catalog[1]!.id, true]]);
	});
});
