#!/usr/bin/env node
// `npm run bench:sim` (also run by `npm run bench`): the Kubernetes simulator headless at scale, and
// the size of its client bundle. Bundles with rolldown (Vite's bundler, already installed) so the
// simulator's `$lib` imports resolve as in the app. A measurement: prints and exits 0.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { clientBundle } from './client-bundle.js';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'wheelhouse-sim-'));
const alias = { $lib: join(root, 'src/lib') };

/** Bundles `entry` minified into one file, out/name.js (dynamic imports inlined); returns the file's path. */
async function bundle(entry, name) {
	await build({ input: entry, resolve: { alias }, platform: 'neutral', output: { file: join(out, `${name}.js`), format: 'esm', minify: true, codeSplitting: false }, logLevel: 'silent' });
	return join(out, `${name}.js`);
}

// What a sandbox page would load (client-entry.ts): the first load with default options, and each
// optional component's chunks on top when a cluster switches it on.
const client = await clientBundle(join(import.meta.dirname, 'client-entry.ts'), alias);

const { runSimBench } = await import(pathToFileURL(await bundle(join(import.meta.dirname, 'scenario.ts'), 'scenario')).href);
const heap = () => process.memoryUsage().heapUsed;
const options = JSON.parse(process.env.SIM_BENCH_OPTIONS ?? '{}');
const r = runSimBench(options, heap);
const result = {
	scenario: '50 nodes, 30 Deployments × 50 = 1,500 Pods, 1 h simulated, a node powered off every 10 min (back after 5)',
	options,
	wallMs: Math.round(r.wallMs),
	simulatedMs: r.simulatedMs,
	traceEntries: r.entries,
	messages: r.messages,
	entriesPerSecond: Math.round(r.entries / (r.wallMs / 1000)),
	pods: r.pods,
	running: r.running,
	peakHeapMB: Math.round((r.peakHeapBytes / 1024 / 1024) * 10) / 10,
	clientBundleKB: client
};
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
console.log(JSON.stringify(result, null, 2));
const missed = [
	result.wallMs > budgets.simWallMs && `simulated hour ${result.wallMs} ms > ${budgets.simWallMs} ms`,
	result.peakHeapMB > budgets.simPeakHeapMB && `peak heap ${result.peakHeapMB} MB > ${budgets.simPeakHeapMB} MB`,
	client.base.gzip > budgets.simClientGzipKB && `simulator first load ${client.base.gzip} KB gzip > ${budgets.simClientGzipKB} KB`
].filter(Boolean);
console.log(missed.length ? `Budgets exceeded:\n  - ${missed.join('\n  - ')}` : 'Simulator budgets met.');
writeFileSync(join(root, 'bench/sim-results.json'), `${JSON.stringify(result, null, '\t')}\n`);
