import { describe, expect, it } from 'vitest';
import { simplify } from './geometry';
import { routeEdges, type RouteBox } from './route';
import type { Point } from './types';
import { segmentEntersBox } from './route-nudge';

const box = (id: string, x: number, y: number, width: number, height: number, parent?: string): RouteBox => ({ id, x, y, width, height, parent });

function onBorder([x, y]: Point, b: RouteBox): boolean {
	const inX = x >= b.x && x <= b.x + b.width;
	const inY = y >= b.y && y <= b.y + b.height;
	return ((y === b.y || y === b.y + b.height) && inX) || ((x === b.x || x === b.x + b.width) && inY);
}

function bends(points: Point[]): number {
	return Math.max(0, points.length - 2);
}

interface Case {
	name: string;
	boxes: RouteBox[];
	edges: [string, string][];
	/** Most bends any route may have. */
	maxBends: number;
}

const cases: Case[] = [
	{ name: 'stacked boxes: one straight vertical line', boxes: [box('a', 0, 0, 100, 40), box('b', 0, 100, 100, 40)], edges: [['a', 'b']], maxBends: 0 },
	{ name: 'side by side: one straight horizontal line', boxes: [box('a', 0, 0, 100, 40), box('b', 200, 10, 100, 40)], edges: [['a', 'b']], maxBends: 0 },
	{
		name: 'a box in the way: around it',
		boxes: [box('a', 0, 0, 100, 40), box('wall', 0, 80, 100, 40), box('b', 0, 160, 100, 40)],
		edges: [['a', 'b']],
		maxBends: 4
	},
	{
		name: 'out of a group past a sibling',
		boxes: [box('g', 0, 0, 300, 200), box('a', 20, 40, 100, 40, 'g'), box('sib', 20, 120, 100, 40, 'g'), box('b', 0, 300, 100, 40)],
		edges: [['a', 'b']],
		maxBends: 4
	},
	{
		name: 'between two groups, around a third',
		boxes: [
			box('g1', 0, 0, 200, 120),
			box('a', 20, 50, 100, 40, 'g1'),
			box('g2', 0, 200, 200, 120),
			box('mid', 20, 250, 100, 40, 'g2'),
			box('g3', 0, 400, 200, 120),
			box('b', 20, 450, 100, 40, 'g3')
		],
		edges: [['a', 'b']],
		maxBends: 4
	},
	{
		name: 'a fan from one box keeps its lines apart',
		boxes: [box('hub', 200, 0, 200, 60), box('x', 0, 200, 120, 60), box('y', 240, 200, 120, 60), box('z', 480, 200, 120, 60), box('w', 240, 300, 120, 60)],
		edges: [['hub', 'x'], ['hub', 'y'], ['hub', 'z'], ['hub', 'w']],
		maxBends: 4
	}
];

describe('routeEdges', () => {
	it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
		const routes = routeEdges(c.boxes, c.edges.map(([from, to], i) => ({ id: `e${i}`, from, to })));
		const byId = new Map(c.boxes.map((b) => [b.id, b]));
		const segs: { edge: string; p: Point; q: Point }[] = [];
		c.edges.forEach(([from, to], i) => {
			const pts = routes[`e${i}`]!;
			const allowed = new Set([from, to]);
			for (let at = byId.get(from)?.parent; at; at = byId.get(at)?.parent) allowed.add(at);
			for (let at = byId.get(to)?.parent; at; at = byId.get(at)?.parent) allowed.add(at);
			expect(pts.length).toBeGreaterThanOrEqual(2);
			expect(onBorder(pts[0]!, byId.get(from)!), `starts on ${from}'s border`).toBe(true);
			expect(onBorder(pts.at(-1)!, byId.get(to)!), `ends on ${to}'s border`).toBe(true);
			expect(bends(pts)).toBeLessThanOrEqual(c.maxBends);
			for (let k = 0; k + 1 < pts.length; k++) {
				const [p, q] = [pts[k]!, pts[k + 1]!];
				expect(p[0] === q[0] || p[1] === q[1], 'orthogonal').toBe(true);
				for (const b of c.boxes) {
					const through = segmentEntersBox(p, q, b);
					if (!allowed.has(b.id) || b.id === from || b.id === to) expect(through, `e${i} through ${b.id}`).toBe(false);
				}
				segs.push({ edge: `e${i}`, p, q });
			}
		});
		// No two routes share a stretch of track.
		for (const s of segs)
			for (const t of segs) {
				if (s.edge >= t.edge) continue;
				const sh = s.p[1] === s.q[1];
				const th = t.p[1] === t.q[1];
				if (sh !== th) continue;
				const c0 = sh ? 1 : 0;
				const o = (1 - c0) as 0 | 1;
				if (s.p[c0] !== t.p[c0]) continue;
				const overlap = Math.min(Math.max(s.p[o], s.q[o]), Math.max(t.p[o], t.q[o])) - Math.max(Math.min(s.p[o], s.q[o]), Math.min(t.p[o], t.q[o]));
				expect(overlap, `${s.edge} and ${t.edge} share a track`).toBeLessThanOrEqual(0);
			}
	});

	it('is deterministic', () => {
		const c = cases.at(-1)!;
		const run = () => JSON.stringify(routeEdges(c.boxes, c.edges.map(([from, to], i) => ({ id: `e${i}`, from, to }))));
		expect(run()).toBe(run());
	});

	it('skips edges whose ends are not placed', () => {
		expect(routeEdges([box('a', 0, 0, 10, 10)], [{ id: 'e', from: 'a', to: 'gone' }])).toEqual({});
	});
});

describe('simplify', () => {
	const cases: [string, Point[], Point[]][] = [
		['drops collinear points', [[0, 0], [5, 0], [10, 0], [10, 5]], [[0, 0], [10, 0], [10, 5]]],
		['drops repeats', [[0, 0], [0, 0], [0, 5]], [[0, 0], [0, 5]]],
		['keeps corners', [[0, 0], [5, 0], [5, 5], [10, 5]], [[0, 0], [5, 0], [5, 5], [10, 5]]]
	];
	it.each(cases)('%s', (_n, input, expected) => expect(simplify(input)).toEqual(expected));
});
