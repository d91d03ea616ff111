// The Content-Security-Policy, in one place. svelte.config.js gives it to SvelteKit (kit.csp, hash
// mode), which writes it into every prerendered page as a <meta> with the sha256 of each inline script
// it generates; the theme-before-paint script in src/app.html is not SvelteKit's, so its hash is
// computed here from the file itself and can never go stale. deploy/render-nginx.js sends the parts
// a <meta> cannot carry (frame-ancestors) and repeats the rest as a header.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The inline scripts of src/app.html, exactly as the browser will hash them. */
export function appHtmlScripts(html = readFileSync(new URL('../src/app.html', import.meta.url), 'utf8')) {
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
}

/**
 * The one style attribute the site cannot avoid: SvelteKit's route announcer (a visually hidden live
 * region it mounts itself, with its styles in a style="" attribute). Read from SvelteKit's own source,
 * so an upgrade that changes it changes the hash, and one that removes it fails the build loudly.
 */
export function announcerStyle(source = readFileSync(new URL('../node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url), 'utf8')) {
	const style = source.match(/id="svelte-announcer"[^>]*?style="([^"]*)"/)?.[1];
	if (!style) throw new Error("scripts/csp.js: SvelteKit's announcer markup changed; update announcerStyle()");
	return style;
}

/** @param {string} text */
const sha256 = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/**
 * Directives for kit.csp. No 'unsafe-inline' and no 'unsafe-eval' anywhere: styles come from files or
 * are set through the CSSOM (element.style), which style-src does not govern. 'unsafe-hashes' allows
 * exactly one style attribute, by its hash: the announcer's above.
 */
export function cspDirectives() {
	return {
		'default-src': ['self'],
		'script-src': ['self', ...appHtmlScripts().map(sha256)],
		'style-src': ['self'],
		'style-src-attr': ['unsafe-hashes', sha256(announcerStyle())],
		// The favicon is an inline data: SVG (src/app.html).
		'img-src': ['self', 'data:'],
		'font-src': ['self'],
		// The embed fetches its engine and pages their data from the site itself, nothing else.
		'connect-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['none'],
		'form-action': ['self']
	};
}

/**
 * The same policy as a header value, without script-src: its hashes differ per page (SvelteKit's
 * bootstrap script names the page), so it lives in each page's <meta> only; and without default-src,
 * which the header's script-src would fall back to, blocking those hashed inline scripts. A header and a
 * <meta> are both enforced, so the header may only add (frame-ancestors) or repeat, never loosen.
 * @param {string} frameAncestors e.g. "'self' https://moodle.example.edu"
 */
export function cspHeader(frameAncestors) {
	const { 'script-src': _s, 'default-src': _d, ...rest } = cspDirectives();
	const quote = (/** @type {string} */ v) => (/^(self|none|unsafe-hashes|sha256-.*)$/.test(v) ? `'${v}'` : v);
	const parts = Object.entries(rest).map(([k, v]) => `${k} ${v.map(quote).join(' ')}`);
	return [...parts, `frame-ancestors ${frameAncestors}`].join('; ');
}
