// `?step=N` comes from people and LMS pages: anything may be in it. Turn it into a valid 0-based index
// and, when we had to change it, a sentence saying what we did.

export interface StepParam {
	index: number;
	/** Present when the value was not a usable step number. */
	notice?: string;
}

export function parseStepParam(raw: string | null, total: number): StepParam {
	if (raw === null || raw === '') return { index: 0 };
	const last = Math.max(1, total);
	const trimmed = raw.trim();
	if (!/^[+-]?\d+(\.\d+)?$/.test(trimmed)) {
		return { index: 0, notice: `"${truncate(raw)}" is not a step number, so this starts at step 1 of ${last}.` };
	}
	const n = Number(trimmed);
	if (!Number.isInteger(n)) {
		const rounded = Math.min(last, Math.max(1, Math.round(n)));
		return { index: rounded - 1, notice: `Step ${truncate(raw)} is not a whole number; showing step ${rounded} of ${last}.` };
	}
	if (n < 1) return { index: 0, notice: `There is no step ${n}; steps start at 1. Showing step 1 of ${last}.` };
	if (n > last) return { index: last - 1, notice: `There is no step ${n}; this walkthrough has ${last} steps. Showing the last one.` };
	return { index: n - 1 };
}

function truncate(s: string): string {
	return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
