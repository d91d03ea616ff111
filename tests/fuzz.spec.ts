import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { generate, type FuzzEvent, type Mode } from './fuzz/events';
import { ID } from './fuzz/invariants';
import { play } from './fuzz/run';
import { shrink } from './fuzz/shrink';

// Seeded random events per mode with the invariants checked after every one (fuzz/run.ts, issue 18).
// npm test: 1,000 per mode; `npm run fuzz`: 10,000 (FUZZ_EVENTS). FUZZ_SEED (default 18) picks the
// events; FUZZ_REPLAY=<file> replays a list a failure wrote; FUZZ_DEBUG=<n> logs events from the nth;
// FUZZ_NO_SHRINK=1 reports the whole list up to the failure.
const EVENTS = Number(process.env.FUZZ_EVENTS ?? 1000);
const SEED = process.env.FUZZ_SEED ?? '18';
const SHRINK_SECONDS = 120;
const replay = process.env.FUZZ_REPLAY ? (JSON.parse(readFileSync(process.env.FUZZ_REPLAY, 'utf8')) as { mode: Mode; events: FuzzEvent[] }) : undefined;

/** Long strings (the 1 MB message) cut short for reading; the file keeps them whole. */
const brief = (events: FuzzEvent[]) => JSON.stringify(events, (_, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 20)}…(${v.length} chars)` : v));

for (const mode of ['explore', 'present', 'embed'] as Mode[]) {
	test(`fuzz ${mode}: ${replay ? 'replay' : `${EVENTS} seeded events`}, invariants after each`, async ({ browser }, info) => {
		test.skip(!!replay && replay.mode !== mode, 'FUZZ_REPLAY is for another mode');
		// Measured 29-51 ms an event on two shared cores, slower late in a long run (BENCHMARKS.md, "Fuzz"):
		// room for a slower machine, and for shrinking.
		test.setTimeout(60_000 + EVENTS * 300 + SHRINK_SECONDS * 1000);
		const events = replay?.events ?? generate(mode, SEED, EVENTS, ID);
		const started = Date.now();
		const failure = await play(browser, mode, events);
		console.log(`fuzz ${mode}, seed ${SEED}: ${events.length} events in ${((Date.now() - started) / 1000).toFixed(1)} s${failure ? ', FAILED' : ''}`);
		if (!failure) return;
		console.error(`fuzz ${mode}, seed ${SEED}: ${failure.problem} after event ${failure.at}: ${brief([events[failure.at]!])}; shrinking…`);
		const failing = events.slice(0, failure.at + 1);
		const shortest = process.env.FUZZ_NO_SHRINK || failure.at < 0 ? failing : await shrink(browser, mode, failing, failure.problem, SHRINK_SECONDS);
		const file = info.outputPath(`fuzz-${mode}-seed-${SEED}.json`);
		writeFileSync(file, JSON.stringify({ mode, seed: SEED, problem: failure.problem, events: shortest }));
		const report = `fuzz ${mode}, seed ${SEED}: ${failure.problem}\nafter event ${failure.at} of ${events.length}; shortest list that fails (${shortest.length} events; FUZZ_REPLAY=${file} replays it):\n${brief(shortest)}`;
		expect(failure, report).toBeUndefined();
	});
}
