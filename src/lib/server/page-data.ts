// What each kind of page needs of a walkthrough, and nothing more: every byte here is serialised into
// the prerendered HTML that a learner (or an LMS page of twenty embeds) downloads first.
import type { SceneLayout } from '$lib/layout/types';
import type { Scene, Step, Walkthrough } from '$lib/model/types';

/** Only the views this walkthrough's steps show: a Kubernetes page drops ~80 KB of other views' layout. */
export function layoutsFor(walkthrough: Walkthrough, layouts: SceneLayout): SceneLayout {
	const used = new Set(walkthrough.steps.map((s) => s.view));
	return Object.fromEntries(Object.entries(layouts).filter(([view]) => used.has(view)));
}

/** The parts of a step an embed never shows: speaker notes, the inspector, the terminal, files, tables. */
type EmbedStep = Omit<Step, 'notes' | 'roles' | 'terminal' | 'file' | 'tables'>;

function embedStep({ notes: _notes, roles: _roles, terminal: _terminal, file: _file, tables: _tables, ...kept }: Step): EmbedStep {
	return kept;
}

/**
 * An embed shows the diagram, the caption and the controls (and the log on request): no inspector, so
 * no component descriptions; no side panel, so no terminal, file or tables; no speaker view, so no notes.
 */
export function embedData(scene: Scene, { deckCorrections: _deck, ...walkthrough }: Walkthrough, layouts: SceneLayout): { scene: Scene; walkthrough: Walkthrough; layouts: SceneLayout } {
	// (The deck corrections are read in the narration; only a handout lists them apart.)
	return {
		scene: {
			...scene,
			components: scene.components.map((c) => ({ ...c, description: '' })),
			groups: scene.groups.map((g) => ({ ...g, description: '' }))
		},
		walkthrough: { ...walkthrough, steps: walkthrough.steps.map(embedStep) },
		layouts: layoutsFor(walkthrough, layouts)
	};
}
