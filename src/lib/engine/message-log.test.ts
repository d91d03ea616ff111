import { describe, expect, it } from 'vitest';
import { branchy } from '$lib/model/fixtures/branchy';
import { fixtureScene } from '$lib/model/fixtures/scene';
import { logLines } from './message-log';

const twoInC = { ...branchy, steps: branchy.steps.map((s) => (s.id === 'c' ? { ...s, messages: [...s.messages!, { from: 'q', to: 'p', via: 'pq', kind: 'response' as const, summary: '200 OK' }] } : s)) };

describe('message log', () => {
	it('writes FROM → TO: SUMMARY with display names', () => {
		expect(logLines(fixtureScene, twoInC, [], 'c', 2).map((l) => l.text)).toEqual(['Producer → Queue server: message of c', 'Queue server → Producer: 200 OK']);
	});
	it('holds every message of the steps behind, then what has arrived of this one', () => {
		expect(logLines(fixtureScene, twoInC, ['a', 'b'], 'c', 1).map((l) => l.text)).toEqual([
			'Producer → Queue server: message of a',
			'Producer → Queue server: message of b',
			'Producer → Queue server: message of c'
		]);
	});
	it('follows the path taken: a side branch logs its own messages, not the main path’s', () => {
		expect(logLines(fixtureScene, twoInC, ['a', 'b'], 'x', 1).map((l) => l.stepId)).toEqual(['a', 'b', 'x']);
	});
	it('numbers only the current step’s lines, from 1, as the diagram numbers its still traffic', () => {
		expect(logLines(fixtureScene, twoInC, ['a', 'b'], 'c', 2).map((l) => l.n)).toEqual([undefined, undefined, 1, 2]);
	});
	it('keys stay unique and stable across steps', () => {
		const keys = logLines(fixtureScene, twoInC, ['a', 'b'], 'c', 2).map((l) => l.key);
		expect(keys).toEqual(['a:0', 'b:0', 'c:0', 'c:1']);
	});
});
