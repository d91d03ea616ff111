import { describe, expect, it } from 'vitest';
import { Prng } from '../../core/prng';
import { Containers, type Container } from './containers';

// The table keeps a count of its EXITED containers through adds, removals, state changes and clears;
// checked against a count of what it holds after every step of random sequences, with creation order kept.

describe('Containers', () => {
	it.each(['c1', 'c2', 'c3'])('counts exited containers exactly and keeps creation order (seed %s)', (seed) => {
		const rng = new Prng(seed);
		const table = new Containers();
		const made: Container[] = [];
		const states = ['CREATED', 'RUNNING', 'EXITED'] as const;
		for (let step = 0; step < 500; step++) {
			const op = rng.int(10);
			if (op < 3 || made.length === 0) {
				const c = { id: `id-${step}`, sandbox: 'sb', name: 'c', state: rng.pick(states), image: {} } as Container;
				made.push(c);
				table.add(c);
			} else if (op < 5) table.remove(rng.pick(made));
			else if (op === 5 && rng.int(10) === 0) table.clear();
			else table.update(rng.pick(made), { state: rng.pick(states) });
			const held = [...table.values()];
			expect(table.exitedCount, `step ${step}`).toBe(held.filter((c) => c.state === 'EXITED').length);
			expect(table.size).toBe(held.length);
			expect(held.map((c) => c.id)).toEqual(made.filter((c) => held.includes(c)).map((c) => c.id));
		}
	});
});
