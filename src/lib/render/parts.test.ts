import { describe, expect, it } from 'vitest';
import type { PlacedNode, SceneLayout } from '$lib/layout/types';
import { fromAnyView, paintOrder } from './parts';

const node = (id: string, depth: number, lines?: string[]): PlacedNode => ({ id, role: lines ? 'component' : 'group', depth, x: 0, y: 0, width: 10, height: 10, lines });
const layouts: SceneLayout = {
	one: { view: 'one', width: 100, height: 100, nodes: { a: node('a', 1, ['A']), g: node('g', 0) }, edges: {} },
	two: { view: 'two', width: 100, height: 100, nodes: { a: node('a', 2, ['A', 'wrapped']), b: node('b', 3, ['B']) }, edges: {} }
};

describe('paintOrder', () => {
	it('paints groups first, shallowest first, then components by depth', () => {
		const depth: Record<string, number> = { inner: 1, outer: 0, x: 2, y: 1 };
		const order = paintOrder(['x', 'inner', 'y', 'outer'], (id) => id === 'inner' || id === 'outer', (id) => depth[id]!);
		expect(order.map((p) => p.id)).toEqual(['outer', 'inner', 'y', 'x']);
		expect(order[0]).toEqual({ id: 'outer', group: true, depth: 0 });
	});

	it('keeps the given order among equals', () => {
		expect(paintOrder(['b', 'a', 'c'], () => false, () => 0).map((p) => p.id)).toEqual(['b', 'a', 'c']);
	});
});

describe('fromAnyView', () => {
	it('reads the current view first', () => expect(fromAnyView(layouts, 'two', 'a', (n) => n.lines)).toEqual(['A', 'wrapped']));
	it('falls back to a view that has the part (one leaving the stage)', () => expect(fromAnyView(layouts, 'one', 'b', (n) => n.depth)).toBe(3));
	it('falls back when the current view has the part but not the value', () => expect(fromAnyView(layouts, 'one', 'g', (n) => n.lines)).toBeUndefined());
	it('is undefined for an unknown part or view', () => {
		expect(fromAnyView(layouts, 'one', 'nope', (n) => n.depth)).toBeUndefined();
		expect(fromAnyView(layouts, 'nope', 'a', (n) => n.depth)).toBe(1);
	});
});
