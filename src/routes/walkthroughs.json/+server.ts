// The catalogue of walkthroughs (ids, titles, summaries) as a static JSON file, for the not-found page.
// Built at prerender: the page fetches this small file instead of importing the content registry,
// which would bring every walkthrough (and the simulator that records some of them) to the browser.
import { json } from '@sveltejs/kit';
import { walkthroughIndex } from '$content/registry';

export const prerender = true;
export const trailingSlash = 'never';

export function GET() {
	return json(walkthroughIndex());
}
