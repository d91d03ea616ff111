import { describe, expect, it } from 'vitest';
import { CHANNEL, formatElapsed, parseLinkMessage } from './speaker-link';

const W = 'stacks/overview';
describe('parseLinkMessage', () => {
	const good: unknown[] = [
		{ channel: CHANNEL, type: 'hello', walkthrough: W },
		{ channel: CHANNEL, type: 'state', walkthrough: W, step: 4, playing: false, startedAt: 1 },
		{ channel: CHANNEL, type: 'command', walkthrough: W, command: 'next' },
		{ channel: CHANNEL, type: 'command', walkthrough: W, command: 'reveal' },
		{ channel: CHANNEL, type: 'command', walkthrough: W, command: 'goto', step: 1 }
	];
	it.each(good.map((g) => [JSON.stringify(g), g]))('accepts %s', (_s, g) => expect(parseLinkMessage(g, W)).toEqual(g));
	const bad: unknown[] = [
		null,
		'next',
		42,
		{ channel: 'other', type: 'hello', walkthrough: W },
		{ channel: CHANNEL, type: 'hello', walkthrough: 'docker/pull-and-run' },
		{ channel: CHANNEL, type: 'state', walkthrough: W, step: 0, playing: false, startedAt: 1 },
		{ channel: CHANNEL, type: 'state', walkthrough: W, step: 1.5, playing: false, startedAt: 1 },
		{ channel: CHANNEL, type: 'command', walkthrough: W, command: 'rm -rf' },
		{ channel: CHANNEL, type: 'command', walkthrough: W, command: 'goto', step: '3' },
		{ channel: CHANNEL, type: 'command', walkthrough: W, command: 'goto' },
		{ channel: CHANNEL, type: 'explode', walkthrough: W }
	];
	it.each(bad.map((b) => [JSON.stringify(b), b]))('ignores %s', (_s, b) => expect(parseLinkMessage(b, W)).toBeUndefined());
});

describe('formatElapsed', () => {
	const cases: [number, string][] = [[0, '0:00'], [59_999, '0:59'], [61_000, '1:01'], [3_600_000, '1:00:00'], [-5, '0:00']];
	it.each(cases)('%i ms → %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});
