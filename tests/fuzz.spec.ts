import { expect, test } from '@playwright/test';
import { generate, type Mode } from './fuzz/events';
import { play, shrink } from './fuzz/run';

// Seeded random events per mode with the invariants checked after every one (fuzz/run.ts).
// UNFINISHED (issue 18): `npm run fuzz` only (FUZZ_EVENTS, FUZZ_SEED; FUZZ_DEBUG=<first event to log>,
// FUZZ_NO_SHRINK=1), not yet in npm test. Seed 18, 1,000 events: present (storage throwing) and embed
// pass (about 1 min each here); explore reports "no step indicator" after event 702 (a click), not yet
// told apart from a harness fault, and the shrinker did not reduce it within its 100 s.
const EVENTS = Number(process.env.FUZZ_EVENTS ?? 1000);
const SEED = process.env.FUZZ_SEED ?? '18';

for (const mode of ['explore', 'present', 'embed'] as Mode[]) {
	test(`fuzz ${mode}: ${EVENTS} seeded events, invariants after each`, async ({ browser }) => {
		// Playing, and on a failure up to 100 s of shrinking.
		test.setTimeout(180_000 + EVENTS * 400);
		const events = generate(mode, SEED, EVENTS);
		const failure = await play(browser, mode, events);
		if (failure) {
			console.error(`fuzz ${mode}, seed ${SEED}: ${failure.problem} after event ${failure.at}: ${JSON.stringify(events[failure.at])?.slice(0, 300)}; shrinking…`);
			const shortest = process.env.FUZZ_NO_SHRINK ? events.slice(0, failure.at + 1) : await shrink(browser, mode, events.slice(0, failure.at + 1));
			const report = `fuzz ${mode}, seed ${SEED}: ${failure.problem}\nafter event ${failure.at} of ${EVENTS}; shortest list that fails (${shortest.length}):\n${JSON.stringify(shortest, (_, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 20)}…(${v.length} chars)` : v))}`;
			console.error(report);
			expect(failure, report).toBeUndefined();
		}
	});
}
