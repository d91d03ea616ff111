// JavaScript a route loads on first visit, computed from the build output alone: the entry scripts,
// the route's page nodes (and the root error node SvelteKit always loads), and every chunk they
// import statically. Deterministic, so byte budgets can be tested without a browser.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g;

/** @param {string} build @param {string} route e.g. "embed/stacks/overview" */
export function routeJs(build, route) {
	const html = readFileSync(join(build, route, 'index.html'), 'utf8');
	const entries = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((m) => resolve(build, route, m[1] ?? ''));
	const ids = (html.match(/node_ids: \[([0-9, ]*)\]/)?.[1] ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n));
	const nodesDir = join(build, '_app/immutable/nodes');
	const nodeFiles = readdirSync(nodesDir);
	const nodes = [...new Set([...ids, 1])].flatMap((id) => nodeFiles.filter((f) => f.startsWith(`${id}.`) && f.endsWith('.js')).map((f) => join(nodesDir, f)));
	/** @type {Set<string>} */
	const seen = new Set();
	/** @param {string} file */
	const visit = (file) => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), m[1] ?? ''));
	};
	for (const f of [...entries, ...nodes]) visit(f);
	let bytes = 0;
	let gzip = 0;
	for (const f of seen) {
		const b = readFileSync(f);
		bytes += b.length;
		gzip += gzipSync(b, { level: 9 }).length;
	}
	return { files: [...seen], bytes, gzip };
}
