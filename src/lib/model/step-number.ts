// Steps are counted two ways. Code indexes the steps array from 0 (StepIndex); people, URLs, the host
// page's postMessage API and the speaker window count from 1 (StepNumber). The brands keep the two from
// mixing silently, and this file holds the only converters and the only parser.

declare const INDEX: unique symbol;
declare const NUMBER: unique symbol;
/** 0-based position in `walkthrough.steps`. */
export type StepIndex = number & { readonly [INDEX]: true };
/** 1-based step number, as a person reads it. */
export type StepNumber = number & { readonly [NUMBER]: true };

export const toStepNumber = (index: StepIndex | number): StepNumber => ((index as number) + 1) as StepNumber;
export const toStepIndex = (n: StepNumber): StepIndex => ((n as number) - 1) as StepIndex;

export type StepNumberProblem = 'not-a-number' | 'not-whole' | 'below' | 'above';

export type ParsedStepNumber =
	| { ok: true; number: StepNumber }
	/** `nearest` is the valid step a lenient caller may show instead. */
	| { ok: false; problem: StepNumberProblem; nearest: StepNumber };

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * One parser for a step number from any source: a URL parameter (a string from a person or an LMS) or a
 * message (a number from a host page or the speaker window). Strings like "1e3" or "0x4" are not numbers
 * a person writes, so they are refused rather than read as JavaScript would.
 */
export function parseStepNumber(raw: unknown, total: number): ParsedStepNumber {
	const last = Math.max(1, Math.trunc(total));
	const clamp = (n: number) => Math.min(last, Math.max(1, n)) as StepNumber;
	let n: number;
	if (typeof raw === 'number') n = raw;
	else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) n = Number(raw.trim());
	else return { ok: false, problem: 'not-a-number', nearest: 1 as StepNumber };
	if (!Number.isFinite(n)) return { ok: false, problem: 'not-a-number', nearest: 1 as StepNumber };
	if (!Number.isInteger(n)) return { ok: false, problem: 'not-whole', nearest: clamp(Math.round(n)) };
	if (n < 1) return { ok: false, problem: 'below', nearest: 1 as StepNumber };
	if (n > last) return { ok: false, problem: 'above', nearest: last as StepNumber };
	return { ok: true, number: n as StepNumber };
}
