import { describe, expect, it } from 'vitest';
import { walkthroughs } from './registry';

// "Where the deck is dated" in flows.md: a correction a teacher reads in the speaker notes must also
// reach the learner who is alone with explore or an embed, as a "The deck says …" aside.
const TOPICS: [topic: string, pattern: RegExp][] = [
	['rkt', /\brkt\b/i],
	['whalesay', /whalesay/i],
	['the replication controller', /replication ?controller/i],
	['the token controller', /token controller/i],
	['pod-eviction-timeout', /pod-eviction-timeout/i],
	['the Endpoints controller', /endpoints controller/i],
	['dockershim', /dockershim/i]
];

describe.each(walkthroughs.map((w) => [w.id, w] as const))('%s', (_id, w) => {
	const narrations = w.steps.map((s) => s.narration);
	it.each(TOPICS)('a teacher note about %s is matched by a "The deck says" aside a learner sees', (_topic, pattern) => {
		const inNotes = w.steps.filter((s) => pattern.test(s.notes ?? '')).map((s) => s.id);
		if (!inNotes.length) return;
		const seen = narrations.some((n) => pattern.test(n) && n.includes('The deck says'));
		expect(seen, `notes of ${inNotes.join(', ')} correct the deck; no narration does`).toBe(true);
	});
});

describe('the deck asides', () => {
	it('are written the same way everywhere, so a learner learns to spot them', () => {
		const asides = walkthroughs.flatMap((w) => w.steps.map((s) => s.narration)).filter((n) => /\bdeck\b/i.test(n) && /\bsays?\b/i.test(n));
		expect(asides.length).toBeGreaterThanOrEqual(5);
		for (const n of asides) expect(n).toMatch(/The deck says/);
	});
});

// A handout lists each walkthrough's deckCorrections apart from the narration: they must be the asides
// themselves, word for word, and every aside must be listed, or the two drift apart.
describe.each(walkthroughs.map((w) => [w.id, w] as const))('%s lists its deck corrections', (_id, w) => {
	const listed = w.deckCorrections ?? [];
	it('each one is an aside in its step\'s narration, in step order', () => {
		const order = w.steps.map((s) => s.id);
		for (const c of listed) {
			const step = w.steps.find((s) => s.id === c.step);
			expect(step, `no step ${c.step}`).toBeDefined();
			expect(c.text).toMatch(/^The deck says/);
			expect(step!.narration).toContain(c.text);
		}
		const positions = listed.map((c) => order.indexOf(c.step));
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
	});
	it('every aside is listed', () => {
		const withAside = w.steps.filter((s) => s.narration.includes('The deck says')).map((s) => s.id);
		expect(listed.map((c) => c.step)).toEqual(withAside);
	});
});
