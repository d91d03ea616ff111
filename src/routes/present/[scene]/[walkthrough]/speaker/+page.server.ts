import { checkedWalkthrough, walkthroughEntries } from '$lib/server/walkthrough-data';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = walkthroughEntries;
// The speaker view draws no diagram, so it needs no layout.
export const load: PageServerLoad = ({ params }) => checkedWalkthrough(params);
