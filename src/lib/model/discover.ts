// Scenes and walkthroughs are found in their data files, not listed by hand: a module may export any
// number of them under any names. Adding a walkthrough is writing one file.
import type { Scene, Walkthrough } from './types';

export function isScene(value: unknown): value is Scene {
	const v = value as Partial<Scene> | null;
	return typeof v === 'object' && v !== null && typeof v.id === 'string' && Array.isArray(v.components) && Array.isArray(v.views);
}

export function isWalkthrough(value: unknown): value is Walkthrough {
	const v = value as Partial<Walkthrough> | null;
	return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.scene === 'string' && Array.isArray(v.steps);
}

export interface Discovered {
	/** In course order: by `order`, then id. */
	scenes: Scene[];
	/** In course order: their scene's order, then their own `order`, then id. */
	walkthroughs: Walkthrough[];
	/** Two exports claiming one id: the build must stop rather than show one of them at random. */
	duplicates: string[];
}

const byOrder = <T extends { id: string; order?: number }>(a: T, b: T) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.id.localeCompare(b.id);

/** @param modules what `import.meta.glob(..., { eager: true })` returns: path → the module's exports */
export function discover(modules: Record<string, Record<string, unknown>>): Discovered {
	const scenes = new Map<string, Scene>();
	const walkthroughs = new Map<string, Walkthrough>();
	const duplicates: string[] = [];
	for (const path of Object.keys(modules).sort())
		for (const value of Object.values(modules[path]!)) {
			const into: Map<string, Scene | Walkthrough> | undefined = isWalkthrough(value) ? walkthroughs : isScene(value) ? scenes : undefined;
			if (!into) continue;
			const item = value as Scene | Walkthrough;
			const seen = into.get(item.id);
			if (seen && seen !== item) duplicates.push(item.id);
			into.set(item.id, item);
		}
	const sceneList = [...scenes.values()].sort(byOrder);
	const sceneRank = (id: string) => {
		const i = sceneList.findIndex((s) => s.id === id);
		return i < 0 ? Infinity : i;
	};
	const walkthroughList = [...walkthroughs.values()].sort((a, b) => sceneRank(a.scene) - sceneRank(b.scene) || byOrder(a, b));
	return { scenes: sceneList, walkthroughs: walkthroughList, duplicates };
}
