#!/usr/bin/env node
// After `vite build`: writes a .gz and a .br beside every text file worth compressing, so a server can
// send them as they are (nginx's gzip_static and brotli_static, deploy/nginx.conf) instead of
// compressing on every request, and at the strongest settings, which are too slow to use live.
// Also records the WHEELHOUSE_ALLOWED_ORIGINS the site was built with, so deploy/render-nginx.js
// can refuse to give nginx a different frame-ancestors list than the one the embed obeys.
//   node scripts/compress.js [dir]   (default: build)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(html|js|css|json|svg|txt|xml|map)$/;
/** Below this, compression saves less than the headers it costs (nginx's gzip_min_length is alike). */
const MIN_BYTES = 1024;
export const ORIGINS_RECORD = '.allowed-origins';

/** @param {string} dir @returns {string[]} */
function files(dir) {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? files(p) : [p];
	});
}

/** @param {string} dir @returns {{ files: number, bytes: number, gzip: number, brotli: number }} */
export function compressDir(dir) {
	const total = { files: 0, bytes: 0, gzip: 0, brotli: 0 };
	for (const path of files(dir)) {
		if (!TEXT.test(path)) continue;
		const body = readFileSync(path);
		if (body.length < MIN_BYTES) continue;
		const gz = gzipSync(body, { level: 9 });
		const br = brotliCompressSync(body, {
			params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length }
		});
		// A server sends the compressed file whenever the browser accepts it, so only keep a smaller one.
		if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
		if (br.length < body.length) writeFileSync(`${path}.br`, br);
		total.files++;
		total.bytes += body.length;
		total.gzip += Math.min(gz.length, body.length);
		total.brotli += Math.min(br.length, body.length);
	}
	return total;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const dir = process.argv[2] ?? 'build';
	const t = compressDir(dir);
	writeFileSync(join(dir, ORIGINS_RECORD), `${process.env.WHEELHOUSE_ALLOWED_ORIGINS ?? '*'}\n`);
	const kb = (/** @type {number} */ n) => `${Math.round(n / 1024)} KB`;
	console.log(`${dir}: ${t.files} files precompressed, ${kb(t.bytes)} → gzip ${kb(t.gzip)}, brotli ${kb(t.brotli)}`);
}
