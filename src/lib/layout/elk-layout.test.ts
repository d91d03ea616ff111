import { describe, expect, it } from 'vitest';
import { scenes } from '$content/registry';
import { parentIn } from '../model/scene';
import { layoutScene, layoutView } from './elk-layout';
import { edgeCrossings } from './crossings';
import { contains, intersects } from './geometry';
import { segmentEntersBox } from './route-nudge';
import type { Box } from './types';

/** On one side of the box (corners included). */
function onBorder([x, y]: [number, number], b: Box): boolean {
	const inX = x >= b.x && x <= b.x + b.width;
	const inY = y >= b.y && y <= b.y + b.height;
	return ((y === b.y || y === b.y + b.height) && inX) || ((x === b.x || x === b.x + b.width) && inY);
}

// Laying out a whole scene twice takes a few seconds on a busy machine.
const SLOW = 30_000;

describe.each(scenes.map((s) => [s.id, s] as const))('layout of scene %s', (_id, scene) => {
	it('is deterministic', async () => {
		const a = await layoutScene(scene);
		const b = await layoutScene(scene);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
	}, SLOW);

	it.each(scene.views.map((v) => [v.id, v] as const))('view %s: edges are routed around every box but their ends and the groups holding them', async (_v, view) => {
		const layout = await layoutView(scene, view);
		expect(edgeCrossings(layout, (id) => parentIn(scene, view, id))).toEqual([]);
		for (const e of Object.values(layout.edges)) {
			const [a, b] = [layout.nodes[e.from]!, layout.nodes[e.to]!];
			expect(e.points.length, e.id).toBeGreaterThanOrEqual(2);
			expect(onBorder(e.points[0]!, a), `${e.id} starts on ${e.from}'s border`).toBe(true);
			expect(onBorder(e.points.at(-1)!, b), `${e.id} ends on ${e.to}'s border`).toBe(true);
			for (let k = 0; k + 1 < e.points.length; k++) {
				const [p, q] = [e.points[k]!, e.points[k + 1]!];
				expect(p[0] === q[0] || p[1] === q[1], `${e.id} segment ${k} is horizontal or vertical`).toBe(true);
				expect(segmentEntersBox(p, q, a) || segmentEntersBox(p, q, b), `${e.id} stays out of its own ends`).toBe(false);
			}
		}
	}, SLOW);

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
