import { describe, expect, it } from 'vitest';
import { Prng } from './prng';

const draw = (p: Prng, n = 8) => Array.from({ length: n }, () => p.nextUint32());

describe('Prng', () => {
	it('gives the same sequence for the same seed, and another for another seed', () => {
		expect(draw(new Prng(42))).toEqual(draw(new Prng(42)));
		expect(draw(new Prng('42'))).toEqual(draw(new Prng(42)));
		expect(draw(new Prng(42))).not.toEqual(draw(new Prng(43)));
	});

	it('pins its first outputs, so a change of algorithm cannot go unnoticed', () => {
		expect(draw(new Prng('wheelhouse'), 3)).toMatchInlineSnapshot(`
			[
			  2449882459,
			  1757944940,
			  505967311,
			]
		`);
	});

	it('keeps int, between and pick in range and uses every value', () => {
		const p = new Prng(1);
		const ints = new Set(Array.from({ length: 500 }, () => p.int(6)));
		expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5]);
		const lat = Array.from({ length: 500 }, () => p.between(1, 5));
		expect(Math.min(...lat)).toBe(1);
		expect(Math.max(...lat)).toBe(5);
		expect(['a', 'b']).toContain(p.pick(['a', 'b']));
		for (let i = 0; i < 1000; i++) expect(p.next()).toBeLessThan(1);
	});

	it('refuses an empty range', () => {
		expect(() => new Prng(1).int(0)).toThrow(RangeError);
		expect(() => new Prng(1).pick([])).toThrow(RangeError);
	});

	it('forks independent streams that do not depend on draws made before', () => {
		const a = new Prng(7);
		const b = new Prng(7);
		draw(b, 100);
		expect(draw(a.fork('kubelet-1'))).toEqual(draw(b.fork('kubelet-1')));
		expect(draw(a.fork('kubelet-1'))).not.toEqual(draw(a.fork('kubelet-2')));
		expect(draw(a.fork('x').fork('y'))).not.toEqual(draw(a.fork('x')));
	});
});
