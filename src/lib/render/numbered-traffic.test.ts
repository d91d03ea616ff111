import { describe, expect, it } from 'vitest';
import type { PlacedNode, ViewLayout } from '$lib/layout/types';
import type { Message } from '$lib/model/types';
import type { Frame } from './morph';
import { numberedTraffic, numbersText } from './numbered-traffic';

const node = (id: string, x: number, y: number): PlacedNode => ({ id, role: 'component', depth: 0, x, y, width: 100, height: 50 });
// a above b, joined by a straight vertical route from y=50 to y=250; c off to the side with no route.
const rest: ViewLayout = {
	view: 'v',
	width: 400,
	height: 300,
	nodes: { a: node('a', 0, 0), b: node('b', 0, 250), c: node('c', 300, 0) },
	edges: { ab: { id: 'ab', from: 'a', to: 'b', points: [[50, 50], [50, 250]] } }
};
const frame: Frame = Object.fromEntries(Object.entries(rest.nodes).map(([id, n]) => [id, { ...n, opacity: 1 }]));
const msg = (from: string, to: string, via: string, kind: Message['kind'] = 'request'): Message => ({ from, to, via, kind, summary: `${from}→${to}` });

describe('numberedTraffic', () => {
	const table: { name: string; messages: Message[]; expected: { n: number; at: [number, number]; angle: number }[] }[] = [
		{ name: 'one message sits halfway, pointing the way it goes', messages: [msg('a', 'b', 'ab')], expected: [{ n: 1, at: [50, 150], angle: 90 }] },
		{
			name: 'a request and its reply share the connection at a third and two thirds, pointing opposite ways',
			messages: [msg('a', 'b', 'ab'), msg('b', 'a', 'ab', 'response')],
			expected: [
				{ n: 1, at: [50, 116.7], angle: 90 },
				{ n: 2, at: [50, 183.3], angle: -90 }
			]
		},
		{
			name: 'numbers follow the step order even when a message has no mark',
			messages: [msg('a', 'x', 'ax'), msg('b', 'a', 'ab')],
			expected: [{ n: 2, at: [50, 150], angle: -90 }]
		},
		{ name: 'no route in the layout: a straight connector between the boxes', messages: [msg('a', 'c', 'ac')], expected: [{ n: 1, at: [200, 25], angle: 0 }] }
	];
	for (const { name, messages, expected } of table) {
		it(name, () => {
			expect(numberedTraffic(messages, rest, frame).map(({ n, at, angle }) => ({ n, at, angle }))).toEqual(expected);
		});
	}

	it('gathers more messages than the connection has room for into one mark that names their numbers', () => {
		const pull = [msg('c', 'a', 'ac'), ...[1, 2, 3].flatMap(() => [msg('a', 'b', 'ab'), msg('b', 'a', 'ab', 'response')])];
		expect(numberedTraffic(pull, rest, frame).map(({ label, kind, both, at }) => ({ label, kind, both, at }))).toEqual([
			{ label: '1', kind: 'request', both: false, at: [200, 25] },
			{ label: '2–7', kind: 'mixed', both: true, at: [50, 150] }
		]);
	});

	it('a crowd of one kind going one way keeps that kind and one direction', () => {
		const burst = [1, 2, 3, 4, 5].map(() => msg('a', 'b', 'ab', 'data'));
		expect(numberedTraffic(burst, rest, frame).map(({ label, kind, both }) => ({ label, kind, both }))).toEqual([{ label: '1–5', kind: 'data', both: false }]);
	});

	it.each([
		[[1], '1'],
		[[2, 3, 4, 7], '2–4, 7'],
		[[1, 3, 5], '1, 3, 5'],
		[[4, 5, 6, 7, 8, 9, 10, 11], '4–11']
	])('numbers %j read "%s"', (ns, text) => {
		expect(numbersText(ns)).toBe(text);
	});

	it('leaves out the chevrons where the line is too short for them beside the mark (a hop between stacked layers)', () => {
		const short: ViewLayout = { ...rest, edges: { ab: { id: 'ab', from: 'a', to: 'b', points: [[50, 50], [50, 90]] } } };
		expect(numberedTraffic([msg('a', 'b', 'ab')], short, frame)[0]?.chevrons).toBe(false);
		expect(numberedTraffic([msg('a', 'b', 'ab')], rest, frame)[0]?.chevrons).toBe(true);
	});

	it('keeps each message’s kind, so the mark is shaped like its token', () => {
		expect(numberedTraffic([msg('a', 'b', 'ab', 'event')], rest, frame)[0]?.kind).toBe('event');
	});
});

describe('numberedTraffic within bounds', () => {
	// A route along the stage's left edge (x = 0): a mark centred on it would be half cut off.
	const edgeRest: ViewLayout = { ...rest, edges: { ab: { id: 'ab', from: 'a', to: 'b', points: [[0, 50], [0, 250]] } } };
	const bounds = { x: 0, y: 0, width: 400, height: 300 };
	it('moves a mark on a route that hugs the edge in until it is whole, along the edge', () => {
		const [mark] = numberedTraffic([msg('a', 'b', 'ab')], edgeRest, frame, bounds);
		expect(mark!.at).toEqual([13 * 1.35 + 2, 150]);
	});
	it('leaves a mark that is already inside where it was', () => {
		expect(numberedTraffic([msg('a', 'b', 'ab')], rest, frame, bounds)[0]!.at).toEqual([50, 150]);
	});
	it('centres a mark in bounds narrower than itself rather than pushing it out the other side', () => {
		const [mark] = numberedTraffic([msg('a', 'b', 'ab')], edgeRest, frame, { x: 0, y: 0, width: 20, height: 300 });
		expect(mark!.at[0]).toBe(10);
	});
});
