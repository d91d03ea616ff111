// Folding: a run of consecutive shown messages between the same two components, of the same kind
// and the same shape, becomes one line, so a step shows the handful of messages that teach its point.
// The folded text is derived from the messages, never typed:
// - identical summaries:            `POST …/pods (generateName nginx-…-, batch 2) ×2`
// - one word differs (a name, ≤ 3): `watch: Pods nginx-7c5-tb5r4, nginx-7c5-6mxt9 ADDED` (asides dropped if they differ)
// - same shape (digests, numbers):  `GET …/blobs/sha256:aed5… (config) and 7 more like it`
import type { Message } from '$lib/model/types';

/** An aside in brackets, with one level of brackets inside: `(4 endpoints: 3 ready, 1 terminating (0 still serving))`. */
const ASIDE = /\((?:[^()]|\([^()]*\))*\)/g;
const SPACED_ASIDE = new RegExp(` ${ASIDE.source}`, 'g');

/**
 * A summary with its variable parts blanked: asides in brackets, words holding a digit, and the
 * API server's generated name suffixes (5 characters of bcdfghjklmnpqrstvwxz2456789).
 */
export const shape = (summary: string) =>
	summary
		.replace(ASIDE, '()')
		.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '-#')
		.replace(/[\w.]*\d[\w.]*/g, '#');

const words = (s: string) => s.split(' ');

/** More names than this read as a list no longer: the fold says how many instead. */
const MAX_LISTED = 3;

/** The position of the one word in which all summaries differ, or -1. */
function oneWordApart(summaries: string[]): number {
	const split = summaries.map(words);
	const len = split[0]!.length;
	if (split.some((w) => w.length !== len)) return -1;
	const differing = split[0]!.map((_, i) => i).filter((i) => split.some((w) => w[i] !== split[0]![i]));
	return differing.length === 1 ? differing[0]! : -1;
}

const commonPrefix = (xs: string[]) => xs.reduce((p, x) => {
	let i = 0;
	while (i < p.length && p[i] === x[i]) i++;
	return p.slice(0, i);
});

/** One line for a run of messages that `sameShape` grouped. */
export function foldSummary(summaries: string[]): string {
	const first = summaries[0]!;
	if (summaries.length === 1) return first;
	if (summaries.every((s) => s === first)) return `${first} ×${summaries.length}`;
	// Names that differ, maybe with asides that differ too (resourceVersions): list the names, drop the asides.
	const bare = summaries.map((x) => x.replace(SPACED_ASIDE, ''));
	const few = summaries.length <= MAX_LISTED;
	if (bare.every((b) => b === bare[0])) return `${bare[0]} ×${summaries.length}`;
	if (few && oneWordApart(summaries) < 0 && oneWordApart(bare) >= 0) return foldSummary(bare);
	const at = few ? oneWordApart(summaries) : -1;
	if (at >= 0) {
		const values = summaries.map((s) => words(s)[at]!.replace(/,$/, ''));
		// Keep the first value whole; later ones drop the path or call they share with it (cut after a
		// '/' or '('), never part of a name, so every name can still be read (and searched) whole.
		const shared = commonPrefix(values).replace(/[^/(]*$/, '');
		const rest = (v: string) => (shared.length <= 3 ? v : shared.endsWith('(') ? v.slice(shared.length) : `…${v.slice(shared.length - 1)}`);
		const listed = [values[0], ...values.slice(1).map(rest)].join(', ');
		const w = words(first);
		const before = w[at - 1];
		if (before && /^(?:[A-Z][a-z]+)+$/.test(before) && !before.endsWith('s')) w[at - 1] = `${before}s`;
		w[at] = listed + (words(first)[at]!.endsWith(',') ? ',' : '');
		return w.join(' ');
	}
	return `${first} and ${summaries.length - 1} more like it`;
}

/**
 * The asides' own shape (sizes count as numbers): two messages whose asides say different things, not
 * just other numbers or names, are not one run, e.g. a Pod's status PATCH "(running, restartCount 2)"
 * and the next "(waiting, reason CrashLoopBackOff)", or a config blob's GET "(config)" beside a layer's.
 */
const asideShape = (summary: string) =>
	(summary.match(ASIDE) ?? []).map((a) => shape(a.slice(1, -1)).replace(/# [kMG]?B\b/g, '#')).join(' ');

const sameRun = (a: Message, b: Message) =>
	a.from === b.from && a.to === b.to && a.kind === b.kind && a.via === b.via && shape(a.summary) === shape(b.summary) && asideShape(a.summary) === asideShape(b.summary);

/** Groups runs of consecutive same-shape messages (never those marked `alone`), each with its one line. */
export function foldRuns<M extends Message>(messages: M[], alone: (m: M) => boolean = () => false): { message: Message; run: M[] }[] {
	const out: { message: Message; run: M[] }[] = [];
	let run: M[] = [];
	const flush = () => {
		if (!run.length) return;
		const { from, to, via, kind } = run[0]!;
		out.push({ message: { from, to, via, kind, summary: foldSummary(run.map((m) => m.summary)) }, run });
		run = [];
	};
	for (const m of messages) {
		if (run.length && (alone(m) || alone(run[0]!) || !sameRun(run[0]!, m))) flush();
		run.push(m);
	}
	flush();
	return out;
}

/** The messages as a step shows them. */
export const fold = <M extends Message>(messages: M[], alone?: (m: M) => boolean): Message[] => foldRuns(messages, alone).map((f) => f.message);
