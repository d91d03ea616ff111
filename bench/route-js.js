// JavaScript a route loads on first visit, computed from the build output alone: the entry scripts,
// the route's page nodes (and the root error node SvelteKit always loads), and every chunk they
// import statically. Deterministic, so byte budgets can be tested without a browser.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g;
// import(`./x.js`) as Vite writes a dynamic import, and the files its preload list (__vite__mapDeps) names.
const DYNAMIC_IMPORT = /import\(\s*[`"'](\.{1,2}\/[^`"']+\.js)[`"']\s*\)/g;
const PRELOAD_LIST = /m\.f=\[([^\]]*)\]/g;

/**
 * @param {string} build @param {string} route e.g. "embed/stacks/overview"
 * @param {{ dynamic?: boolean }} [options] dynamic: also every chunk the route can load later (import()), not only at first
 */
export function routeJs(build, route, { dynamic = false } = {}) {
	const html = readFileSync(join(build, route, 'index.html'), 'utf8');
	const entries = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((m) => resolve(build, route, m[1] ?? ''));
	const ids = (html.match(/node_ids: \[([0-9, ]*)\]/)?.[1] ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n));
	const nodesDir = join(build, '_app/immutable/nodes');
	const nodeFiles = readdirSync(nodesDir);
	const nodes = [...new Set([...ids, 1])].flatMap((id) => nodeFiles.filter((f) => f.startsWith(`${id}.`) && f.endsWith('.js')).map((f) => join(nodesDir, f)));
	/** @type {Set<string>} */
	const seen = new Set();
	/** @param {string} file @param {boolean} later whether to follow import() too */
	const visit = (file, later) => {
		const key = `${later}:${file}`;
		if (seen.has(key)) return;
		seen.add(key);
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), m[1] ?? ''), later);
		if (!later) return;
		for (const m of text.matchAll(DYNAMIC_IMPORT)) visit(resolve(dirname(file), m[1] ?? ''), later);
		for (const list of text.matchAll(PRELOAD_LIST))
			for (const m of (list[1] ?? '').matchAll(/"(\.{1,2}\/[^"]+\.js)"/g)) visit(resolve(dirname(file), m[1] ?? ''), later);
	};
	// The entry scripts import() every route's node (client-side routing): only the route's own nodes'
	// later imports count as what this route loads.
	for (const f of entries) visit(f, false);
	for (const f of nodes) visit(f, dynamic);
	const files = [...new Set([...seen].map((k) => k.slice(k.indexOf(':') + 1)))];
	let bytes = 0;
	let gzip = 0;
	for (const f of files) {
		const b = readFileSync(f);
		bytes += b.length;
		gzip += gzipSync(b, { level: 9 }).length;
	}
	return { files, bytes, gzip };
}
