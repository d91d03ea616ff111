import { describe, expect, it } from 'vitest';
import { commandFor, type KeyInfo } from './keyboard';

describe('commandFor', () => {
	const cases: [KeyInfo, string | undefined][] = [
		[{ key: 'ArrowRight' }, 'next'],
		[{ key: 'PageDown' }, 'next'],
		[{ key: ' ' }, 'next'],
		[{ key: 'n' }, 'next'],
		[{ key: 'ArrowLeft' }, 'previous'],
		[{ key: 'PageUp' }, 'previous'],
		[{ key: 'P' }, 'previous'],
		[{ key: ' ', shiftKey: true }, 'previous'],
		[{ key: 'Home' }, 'first'],
		[{ key: 'End' }, 'last'],
		[{ key: 'k' }, 'togglePlay'],
		[{ key: '?' }, 'help'],
		[{ key: 'Escape' }, 'escape'],
		[{ key: 'ArrowRight', ctrlKey: true }, undefined],
		[{ key: 'n', targetTag: 'INPUT' }, undefined],
		[{ key: 'ArrowRight', targetTag: 'SELECT' }, undefined],
		[{ key: ' ', targetTag: 'BUTTON' }, undefined],
		[{ key: 'ArrowRight', targetTag: 'BUTTON' }, 'next'],
		[{ key: 'x' }, undefined]
	];
	it.each(cases)('%j → %s', (info, command) => expect(commandFor(info)).toBe(command));

	const present: [KeyInfo, string | undefined][] = [
		[{ key: 'ArrowDown' }, 'next'],
		[{ key: 'ArrowUp' }, 'previous'],
		[{ key: 'b' }, 'blackout'],
		[{ key: '.' }, 'blackout'],
		[{ key: '/' }, 'blackout'],
		[{ key: 'F' }, 'fullscreen'],
		[{ key: 's' }, 'speaker'],
		[{ key: 't' }, 'theme'],
		[{ key: ' ', shiftKey: true }, 'previous']
	];
	it.each(present)('present: %j → %s', (info, command) => expect(commandFor(info, 'present')).toBe(command));
	it('explore leaves the presentation keys alone', () => {
		expect(commandFor({ key: 'b' })).toBeUndefined();
		expect(commandFor({ key: 'ArrowDown' })).toBeUndefined();
	});
});
