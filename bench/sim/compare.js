#!/usr/bin/env node
// Before/after comparison for the simulator bench on a shared machine, where wall time says little:
// `node bench/sim/compare.js bundle <out.js>` bundles this tree's scenario.ts (as run.js does);
// `node bench/sim/compare.js <a.js> <b.js> [rounds]` runs the bundles in turn (A, B, A, B…), each in
// a fresh process, and prints CPU time (user + system, all threads: process.cpuUsage), wall time, peak
// heap, the load average, and a hash of the whole trace (every field of every entry), which must be the
// same for both: an optimisation may not change what the simulator records.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');

/**
 * CPU ms of the main thread alone (Linux: /proc), or undefined. The rest of process.cpuUsage is V8's
 * worker threads: TurboFan compiling hot functions and the parallel and concurrent parts of GC, which
 * compete with the main thread for the cores but do not add to wall time on an idle machine.
 */
function mainThreadMs() {
	const stat = `/proc/self/task/${process.pid}/stat`;
	if (!existsSync(stat)) return undefined;
	const text = readFileSync(stat, 'utf8');
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	// utime and stime (fields 14 and 15 of stat) in clock ticks, 100 a second on Linux.
	return (Number(fields[11]) + Number(fields[12])) * 10;
}
const [mode, ...args] = process.argv.slice(2);

if (mode === 'bundle') {
	const { build } = await import('rolldown');
	const file = resolve(args[0]);
	await build({ input: join(import.meta.dirname, 'scenario.ts'), resolve: { alias: { $lib: join(root, 'src/lib') } }, platform: 'neutral', output: { file, format: 'esm', minify: true, codeSplitting: false }, logLevel: 'silent' });
	console.log(file);
} else if (mode === 'run') {
	// One measured run (a child of the comparison): prints one JSON line.
	const { runSimBench } = await import(pathToFileURL(resolve(args[0])).href);
	const heap = () => process.memoryUsage().heapUsed;
	const cpu0 = process.cpuUsage();
	const main0 = mainThreadMs();
	const r = runSimBench({}, heap);
	const cpu = process.cpuUsage(cpu0);
	const main = main0 === undefined ? undefined : mainThreadMs() - main0;
	const { trace } = r.cluster.cp.sim;
	const hash = createHash('sha256');
	for (let id = 1; id <= trace.size; id++) hash.update(JSON.stringify(trace.get(id)) + '\n');
	console.log(JSON.stringify({ cpuMs: Math.round((cpu.user + cpu.system) / 1000), mainMs: main, wallMs: Math.round(r.wallMs), peakMB: Math.round(r.peakHeapBytes / 104857.6) / 10, entries: r.entries, hash: hash.digest('hex').slice(0, 16) }));
} else {
	const bundles = [mode, args[0]];
	const rounds = Number(args[1] ?? 5);
	const results = { A: [], B: [] };
	const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	for (let i = 0; i < rounds; i++) {
		for (const [n, label] of [[0, 'A'], [1, 'B']]) {
			const load = loadavg()[0].toFixed(2);
			const out = JSON.parse(execFileSync(process.execPath, [import.meta.filename, 'run', bundles[n]], { encoding: 'utf8' }));
			results[label].push(out);
			console.log(label, `load ${load}`, JSON.stringify(out));
		}
	}
	for (const label of ['A', 'B']) {
		const rs = results[label];
		console.log(`${label} median: cpu ${median(rs.map((r) => r.cpuMs))} ms (main thread ${median(rs.map((r) => r.mainMs))} ms), wall ${median(rs.map((r) => r.wallMs))} ms, peak ${Math.max(...rs.map((r) => r.peakMB))} MB, hashes ${[...new Set(rs.map((r) => r.hash))].join(' ')}`);
	}
	const same = new Set([...results.A, ...results.B].map((r) => r.hash)).size === 1;
	console.log(same ? 'Traces identical.' : 'TRACES DIFFER.');
	if (!same) process.exitCode = 1;
}
