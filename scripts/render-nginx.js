#!/usr/bin/env node
// Renders deploy/nginx.conf (a template) into a working nginx server block. One setting feeds both
// sides of embedding: WHEELHOUSE_ALLOWED_ORIGINS, which the build gives the embed (which host pages
// may command it), becomes the CSP's frame-ancestors here (which host pages may frame it at all).
//   WHEELHOUSE_ALLOWED_ORIGINS="https://lms.example.edu" node scripts/render-nginx.js \
//     [--root /var/www/wheelhouse] [--base /courses/wheelhouse] [--listen 8080] [--brotli auto|on|off] \
//     [--build build] [--out file]
// With --build, the origins the build recorded (scripts/compress.js) must match, or it stops.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspHeader } from './csp.js';

const TEMPLATE = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));
/** Where Debian's libnginx-mod-http-brotli-static puts its module and enables it. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const BROTLI_ENABLED = '/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf';

/**
 * The frame-ancestors source list for a WHEELHOUSE_ALLOWED_ORIGINS value. Each origin goes into a
 * header inside a quoted nginx string, so anything but a plain scheme://host[:port] is refused
 * rather than passed on (a quote, a semicolon or a space would rewrite the policy or the config).
 * @param {string | undefined} raw
 */
export function frameAncestors(raw = '*') {
	const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
	if (list.length === 0 || list.includes('*')) return '*';
	for (const origin of list)
		if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) throw new Error(`WHEELHOUSE_ALLOWED_ORIGINS: "${origin}" is not an origin like https://lms.example.edu`);
	return ["'self'", ...list].join(' ');
}

/** @param {string} base */
function checkBase(base) {
	if (base && !/^(\/[A-Za-z0-9._~-]+)+$/.test(base)) throw new Error(`--base: "${base}" is not a path like /courses/wheelhouse`);
	return base;
}

/**
 * @param {{ root?: string, base?: string, listen?: string, brotli?: boolean, origins?: string }} options
 */
export function renderNginx({ root = '/var/www/wheelhouse', base = '', listen = '8080', brotli = false, origins } = {}) {
	base = checkBase(base.replace(/\/$/, ''));
	if (!/^[\w.:[\]/-]+$/.test(root)) throw new Error(`--root: "${root}" has characters nginx would misread`);
	if (!/^[\w.:[\]]+$/.test(listen)) throw new Error(`--listen: "${listen}" is not a port or address:port`);
	const headers = [
		`add_header Content-Security-Policy "${cspHeader(frameAncestors(origins))}" always;`,
		'add_header X-Content-Type-Options "nosniff" always;',
		// The site never needs to tell anyone where a learner came from.
		'add_header Referrer-Policy "no-referrer" always;'
	];
	return readFileSync(TEMPLATE, 'utf8')
		.split('\n')
		.filter((line) => base || !line.endsWith(' #if-base'))
		.map((line) => line.replace(/ #if-base$/, ''))
		.flatMap((line) => {
			const indent = line.match(/^\t*/)?.[0] ?? '';
			return line.trim() === '@HEADERS@' ? headers.map((h) => indent + h) : [line];
		})
		.join('\n')
		.replaceAll('@BROTLI@', brotli ? 'brotli_static on;' : '# brotli_static: the module is not installed here; gzip only.')
		.replaceAll('@LISTEN@', listen)
		.replaceAll('@ROOT@', root)
		.replaceAll('@BASE@', base);
}

/** nginx from $NGINX, Debian's /usr/sbin/nginx, or the PATH; undefined when there is none. */
export function findNginx() {
	for (const candidate of [process.env.NGINX, '/usr/sbin/nginx']) if (candidate && existsSync(candidate)) return candidate;
	const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
	return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

/** @param {string} build */
export function recordedOrigins(build) {
	const path = join(build, '.allowed-origins');
	return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	/** @type {(name: string) => string | undefined} */
	const option = (name) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const origins = process.env.WHEELHOUSE_ALLOWED_ORIGINS ?? '*';
	const build = option('build');
	const recorded = build ? recordedOrigins(build) : undefined;
	if (recorded !== undefined && frameAncestors(recorded) !== frameAncestors(origins)) {
		console.error(`${build} was built with WHEELHOUSE_ALLOWED_ORIGINS="${recorded}", not "${origins}": the embed would obey one list and nginx another. Build and render with the same value.`);
		process.exit(1);
	}
	const brotliOption = option('brotli') ?? 'auto';
	const brotli = brotliOption === 'on' || (brotliOption === 'auto' && existsSync(BROTLI_ENABLED));
	const text = renderNginx({ root: option('root'), base: option('base'), listen: option('listen'), brotli, origins });
	const out = option('out');
	if (out) writeFileSync(out, text);
	else process.stdout.write(text);
}
