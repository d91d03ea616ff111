import { describe, expect, it } from 'vitest';
import { Sim } from './sim';

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
		for (let i = 0; i < 20; i++) ch.send('event', `e${i}`, (m) => arrived.push(m.summary));
		sim.queue.runUntilIdle();
		expect(arrived).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`));
	});
});
