// Some step fields describe the world rather than the step (the cluster's objects, the clock, the
// terminal): a step that does not mention them keeps what the learner last saw on their path.
import { stepById } from '../model/graph';
import type { Step, Walkthrough } from '../model/types';

export function carried<K extends 'tables' | 'clock' | 'terminal' | 'file'>(
	w: Walkthrough,
	history: string[],
	currentId: string,
	key: K
): { value: Step[K] | undefined; fromEarlierStep: boolean } {
	const path = [...history, currentId];
	for (let i = path.length - 1; i >= 0; i--) {
		const value = stepById(w, path[i]!)?.[key];
		if (value !== undefined) return { value, fromEarlierStep: i !== path.length - 1 };
	}
	return { value: undefined, fromEarlierStep: false };
}

/** Rows of `now` that are new or changed compared with `before` (matched by their first cell). */
export function changedRows(before: string[][] | undefined, now: string[][]): Set<number> {
	const old = new Map((before ?? []).map((r) => [r[0], r.join('\u0000')]));
	const out = new Set<number>();
	now.forEach((row, i) => {
		if (old.get(row[0]) !== row.join('\u0000')) out.add(i);
	});
	return out;
}
