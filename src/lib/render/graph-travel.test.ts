import { describe, expect, it } from 'vitest';
import type { Scene } from '$lib/model/types';
import { describeArrival, describeNeighbour, membersOf, neighbours } from './graph-travel';

// A hub with three spokes, one of them inside a group; one part off stage.
const scene: Scene = {
	id: 'hub',
	title: 'Hub',
	summary: '',
	groups: [{ id: 'plane', name: 'Plane', kind: 'plane', description: '' }],
	components: [
		{ id: 'hub', name: 'Hub', kind: 'server', description: '', parent: 'plane' },
		{ id: 'store', name: 'Store', kind: 'store', description: '', parent: 'plane' },
		{ id: 'agent', name: 'Agent', kind: 'agent', description: '' },
		{ id: 'gone', name: 'Gone', kind: 'client', description: '' }
	],
	connections: [
		{ id: 'hub-store', from: 'hub', to: 'store' },
		{ id: 'hub-agent', from: 'hub', to: 'agent', kind: 'watch' },
		{ id: 'gone-hub', from: 'gone', to: 'hub' },
		{ id: 'agent-hub', from: 'agent', to: 'hub', kind: 'data' }
	],
	views: [{ id: 'v', name: 'V', components: ['hub', 'store', 'agent'] }]
};
const view = scene.views[0]!;
const onStage = new Set(['plane', 'hub', 'store', 'agent']);

describe('graph travel', () => {
	it('lists a part’s connections to parts on stage, in the scene’s order, with their direction', () => {
		expect(neighbours(scene, 'hub', onStage)).toEqual([
			{ connection: 'hub-store', other: 'store', kind: 'call', direction: 'outgoing' },
			{ connection: 'hub-agent', other: 'agent', kind: 'watch', direction: 'outgoing' },
			{ connection: 'agent-hub', other: 'agent', kind: 'data', direction: 'incoming' }
		]);
		expect(neighbours(scene, 'store', onStage).map((n) => [n.other, n.direction])).toEqual([['hub', 'incoming']]);
	});

	it('names a connection with its place in the list, the other end, the kind in the legend’s words and the way it points', () => {
		const [, second] = neighbours(scene, 'hub', onStage);
		expect(describeNeighbour(scene, second!, 1, 3)).toBe('2 of 3: Agent, event stream, outgoing. Enter goes there.');
	});

	it.each([
		['hub', 'Hub, 3 connections.'],
		['store', 'Store, 1 connection.'],
		['plane', 'Plane, group of 2 parts, 0 connections.']
	])('on arriving at %s says "%s"', (id, text) => {
		expect(describeArrival(scene, view, id, onStage)).toBe(text);
	});

	it('finds a group’s members on stage, and none for a part that is not a group', () => {
		expect(membersOf(scene, view, 'plane', onStage)).toEqual(['hub', 'store']);
		expect(membersOf(scene, view, 'agent', onStage)).toEqual([]);
	});
});
