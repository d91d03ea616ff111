// Shrinks a failing event list to a short one that still fails, replaying each candidate in a fresh page.
import type { Browser } from '@playwright/test';
import type { FuzzEvent, Mode } from './events';
import { play } from './run';

/** Two failures count as the same when their messages agree but for numbers. */
const kind = (problem: string) => problem.replace(/\d+/g, 'N').slice(0, 60);

/**
 * `events` ends with the event after which `problem` was seen. First the shortest failing tail (last
 * 1, 2, 4, … events: most failures need little history, and short replays are cheap), then delta
 * debugging on it (drop halves, quarters, … single events, keeping any removal that still fails),
 * all within `seconds`.
 */
export async function shrink(browser: Browser, mode: Mode, events: FuzzEvent[], problem: string, seconds = 120): Promise<FuzzEvent[]> {
	const deadline = Date.now() + seconds * 1000;
	const fails = async (candidate: FuzzEvent[]) => {
		const failure = await play(browser, mode, candidate);
		return failure && failure.at >= 0 && kind(failure.problem) === kind(problem) ? candidate.slice(0, failure.at + 1) : undefined;
	};
	let current = events;
	for (let n = 1; n < events.length && Date.now() < deadline; n *= 2) {
		const tail = await fails(events.slice(-n));
		if (tail) {
			current = tail;
			break;
		}
	}
	let chunk = Math.max(1, Math.floor(current.length / 2));
	while (current.length > 1 && Date.now() < deadline) {
		let removed = false;
		for (let start = 0; start < current.length && Date.now() < deadline; start += chunk) {
			const shorter = await fails([...current.slice(0, start), ...current.slice(start + chunk)]);
			if (shorter) {
				current = shorter;
				removed = true;
				break;
			}
		}
		if (!removed) {
			if (chunk === 1) break;
			chunk = Math.max(1, Math.floor(chunk / 2));
		}
	}
	return current;
}
