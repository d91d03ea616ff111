// Matching trace entries against a scenario's rules.
import type { SimMessage, TraceEntry } from '../../core/trace';
import type { MessageRule, Text } from './types';

export const fits = (t: Text | undefined, s: string) => t === undefined || (typeof t === 'string' ? t === s : new RegExp(t.source, t.flags.replace('g', '')).test(s));

/** Whether m matches every field of the rule; `causeOf` finds the entry a message names as its cause. */
export function matches(rule: MessageRule, m: SimMessage, causeOf: (id: number) => TraceEntry | undefined): boolean {
	if (!fits(rule.from, m.from) || !fits(rule.to, m.to) || !fits(rule.summary, m.summary)) return false;
	if (rule.kind !== undefined && rule.kind !== m.kind) return false;
	if (rule.cause === undefined) return true;
	const cause = m.cause === null ? undefined : causeOf(m.cause);
	return cause?.type === 'message' && fits(rule.cause, cause.summary);
}

/** The candidates the rules select, each at most once, in the order they were sent; `alone` holds the ids never to fold. */
export function select(rules: MessageRule[], candidates: SimMessage[], causeOf: (id: number) => TraceEntry | undefined): { shown: SimMessage[]; alone: Set<number> } {
	const chosen = new Set<number>();
	const alone = new Set<number>();
	for (const rule of rules) {
		const hits = candidates.filter((m) => matches(rule, m, causeOf));
		const kept = hits.slice(rule.last === undefined ? 0 : Math.max(0, hits.length - rule.last), rule.first);
		for (const m of kept) {
			chosen.add(m.id);
			if (rule.alone) alone.add(m.id);
		}
	}
	return { shown: candidates.filter((m) => chosen.has(m.id)), alone };
}
