import { describe, expect, it } from 'vitest';
import { describeStep } from './describe-step';
import type { Scene, Walkthrough } from './types';

// A client outside, and a box holding a server; the second view adds a worker, and badges change.
const scene: Scene = {
	id: 's',
	title: 'S',
	summary: '',
	groups: [{ id: 'box', name: 'Box', kind: 'machine', description: '' }],
	components: [
		{ id: 'client', name: 'Client', kind: 'client', description: '' },
		{ id: 'server', name: 'Server', kind: 'server', description: '', parent: 'box' },
		{ id: 'worker', name: 'Worker', kind: 'app', description: '', parent: 'box' }
	],
	connections: [{ id: 'cs', from: 'client', to: 'server' }],
	views: [
		{ id: 'small', name: 'Small', components: ['client', 'server'] },
		{ id: 'big', name: 'Big', components: ['client', 'server', 'worker'] }
	]
};
const w: Walkthrough = {
	id: 's/w',
	scene: 's',
	title: 'W',
	summary: '',
	steps: [
		{ id: 'one', title: 'One', view: 'small', narration: '', badges: { server: 'Starting' }, messages: [{ from: 'client', to: 'server', via: 'cs', kind: 'request', summary: 'GET /' }] },
		{ id: 'two', title: 'Two', view: 'big', narration: '', badges: { server: 'Running', worker: 'Pending' }, messages: [{ from: 'server', to: 'client', via: 'cs', kind: 'response', summary: '200 OK' }] },
		{ id: 'three', title: 'Three', view: 'big', narration: '', badges: { worker: 'Pending' } },
		{ id: 'four', title: 'Four', view: 'big', narration: '', badges: { worker: 'Pending' } }
	]
};

describe('describeStep', () => {
	it('says what is shown: each group with its members, the parts outside, and the messages in order with kinds', () => {
		expect(describeStep(scene, w, [], 'one')).toEqual({
			title: 'One',
			view: 'Small',
			groups: [{ name: 'Box', members: ['Server'] }],
			outside: ['Client'],
			statuses: ['Server: Starting'],
			changes: [],
			messages: ['1. Client to Server, request: GET /']
		});
	});

	it.each([
		['two', ['one'], ['Now shown: Worker.', 'Server: Starting → Running.', 'Worker: Pending.']],
		['three', ['one', 'two'], ['Server: Running no longer shown.']],
		['four', ['one', 'two', 'three'], ['Nothing in the picture changed; the messages below are new.']],
		// Coming back from a later step compares with the step walked before, not the one after.
		['two', ['one', 'three'], ['Server: Running.']]
	])('at %s after %j says what changed: %j', (current, history, changes) => {
		expect(describeStep(scene, w, history, current).changes).toEqual(changes);
	});
});
