// `?step=N` comes from people and LMS pages: anything may be in it. Turn it into a valid 0-based index
// and, when we had to change it, a sentence saying what we did.
import { parseStepNumber, toStepIndex, type StepIndex } from '$lib/model/step-number';

export interface StepParam {
	index: StepIndex;
	/** Present when the value was not a usable step number. */
	notice?: string;
}

export function parseStepParam(raw: string | null, total: number): StepParam {
	if (raw === null || raw === '') return { index: 0 as StepIndex };
	const last = Math.max(1, total);
	const parsed = parseStepNumber(raw, total);
	if (parsed.ok) return { index: toStepIndex(parsed.number) };
	const index = toStepIndex(parsed.nearest);
	const asked = truncate(raw);
	switch (parsed.problem) {
		case 'not-a-number':
			return { index, notice: `"${asked}" is not a step number, so this starts at step 1 of ${last}.` };
		case 'not-whole':
			return { index, notice: `Step ${asked} is not a whole number; showing step ${parsed.nearest} of ${last}.` };
		case 'below':
			return { index, notice: `There is no step ${raw.trim()}; steps start at 1. Showing step 1 of ${last}.` };
		case 'above':
			return { index, notice: `There is no step ${raw.trim()}; this walkthrough has ${last} steps. Showing the last one.` };
	}
}

function truncate(s: string): string {
	return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
