import { describe, expect, it } from 'vitest';
import type { ViewLayout } from '$lib/layout/types';
import type { Scene } from '$lib/model/types';
import { connectionIndex, livePicture, podLines, shownMessage } from './live-picture';

// A fixture shaped like the sandbox scene: one node, a runtime and two slots.
const scene: Scene = {
	id: 's',
	title: 'S',
	summary: '',
	groups: [{ id: 'node-1', name: 'node-1', kind: 'node', description: '' }],
	components: [
		{ id: 'runtime-1', name: 'container runtime (node-1)', kind: 'runtime', parent: 'node-1', description: '' },
		{ id: 'pod-1a', name: 'slot a', kind: 'pod', parent: 'node-1', description: '' },
		{ id: 'pod-1b', name: 'slot b', kind: 'pod', parent: 'node-1', description: '' }
	],
	connections: [
		{ id: 'runtime-pod-1a', from: 'runtime-1', to: 'pod-1a' },
		{ id: 'runtime-pod-1b', from: 'runtime-1', to: 'pod-1b' }
	],
	views: [{ id: 'sandbox', name: 'all', components: ['runtime-1', 'pod-1a', 'pod-1b'] }]
};
const box = (id: string, role: 'group' | 'component' = 'component') => ({ id, role, depth: role === 'group' ? 0 : 1, x: 0, y: 0, width: 10, height: 10 });
const full: ViewLayout = {
	view: 'sandbox',
	width: 100,
	height: 100,
	nodes: { 'node-1': box('node-1', 'group'), 'runtime-1': box('runtime-1'), 'pod-1a': box('pod-1a'), 'pod-1b': box('pod-1b') },
	edges: { 'runtime-pod-1a': { id: 'runtime-pod-1a', from: 'runtime-1', to: 'pod-1a', points: [] }, 'runtime-pod-1b': { id: 'runtime-pod-1b', from: 'runtime-1', to: 'pod-1b', points: [] } }
};
const plan = { slotOf: new Map([['web-5d8f9c6b7c-x2x1q', 'pod-1b']]), unslotted: new Map([['node-1', 2]]) };

describe('livePicture', () => {
	const p = livePicture(scene, full, plan, [{ name: 'web-5d8f9c6b7c-x2x1q', node: 'node-1', status: 'ContainerCreating' }], [{ name: 'node-1', status: 'NotReady' }]);

	it('draws occupied slots only, named and labelled after their Pods', () => {
		expect(p.viewId).toBe('live:pod-1b');
		expect(Object.keys(p.layout.nodes)).toEqual(['node-1', 'runtime-1', 'pod-1b']);
		expect(Object.keys(p.layout.edges)).toEqual(['runtime-pod-1b']);
		expect(p.layout.nodes['pod-1b']?.lines).toEqual(['x2x1q']);
		expect(p.scene.components.find((c) => c.id === 'pod-1b')?.name).toBe('web-5d8f9c6b7c-x2x1q');
		expect(p.scene.views.map((v) => [v.id, v.components])).toEqual([['live:pod-1b', ['runtime-1', 'pod-1b']]]);
	});

	it("badges: each Pod's STATUS; a node's when not Ready, with the Pods it has no slot for", () => {
		expect(p.step.badges).toEqual({ 'pod-1b': 'ContainerCreating', 'node-1': 'NotReady · +2 more Pods' });
	});
});

describe('shownMessage', () => {
	const index = connectionIndex(scene);
	const m = { id: 1, time: 0, from: 'runtime-1', to: 'pod-1q', via: 'runtime-pod-1q', kind: 'request' as const, summary: 'start nginx' };
	it('re-addresses a runtime slot to the slot its Pod is drawn on', () => {
		expect(shownMessage({ ...m, toPod: 'web-5d8f9c6b7c-x2x1q' }, plan, index)).toEqual({ message: { from: 'runtime-1', to: 'pod-1b', via: 'runtime-pod-1b', kind: 'request', summary: 'start nginx' }, drawable: true });
	});
	it('a Pod with no slot is named, not drawn', () => {
		expect(shownMessage({ ...m, toPod: 'other-5d8f9c6b7c-aaaaa' }, plan, index)).toMatchObject({ message: { to: 'other-5d8f9c6b7c-aaaaa', via: '' }, drawable: false });
	});
});

describe('podLines', () => {
	it.each([
		['nginx-799cfcc968-5bfnw', ['5bfnw']],
		['my-app-5d8f9c6b7-abcde', ['abcde']],
		['solo', ['solo']],
		['db-abcde', ['db-abcde']],
		['a-rather-long-bare-pod', ['bare-pod']]
	])('%s', (name, lines) => expect(podLines(name)).toEqual(lines));
});
