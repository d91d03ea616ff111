import { galleryCards, scenes } from '$content/registry';

export function load() {
	return {
		cards: galleryCards(),
		sceneTitles: Object.fromEntries(scenes.map((s) => [s.id, s.title]))
	};
}
