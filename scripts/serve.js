#!/usr/bin/env node
// Serves build/ the way a plain static host does: files as they are, a folder's index.html, a redirect
// to add the trailing slash, and 404.html (with status 404) for anything else. Usage:
//   node scripts/serve.js [--port 4173] [--dir build] [--base /sub/path]
// Every request is untrusted: a bad one gets a clear 4xx and the server keeps answering (serve.test.ts).
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

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

/** Longer than any path the site has, far shorter than a filesystem's limit (nginx's default is 4 KB too). */
const MAX_URL = 4096;

/** @param {string} path */
function fileAt(path) {
	try {
		const s = statSync(path);
		return s.isFile() ? path : s.isDirectory() ? 'dir' : undefined;
	} catch {
		return undefined;
	}
}

/** @param {string} path @param {string} root */
const inside = (path, root) => path === root || path.startsWith(root + sep);

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function plain(res, status, text) {
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 */
function send(req, res, path, status = 200) {
	let size;
	try {
		const s = statSync(path);
		if (!s.isFile()) throw new Error('not a file');
		size = s.size;
	} catch {
		return plain(res, 404, 'Not found');
	}
	// Like a real static host: fingerprinted files are cached for good, everything else revalidates.
	const cache = path.includes(`${'_app'}/immutable/`) ? 'public, max-age=31536000, immutable' : 'no-cache';
	res.writeHead(status, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': cache });
	if (req.method === 'HEAD') return res.end();
	// A file that vanishes or cannot be read mid-way ends this response, never the process.
	createReadStream(path)
		.on('error', () => res.destroy())
		.pipe(res);
}

/**
 * The decoded path of a request, or the status that refuses it. Decoded once only: "%252e" stays the
 * literal name "%2e", which does not exist. Backslashes, NUL and other control characters never name
 * a file here, and ".." or "." as a segment is an attempt to climb out, whatever its encoding was.
 * @param {string} raw the request target as sent, query and all
 * @returns {{ path: string, search: string } | { status: number, text: string }}
 */
export function parseTarget(raw) {
	if (raw.length > MAX_URL) return { status: 414, text: 'URI too long' };
	if (!raw.startsWith('/')) return { status: 400, text: 'Bad request' };
	const q = raw.indexOf('?');
	const search = q >= 0 ? raw.slice(q) : '';
	let path;
	try {
		path = decodeURIComponent(q >= 0 ? raw.slice(0, q) : raw);
	} catch {
		return { status: 400, text: 'Malformed URL encoding' };
	}
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (/[\x00-\x1f\x7f\\]/.test(path)) return { status: 400, text: 'Bad request' };
	// "//host/x" must not become a protocol-relative redirect, so repeated slashes collapse.
	path = path.replace(/\/{2,}/g, '/');
	if (path.split('/').some((s) => s === '..' || s === '.')) return { status: 403, text: 'Forbidden' };
	return { path, search };
}

/** A static server for `dir`, optionally under a sub-path `base`. Also used by the SCORM test and bench. */
/**
 * @param {string} dir
 * @param {string} [base]
 */
export function createStaticServer(dir, base = '') {
	const root = resolve(dir);
	const realRoot = realpathSync(root);
	base = base.replace(/\/$/, '');
	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	const handle = (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.setHeader('allow', 'GET, HEAD');
			return plain(res, 405, 'Method not allowed');
		}
		const target = parseTarget(req.url ?? '/');
		if ('status' in target) return plain(res, target.status, target.text);
		let { path: pathname } = target;
		const notFound = () => send(req, res, join(root, '404.html'), 404);
		if (base) {
			if (pathname === base) pathname = base + '/';
			if (!pathname.startsWith(base + '/')) return notFound();
			pathname = pathname.slice(base.length);
		}
		const file = resolve(root, '.' + pathname);
		if (!inside(file, root)) return plain(res, 403, 'Forbidden');
		const found = fileAt(file);
		// A symlink may point anywhere; only what really lies inside the served folder is served.
		if (found && !inside(realpathSync(file), realRoot)) return plain(res, 403, 'Forbidden');
		if (found === 'dir') {
			if (!pathname.endsWith('/')) {
				res.writeHead(301, { location: encodeURI(`${base}${pathname}/`) + target.search });
				return res.end();
			}
			const index = fileAt(join(file, 'index.html'));
			if (index && index !== 'dir' && inside(realpathSync(index), realRoot)) return send(req, res, index);
		} else if (found) {
			return send(req, res, found);
		}
		return notFound();
	};
	return createServer((req, res) => {
		try {
			handle(req, res);
		} catch {
			// Whatever slipped past the checks above costs one response, not the server.
			if (!res.headersSent) plain(res, 500, 'Internal error');
			else res.destroy();
		}
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
