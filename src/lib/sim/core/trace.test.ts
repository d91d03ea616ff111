import { describe, expect, it } from 'vitest';
import { Prng } from './prng';
import { Sim } from './sim';
import { Trace, type TraceEntry } from './trace';

describe('Trace', () => {
	it('numbers messages and notes in one sequence and prints stable lines', () => {
		const sim = new Sim(1);
		const a = sim.net.channel('kube-scheduler', 'kube-apiserver', 'api-scheduler', { min: 2, max: 2 });
		sim.action('kubectl create deployment nginx', () => a.send('request', 'POST pods/nginx-abcde/binding'));
		sim.queue.runUntil(12_345);
		sim.queue.within(2, () => sim.note('kube-apiserver', 'RBAC allows create pods/binding'));
		expect(sim.trace.text()).toBe(
			[
				't=0.000s #1 [user] kubectl create deployment nginx',
				't=0.000s #2←#1 kube-scheduler → kube-apiserver: POST pods/nginx-abcde/binding',
				't=12.345s #3←#2 [kube-apiserver] RBAC allows create pods/binding',
				''
			].join('\n')
		);
		expect(sim.trace.messages()).toEqual([
			{ id: 2, time: 0, cause: 1, from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: 'POST pods/nginx-abcde/binding' }
		]);
		expect(sim.trace.why(3).map((e) => e.id)).toEqual([3, 2, 1]);
	});

	it('delivers a message after its latency, never before an earlier one on the same channel', () => {
		const sim = new Sim('fifo');
		const ch = sim.net.channel('a', 'b', 'a-b', { min: 1, max: 50 });
		const arrived: string[] = [];
		for (let i = 0; i < 20; i++) ch.send('event', `e${i}`, (id) => {
			const e = sim.trace.get(id);
			arrived.push(e?.type === 'message' ? e.summary : '');
		});
		sim.queue.runUntilIdle();
		expect(arrived).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`));
	});

	it('stores entries by column and gives back exactly what was recorded (random entries, past the first growth)', () => {
		for (const seed of ['a', 'b', 'c']) {
			const rng = new Prng(seed);
			const trace = new Trace();
			const expected: TraceEntry[] = [];
			const actors = ['user', 'kube-apiserver', 'kubelet-1'];
			const ends = ['etcd', 'kube-apiserver', 'kube-scheduler'];
			const kinds = ['request', 'response', 'event', 'data'] as const;
			for (let id = 1; id <= 2500; id++) {
				const time = rng.int(10_000) / (rng.int(2) ? 1 : 8);
				const cause = id === 1 || rng.int(5) === 0 ? null : 1 + rng.int(id - 1);
				// Texts built by concatenation, as the simulator builds them (cons strings).
				const text = `text ${rng.int(1000)} of ` + `entry ${id}`;
				if (rng.int(3) === 0) {
					const actor = rng.pick(actors);
					expect(trace.note(actor, text, time, cause)).toBe(id);
					expected.push({ type: 'note', id, time, cause, actor, text });
				} else {
					const m = { from: rng.pick(ends), to: rng.pick(ends), via: `via-${rng.int(3)}`, kind: rng.pick(kinds), summary: text };
					expect(trace.message(m, time, cause)).toBe(id);
					expected.push({ type: 'message', ...m, id, time, cause });
				}
			}
			expect(trace.size).toBe(expected.length);
			expect(trace.entries).toEqual(expected);
			expect(trace.slice(2400)).toEqual(expected.slice(2400));
			expect(trace.get(0)).toBeUndefined();
			expect(trace.get(2501)).toBeUndefined();
			const last = expected[2499] as TraceEntry;
			const chain: number[] = [];
			for (let e: TraceEntry | undefined = last; e; e = e.cause === null ? undefined : expected[e.cause - 1]) chain.push(e.id);
			expect(trace.why(last.id).map((e) => e.id)).toEqual(chain);
		}
	});
});
