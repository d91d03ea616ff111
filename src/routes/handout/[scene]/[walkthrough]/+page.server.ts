import { walkthroughEntries, walkthroughWithLayout } from '$lib/server/walkthrough-data';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = walkthroughEntries;
export const load: PageServerLoad = ({ params }) => walkthroughWithLayout(params);
