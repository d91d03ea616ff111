// Which scenes and walkthroughs exist, found in their data files: adding a walkthrough is writing one
// file in src/content/<scene>/ that exports it (titles, summaries and order live only there).
import type { Scene, Walkthrough, WalkthroughEntry } from '$lib/model/types';
import { discover } from '$lib/model/discover';
import { comingSoon } from './coming-soon';

const modules = import.meta.glob<Record<string, unknown>>(['./*/*.ts', '!./**/*.test.ts'], { eager: true });
const found = discover(modules);
if (found.duplicates.length) throw new Error(`Two walkthroughs or scenes share an id: ${found.duplicates.join(', ')}`);

export const scenes: Scene[] = found.scenes;
export const walkthroughs: Walkthrough[] = found.walkthroughs;

export function findScene(id: string): Scene | undefined {
	return scenes.find((s) => s.id === id);
}

/** Every walkthrough in course order, then those promised but not written yet. */
export function walkthroughIndex(built: Walkthrough[] = walkthroughs, promised: WalkthroughEntry[] = comingSoon): WalkthroughEntry[] {
	return [...built.map(({ id, title, summary }) => ({ id, title, summary })), ...promised.filter((p) => !built.some((w) => w.id === p.id))];
}

export interface GalleryCard extends WalkthroughEntry {
	scene: string;
	name: string;
	ready: boolean;
	steps: number;
}

export function galleryCards(built: Walkthrough[] = walkthroughs, promised: WalkthroughEntry[] = comingSoon): GalleryCard[] {
	return walkthroughIndex(built, promised).map((entry) => {
		const [scene = '', name = ''] = entry.id.split('/');
		const w = built.find((x) => x.id === entry.id);
		return { ...entry, scene, name, ready: Boolean(w), steps: w?.steps.length ?? 0 };
	});
}
