import { describe, expect, it } from 'vitest';
import { scenes } from '../../content/registry';
import { parentIn } from '../model/scene';
import { layoutScene, layoutView } from './elk-layout';
import { contains, intersects } from './geometry';

describe.each(scenes.map((s) => [s.id, s] as const))('layout of scene %s', (_id, scene) => {
	it('is deterministic', async () => {
		const a = await layoutScene(scene);
		const b = await layoutScene(scene);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
	});

	it.each(scene.views.map((v) => [v.id, v] as const))('view %s: boxes sit inside their groups and siblings do not overlap', async (_v, view) => {
		const layout = await layoutView(scene, view);
		const nodes = Object.values(layout.nodes);
		for (const id of view.components) expect(layout.nodes[id], `${id} is placed`).toBeDefined();
		for (const node of nodes) {
			expect(node.width).toBeGreaterThan(0);
			const parent = parentIn(scene, view, node.id);
			if (parent) expect(contains(layout.nodes[parent]!, node), `${node.id} inside ${parent}`).toBe(true);
			else expect(contains({ x: 0, y: 0, width: layout.width, height: layout.height }, node)).toBe(true);
		}
		for (const a of nodes)
			for (const b of nodes) {
				if (a.id >= b.id) continue;
				if (parentIn(scene, view, a.id) !== parentIn(scene, view, b.id)) continue;
				expect(intersects(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
			}
	});
});
