// Walkthroughs promised in DESIGN.md whose data file is not written yet: the gallery shows them as
// "coming soon" rather than as dead links. Each entry goes away when its file arrives.

import type { WalkthroughEntry } from '$lib/model/types';

export const comingSoon: WalkthroughEntry[] = [];
