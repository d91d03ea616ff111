// Questions about a scene that the layout, the renderer and the validator all ask.
import type { Component, Group, Scene, View } from './types';

export function componentById(scene: Scene, id: string): Component | undefined {
	return scene.components.find((c) => c.id === id);
}

export function groupById(scene: Scene, id: string): Group | undefined {
	return scene.groups.find((g) => g.id === id);
}

/** Display name of a component or group; falls back to the id so a log line is never blank. */
export function displayName(scene: Scene, id: string): string {
	return componentById(scene, id)?.name ?? groupById(scene, id)?.name ?? id;
}

/** The group holding `id` in this view, honouring the view's placement overrides. */
export function parentIn(scene: Scene, view: View, id: string): string | undefined {
	if (view.place && id in view.place) return view.place[id] ?? undefined;
	return componentById(scene, id)?.parent ?? groupById(scene, id)?.parent;
}

/** Everything drawn in a view: its components and every group that encloses one of them. */
export function visibleIds(scene: Scene, view: View): { components: string[]; groups: string[] } {
	const groups: string[] = [];
	for (const id of view.components) {
		let at = parentIn(scene, view, id);
		const guard = new Set<string>();
		while (at && !guard.has(at)) {
			guard.add(at);
			if (!groups.includes(at)) groups.push(at);
			at = parentIn(scene, view, at);
		}
	}
	return { components: [...view.components], groups };
}
