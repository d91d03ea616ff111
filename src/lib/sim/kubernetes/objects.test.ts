import { describe, expect, it } from 'vitest';
import { deepEqual, deepEqualExcept, rfc3339 } from './objects';

// deepEqual and deepEqualExcept are written as loops for speed; these cases pin what they mean: plain
// data compared by value, a key whose value is undefined counting as absent, and (for the second) one
// top-level key ignored, as the API server's "nothing changed" check ignores resourceVersion.

describe('deepEqual', () => {
	it.each([
		['same primitives', 1, 1, true],
		['different primitives', 1, '1', false],
		['null and an object', null, {}, false],
		['equal nested objects', { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'x' }] } }, true],
		['a nested difference', { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }, false],
		['an undefined key counts as absent', { a: 1, b: undefined }, { a: 1 }, true],
		['an undefined key on the other side', { a: 1 }, { a: 1, b: undefined }, true],
		['a missing key', { a: 1, b: 2 }, { a: 1 }, false],
		['an extra key', { a: 1 }, { a: 1, b: 2 }, false],
		['arrays of different length', [1, 2], [1, 2, 3], false],
		['an array and an object with the same keys', [1], { 0: 1 }, false],
		['key order does not matter', { a: 1, b: 2 }, { b: 2, a: 1 }, true]
	] as const)('%s', (_what, a, b, equal) => {
		expect(deepEqual(a, b)).toBe(equal);
		expect(deepEqual(b, a)).toBe(equal);
	});
});

describe('deepEqualExcept', () => {
	it.each([
		['differs only in the ignored key', { a: 1, rv: '1' }, { a: 1, rv: '2' }, true],
		['ignored key on one side only', { a: 1, rv: '1' }, { a: 1 }, true],
		['differs elsewhere', { a: 1, rv: '1' }, { a: 2, rv: '1' }, false],
		['a missing key elsewhere', { a: 1, b: 2, rv: '1' }, { a: 1, rv: '1' }, false],
		['undefined elsewhere counts as absent', { a: 1, b: undefined }, { a: 1 }, true],
		['nested values compared deeply', { a: { x: [1] }, rv: '1' }, { a: { x: [2] }, rv: '1' }, false]
	] as const)('%s', (_what, a, b, equal) => {
		expect(deepEqualExcept(a, b, 'rv')).toBe(equal);
		expect(deepEqualExcept(b, a, 'rv')).toBe(equal);
	});
});

describe('rfc3339', () => {
	it.each([
		[0, 0, '1970-01-01T00:00:00Z'],
		[0, 999, '1970-01-01T00:00:00Z'],
		[0, 1000, '1970-01-01T00:00:01Z'],
		[Date.UTC(2026, 0, 1), 61_500, '2026-01-01T00:01:01Z'],
		// Same second again, then a different epoch with the same sum: the cached text must not leak.
		[Date.UTC(2026, 0, 1), 61_000, '2026-01-01T00:01:01Z'],
		[Date.UTC(2026, 0, 1) + 1000, 60_000, '2026-01-01T00:01:01Z'],
		[Date.UTC(2026, 0, 1), 0, '2026-01-01T00:00:00Z']
	])('epoch %i + %i ms → %s', (epoch, ms, text) => {
		expect(rfc3339(epoch, ms)).toBe(text);
	});
});
