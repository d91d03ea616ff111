// Addresses of walkthrough pages, in one place: each page is a folder in the static build, so links
// end in a slash (a host would otherwise answer with a redirect first).
import { resolve } from '$app/paths';

const ROUTES = {
	explore: '/explore/[scene]/[walkthrough]',
	present: '/present/[scene]/[walkthrough]',
	speaker: '/present/[scene]/[walkthrough]/speaker',
	embed: '/embed/[scene]/[walkthrough]',
	handout: '/handout/[scene]/[walkthrough]'
} as const;

export type PageKind = keyof typeof ROUTES;

/** `walkthroughId` is "<scene>/<walkthrough>"; `step` is 1-based. */
export function walkthroughHref(kind: PageKind, walkthroughId: string, step?: number): string {
	const [scene = '', walkthrough = ''] = walkthroughId.split('/');
	return `${resolve(ROUTES[kind], { scene, walkthrough })}/${step ? `?step=${step}` : ''}`;
}
