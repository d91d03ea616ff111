import { describe, expect, it } from 'vitest';
import { Prng } from '../core/prng';
import { ControlPlane } from './control-plane';
import { randomActions } from './random-actions';

function run(seed: string, actionsSeed = 'same actions') {
	const cp = new ControlPlane({ seed, nodes: ['node-1', 'node-2'] });
	randomActions(cp, new Prng(actionsSeed), 120);
	cp.sim.queue.runUntilIdle();
	return cp;
}

const generatedNames = (text: string) => [...text.matchAll(/201 Created: (web-\w{5})/g)].map((m) => m[1]);

describe('determinism', () => {
	it('same seed and same actions: the same log, byte for byte', () => {
		const a = run('seed-a').sim.trace.text();
		const b = run('seed-a').sim.trace.text();
		expect(a.length).toBeGreaterThan(5000);
		expect(b).toBe(a);
	});

	it('another seed changes the generated names (and the latencies), not what is possible', () => {
		const a = run('seed-a').sim.trace.text();
		const b = run('seed-b').sim.trace.text();
		expect(b).not.toBe(a);
		const na = generatedNames(a);
		const nb = generatedNames(b);
		expect(na.length).toBeGreaterThan(0);
		expect(nb.length).toBeGreaterThan(0);
		expect(na[0]).not.toBe(nb[0]);
	});
});
