import { describe, expect, it } from 'vitest';
import { fixtureScene } from './fixtures/scene';
import { linear } from './fixtures/linear';
import { legendFor } from './legend';
import type { Connection, Message } from './types';

const withMessages = (kinds: Message['kind'][]) => ({
	...linear,
	steps: [{ ...linear.steps[0]!, messages: kinds.map((kind) => ({ from: 'p', to: 'q', via: 'pq', kind, summary: kind })) }]
});
const withLines = (kinds: (Connection['kind'] | undefined)[]) => ({ ...fixtureScene, connections: kinds.map((kind, i) => ({ id: `c${i}`, from: 'p', to: 'q', ...(kind && { kind }) })) });

describe('legendFor', () => {
	it.each([
		[['event', 'request'], ['request', 'event']],
		[['data', 'data'], ['data']],
		[[], []]
	] as [Message['kind'][], Message['kind'][]][])('keys the message kinds sent (%j), in a fixed order', (sent, expected) => {
		expect(legendFor(fixtureScene, withMessages(sent)).kinds).toEqual(expected);
	});

	it.each([
		[[undefined], []],
		[[undefined, 'call'], []],
		[['watch', undefined], ['call', 'watch']],
		[['local', 'data'], ['data', 'local']]
	] as [(Connection['kind'] | undefined)[], Connection['kind'][]][])('keys line kinds %j only when there are several to tell apart', (drawn, expected) => {
		expect(legendFor(withLines(drawn), linear).lines).toEqual(expected);
	});
});
