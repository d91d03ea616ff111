#!/usr/bin/env node
// Bundle analysis: which source files (or packages) the first-load JavaScript of a route is made of.
// Usage: ANALYZE=1 npm run build && node bench/analyze.js embed/stacks/overview
import { existsSync, readFileSync } from 'node:fs';
import { routeJs } from './route-js.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** @param {string} s */
function decode(s) {
	/** @type {number[]} */
	const out = [];
	let value = 0;
	let shift = 0;
	for (const ch of s) {
		const d = B64.indexOf(ch);
		value += (d & 31) << shift;
		if (d & 32) shift += 5;
		else {
			out.push(value & 1 ? -(value >> 1) : value >> 1);
			value = 0;
			shift = 0;
		}
	}
	return out;
}

const route = process.argv[2] ?? 'embed/stacks/overview';
/** @type {Map<string, number>} */
const bytes = new Map();
for (const file of routeJs('build', route).files) {
	const map = `${file}.map`;
	const code = readFileSync(file, 'utf8');
	if (!existsSync(map)) {
		bytes.set('(no map) ' + file, code.length);
		continue;
	}
	const { sources, mappings } = JSON.parse(readFileSync(map, 'utf8'));
	const lines = code.split('\n');
	let source = 0;
	mappings.split(';').forEach((/** @type {string} */ line, /** @type {number} */ i) => {
		let col = 0;
		/** @type {[number, number][]} */
		const segs = [];
		for (const seg of line.split(',').filter(Boolean)) {
			const v = decode(seg);
			col += v[0] ?? 0;
			if (v.length >= 4) source += v[1] ?? 0;
			segs.push([col, source]);
		}
		const len = lines[i]?.length ?? 0;
		segs.forEach(([c, s], k) => {
			const end = segs[k + 1]?.[0] ?? len;
			const name = String(sources[s] ?? '?').replace(/^.*node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, 'pkg:$1').replace(/^.*\/src\//, 'src/');
			bytes.set(name, (bytes.get(name) ?? 0) + Math.max(0, end - c));
		});
	});
}
const rows = [...bytes].sort((a, b) => b[1] - a[1]);
const total = rows.reduce((a, [, b]) => a + b, 0);
console.log(`${route}: ${(total / 1024).toFixed(1)} KB mapped`);
for (const [name, b] of rows.slice(0, 30)) console.log(`${(b / 1024).toFixed(1).padStart(7)} KB  ${name}`);
