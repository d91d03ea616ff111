#!/usr/bin/env node
// Serves build/ the way a plain static host does: files as they are, a folder's index.html, a redirect
// to add the trailing slash, and 404.html (with status 404) for anything else. Usage:
//   node scripts/serve.js [--port 4173] [--dir build] [--base /sub/path]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.zip': 'application/zip'
};

/** @param {string} path */
function fileAt(path) {
	try {
		const s = statSync(path);
		return s.isFile() ? path : s.isDirectory() ? 'dir' : undefined;
	} catch {
		return undefined;
	}
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 */
function send(res, path, status = 200) {
	if (!fileAt(path)) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		return res.end('Not found');
	}
	// Like a real static host: fingerprinted files are cached for good, everything else revalidates.
	const cache = path.includes(`${'_app'}/immutable/`) ? 'public, max-age=31536000, immutable' : 'no-cache';
	res.writeHead(status, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': cache });
	createReadStream(path).pipe(res);
}

/** A static server for `dir`, optionally under a sub-path `base`. Also used by the SCORM test. */
/**
 * @param {string} dir
 * @param {string} [base]
 */
export function createStaticServer(dir, base = '') {
	const root = resolve(dir);
	base = base.replace(/\/$/, '');
	return createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname = decodeURIComponent(url.pathname);
		if (base) {
			if (pathname === base) pathname = base + '/';
			if (!pathname.startsWith(base + '/')) return send(res, join(root, '404.html'), 404);
			pathname = pathname.slice(base.length);
		}
		const target = normalize(join(root, pathname));
		if (!target.startsWith(root)) return send(res, join(root, '404.html'), 404);
		const found = fileAt(target);
		if (found === 'dir') {
			if (!pathname.endsWith('/')) {
				res.writeHead(301, { location: `${base}${pathname}/${url.search}` });
				return res.end();
			}
			const index = fileAt(join(target, 'index.html'));
			if (index && index !== 'dir') return send(res, index);
		} else if (found) {
			return send(res, found);
		}
		return send(res, join(root, '404.html'), 404);
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	/** @type {(name: string, fallback: string) => string} */
	const option = (name, fallback) => {
		const i = args.indexOf(`--${name}`);
		return (i >= 0 && args[i + 1]) || fallback;
	};
	const port = Number(option('port', process.env.PORT ?? '4173'));
	const base = option('base', process.env.BASE_PATH ?? '');
	createStaticServer(option('dir', 'build'), base).listen(port, '127.0.0.1', () =>
		console.log(`Wheelhouse is being served at http://localhost:${port}${base.replace(/\/$/, '')}/`)
	);
}
