import { describe, expect, it } from 'vitest';
import { allowedOrigins, answerMessage, originAllowed, outMessage, parseHostCommand } from './host-link';

describe('parseHostCommand', () => {
	const good: [unknown, object][] = [
		[{ target: 'wheelhouse', version: 1, command: 'next' }, { command: 'next' }],
		[{ target: 'wheelhouse', version: 1, command: 'getState' }, { command: 'getState' }],
		[{ target: 'wheelhouse', version: 1, command: 'goto', step: 3 }, { command: 'goto', step: 3 }]
	];
	it.each(good)('accepts %j', (data, out) => expect(parseHostCommand(data)).toEqual(out));
	const bad: unknown[] = [
		undefined,
		null,
		'{"target":"wheelhouse","version":1,"command":"next"}',
		[1, 2],
		{ target: 'wheelhouse', version: 2, command: 'next' },
		{ target: 'other', version: 1, command: 'next' },
		{ target: 'wheelhouse', version: 1, command: 'format-disk' },
		{ target: 'wheelhouse', version: 1, command: 'goto' },
		{ target: 'wheelhouse', version: 1, command: 'goto', step: '3' },
		{ target: 'wheelhouse', version: 1, command: 'goto', step: 2.5 },
		{ target: 'wheelhouse', version: 1, command: 'goto', step: -1 },
		{ target: 'wheelhouse', version: 1, command: 'goto', step: 1e12 },
		{ target: 'wheelhouse', version: 1, command: { toString: () => 'next' } }
	];
	it.each(bad.map((b) => [String(JSON.stringify(b)).slice(0, 60), b]))('ignores %s', (_s, b) => expect(parseHostCommand(b)).toBeUndefined());
});

describe('origins', () => {
	it('defaults to any origin', () => expect(allowedOrigins('')).toBe('*'));
	it('reads a comma-separated list', () => {
		const list = allowedOrigins('https://a.edu, https://b.edu');
		expect(list).toEqual(['https://a.edu', 'https://b.edu']);
		expect(originAllowed('https://a.edu', list)).toBe(true);
		expect(originAllowed('https://evil.example', list)).toBe(false);
	});
});

it('out messages carry only what the page shows', () => {
	expect(outMessage('step', 'stacks/overview', 2, 12)).toEqual({ source: 'wheelhouse', version: 1, type: 'step', scene: 'stacks', walkthrough: 'overview', step: 3, total: 12 });
});

it('an answer message says which checkpoint, whether right, and where, in the contract\'s shape', () => {
	expect(answerMessage('kubernetes/scale', 6, 10, 'pick', false)).toEqual({ source: 'wheelhouse', version: 1, type: 'answer', scene: 'kubernetes', walkthrough: 'scale', step: 7, total: 10, checkpoint: 'pick', correct: false });
});
