import { describe, expect, it } from 'vitest';
import type { Step } from '$lib/model/types';
import { walkthroughs } from '../registry';

// Nothing in a step refers to a Pod that does not exist yet: a Pod is there from the walkthrough's first
// step (its starting state, in that step's tables or terminal) or is created in a message ("named …" by
// the API server) no later than the first step that mentions it. Catches a Pod that an earlier
// walkthrough deleted, or one that shows up in a table before anyone created it.
const POD_NAME = /nginx-799cfcc968-[a-z0-9]{5}\b/g;
const k8s = walkthroughs.filter((w) => w.scene === 'kubernetes');

const textOf = (s: Step) =>
	[s.narration, s.terminal?.command, s.terminal?.output, ...(s.messages ?? []).map((m) => m.summary), ...(s.tables ?? []).flatMap((t) => t.rows.flat()), ...Object.values(s.badges ?? {})].join('\n');
// Hand-written steps name a Pod in the controller's POST; recorded runs in the API server's 201 answer.
const createdIn = (s: Step) => new Set((s.messages ?? []).flatMap((m) => (/^POST Pod|^201 Created: /.test(m.summary) ? (m.summary.match(POD_NAME) ?? []) : [])));

describe.each(k8s.map((w) => [w.id, w] as const))('%s', (_id, w) => {
	it('mentions a Pod only once it exists', () => {
		const first = w.steps[0]!;
		const existing = new Set([...(first.tables ?? []).flatMap((t) => t.rows.flat()), first.terminal?.output ?? ''].join('\n').match(POD_NAME) ?? []);
		// Follow the main path and every branch in list order; a branch inherits what existed before it.
		for (const s of w.steps) {
			for (const name of createdIn(s)) existing.add(name);
			for (const name of textOf(s).match(POD_NAME) ?? []) expect([...existing], `${s.id} mentions ${name}`).toContain(name);
		}
	});
});

// Across the course, in order: a Pod deleted in one walkthrough does not come back in a later one,
// unless that walkthrough says it starts on a fresh cluster.
describe('the Kubernetes walkthroughs in course order', () => {
	it('never show a Pod that an earlier walkthrough deleted', () => {
		const deleted = new Map<string, string>();
		for (const w of k8s) {
			if (/fresh cluster/i.test(w.steps[0]!.narration)) deleted.clear();
			const recreated = new Set<string>();
			for (const s of w.steps) {
				for (const name of createdIn(s)) recreated.add(name);
				for (const name of textOf(s).match(POD_NAME) ?? [])
					if (!recreated.has(name)) expect(deleted.get(name), `${w.id}/${s.id} shows ${name}`).toBeUndefined();
			}
			for (const s of w.steps)
				for (const m of s.messages ?? []) {
					// "DELETE Pod X (…)", "DELETE Pods X, Y (…)", "DELETE /api/v1/namespaces/default/pods/X (…)":
					// the names before any aside in brackets or query.
					const named = /DELETE (?:Pods? |\/api\/v1\/namespaces\/\w+\/pods\/)([^(?]*)/.exec(m.summary)?.[1] ?? '';
					for (const name of named.match(POD_NAME) ?? []) deleted.set(name, w.id);
				}
		}
	});
});
