import { describe, expect, it } from 'vitest';
import type { PlacedNode, ViewLayout } from '$lib/layout/types';
import type { Connection } from '$lib/model/types';
import { edgeStart, stageEdges, tokenRoute } from './edges';
import type { Frame } from './morph';

type P = [number, number];
const node = (id: string, x: number, y: number): PlacedNode => ({ id, role: 'component', depth: 0, x, y, width: 100, height: 50 });
const rest: ViewLayout = {
	view: 'v',
	width: 400,
	height: 300,
	nodes: { a: node('a', 0, 0), b: node('b', 0, 200) },
	edges: { ab: { id: 'ab', from: 'a', to: 'b', points: [[50, 50], [50, 120], [60, 120], [60, 200]] } }
};
const connections: Connection[] = [
	{ id: 'ab', from: 'a', to: 'b' },
	{ id: 'bc', from: 'b', to: 'c', kind: 'watch' }
];
const atRest: Frame = { a: { ...rest.nodes.a!, opacity: 1 }, b: { ...rest.nodes.b!, opacity: 0.5 } };

describe('stageEdges', () => {
	it('draws the routes of connections whose ends are both on stage, as faint as the fainter end', () => {
		expect(stageEdges(connections, rest, atRest, null)).toEqual([{ id: 'ab', kind: 'call', points: rest.edges.ab!.points, opacity: 0.5 }]);
	});

	it('blends from where an edge stood when the morph began, by the morph’s progress', () => {
		const before: P[] = [[50, 0], [50, 100]];
		const start = { boxes: { a: { ...atRest.a!, y: -100 }, b: { ...atRest.b!, y: 100 } }, points: { ab: before } };
		const halfway: Frame = { a: { ...atRest.a!, y: -50 }, b: { ...atRest.b!, y: 150 } };
		const [mid] = stageEdges(connections, rest, halfway, start);
		expect(mid!.points[0]).toEqual([50, 25]);
		expect(mid!.points.at(-1)).toEqual([55, 150]);
		expect(stageEdges(connections, rest, atRest, start)[0]!.points).toEqual(rest.edges.ab!.points);
	});

	it('falls back to a straight connector without a route', () => {
		const [e] = stageEdges(connections, undefined, atRest, null);
		expect(e!.points).toEqual([[50, 50], [50, 200]]);
	});

	it('snapshots the edges as drawn', () => {
		const edges = stageEdges(connections, rest, atRest, null);
		expect(edgeStart(atRest, edges)).toEqual({ boxes: atRest, points: { ab: rest.edges.ab!.points } });
	});
});

describe('tokenRoute', () => {
	it('follows the route, reversed for a message against it', () => {
		expect(tokenRoute(rest, 'ab', 'a', 'b', atRest)).toBe(rest.edges.ab!.points);
		expect(tokenRoute(rest, 'ab', 'b', 'a', atRest)).toEqual([...rest.edges.ab!.points].reverse());
	});
	it('draws a connector without a route, and nothing without both ends', () => {
		expect(tokenRoute(rest, 'zz', 'a', 'b', atRest)).toEqual([[50, 50], [50, 200]]);
		expect(tokenRoute(rest, 'ab', 'a', 'c', atRest)).toBeUndefined();
	});
});
