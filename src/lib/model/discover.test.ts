import { describe, expect, it } from 'vitest';
import { discover } from './discover';
import type { Scene, Walkthrough } from './types';

const scene = (id: string, order?: number): Scene => ({ id, title: id, summary: '', components: [], groups: [], connections: [], views: [], order });
const walk = (id: string, order?: number): Walkthrough => ({ id, scene: id.split('/')[0]!, title: id, summary: '', steps: [], order });

describe('discover', () => {
	it('finds scenes and walkthroughs under any export name, and ignores everything else', () => {
		const found = discover({
			'./a/scene.ts': { aScene: scene('a') },
			'./a/one.ts': { one: walk('a/one'), helper: () => 1, TABLE: { rows: [] } },
			'./a/tables.ts': { POD: { a: 'x' } }
		});
		expect(found.scenes.map((s) => s.id)).toEqual(['a']);
		expect(found.walkthroughs.map((w) => w.id)).toEqual(['a/one']);
		expect(found.duplicates).toEqual([]);
	});

	it('puts them in course order: scenes by order, walkthroughs by their scene, then their own order, then id', () => {
		const found = discover({
			'./k/scene.ts': { s: scene('k', 2) },
			'./d/scene.ts': { s: scene('d', 1) },
			'./k/z.ts': { w: walk('k/z', 1) },
			'./k/a.ts': { w: walk('k/a', 2) },
			'./d/b.ts': { w: walk('d/b') },
			'./d/a.ts': { w: walk('d/a') }
		});
		expect(found.scenes.map((s) => s.id)).toEqual(['d', 'k']);
		expect(found.walkthroughs.map((w) => w.id)).toEqual(['d/a', 'd/b', 'k/z', 'k/a']);
	});

	it('reports two different walkthroughs that claim one id', () => {
		const found = discover({ './a/x.ts': { w: walk('a/x') }, './a/y.ts': { w: walk('a/x') } });
		expect(found.duplicates).toEqual(['a/x']);
	});

	it('counts one walkthrough re-exported twice once', () => {
		const w = walk('a/x');
		expect(discover({ './a/x.ts': { w, again: w } }).walkthroughs).toHaveLength(1);
	});
});
