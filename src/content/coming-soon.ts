// Walkthroughs promised in DESIGN.md whose data file is not written yet: the gallery shows them as
// "coming soon" rather than as dead links. Each entry goes away when its file arrives.

export interface WalkthroughEntry {
	/** "<scene>/<walkthrough>" */
	id: string;
	title: string;
	summary: string;
}

export const comingSoon: WalkthroughEntry[] = [];
