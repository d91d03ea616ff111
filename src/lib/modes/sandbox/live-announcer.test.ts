import { describe, expect, it } from 'vitest';
import type { Message, Scene } from '$lib/model/types';
import { MIN_GAP_MS, createLiveAnnouncer } from './live-announcer';

const scene: Scene = { id: 's', title: 'S', summary: '', groups: [], components: [{ id: 'a', name: 'A', kind: 'client', description: '' }, { id: 'b', name: 'B', kind: 'server', description: '' }], connections: [], views: [] };
const msg = (summary: string): Message => ({ from: 'a', to: 'b', via: 'ab', kind: 'request', summary });

/** A fake clock whose timers run when time is moved past them. */
function harness() {
	let now = 0;
	const timers: { at: number; run: () => void; on: boolean }[] = [];
	const said: [number, string][] = [];
	const a = createLiveAnnouncer({
		scene: () => scene,
		say: (t) => said.push([now, t]),
		now: () => now,
		schedule: (run, ms) => {
			const t = { at: now + ms, run, on: true };
			timers.push(t);
			return () => (t.on = false);
		}
	});
	const to = (t: number) => {
		now = t;
		for (const x of timers.filter((x) => x.on && x.at <= t)) {
			x.on = false;
			x.run();
		}
	};
	return { a, said, to };
}

describe('live announcer', () => {
	it('says a burst together, then waits MIN_GAP_MS before the next summary', () => {
		const { a, said, to } = harness();
		a.observe([msg('one')]);
		to(100);
		a.observe([msg('two')]);
		to(400);
		expect(said).toEqual([[400, 'A to B, request: one. A to B, request: two.']]);
		for (let t = 500; t < 4000; t += 100) {
			a.observe([msg(`m${t}`), msg(`n${t}`)]);
			to(t);
		}
		expect(said).toHaveLength(1);
		to(400 + MIN_GAP_MS);
		expect(said).toHaveLength(2);
		expect(said[1]![1]).toMatch(/^70 messages: 70 requests\. First, A to B, request: m500\. Last, A to B, request: n3900\./);
	});

	it("an action's outcome is said at once and drops the traffic waiting", () => {
		const { a, said, to } = harness();
		a.observe([msg('one')]);
		a.sayNow('node-2 powered off');
		to(10_000);
		expect(said).toEqual([[0, 'node-2 powered off']]);
	});
});
