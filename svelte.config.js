import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { cspDirectives } from './scripts/csp.js';

// BASE_PATH lets the same build live under a sub-path (e.g. /courses/wheelhouse) on any static host.
const base = process.env.BASE_PATH ?? '';
const out = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: '404.html', strict: true }),
		paths: { base, relative: true },
		alias: { $content: 'src/content' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// A strict policy in every page's <meta>, with hashes of the inline scripts (scripts/csp.js).
		csp: { mode: 'hash', directives: /** @type {import('@sveltejs/kit').CspDirectives} */ (cspDirectives()) }
	}
};
