// Small helpers on plain API objects: copies, structural equality, JSON merge patch, timestamps.
// A committed object is immutable: the API server stores it once and hands that same object to every
// watcher, LIST and GET (as a real one serialises one object to many clients), instead of a copy per
// receiver. So no component may change what it receives: it copies first. Tests enforce this by
// deep-freezing every shared object (`freezeShared`, turned on in vitest's setup), so a component that
// writes into one throws there; a run outside tests skips the freezing, which would cost a walk per write.
import type { Condition } from './types';

/**
 * A deep copy of plain API data (objects, arrays, strings, numbers, booleans, null): what a JSON
 * round trip gives, keeping keys whose value is undefined. Written out because structuredClone, which
 * also handles Maps, Dates and cycles that API objects never hold, was a third of a large run's time.
 */
export function clone<T>(value: T): T {
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) return value.map(clone) as T;
	const copy: Record<string, unknown> = {};
	for (const key in value) copy[key] = clone((value as Record<string, unknown>)[key]);
	return copy as T;
}

let freezing = false;

/** Deep-freeze every object the API server shares from now on (tests); off by default. */
export function freezeShared(on: boolean): void {
	freezing = on;
}

/** An object about to be shared between components: deep-frozen when `freezeShared` is on. */
export function share<T>(value: T): T {
	if (freezing) deepFreeze(value);
	return value;
}

function deepFreeze(value: unknown): void {
	// A frozen object here is a shared subtree of an earlier object, frozen with it.
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
	Object.freeze(value);
	for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
}

/** Structural equality of plain API data; a key whose value is undefined counts as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	// Loops rather than Object.keys/filter/every: the API server compares every update with the stored
	// object, and the arrays and closures of the short form were a large share of a big run's garbage.
	const x = a as Record<string, unknown>;
	const y = b as Record<string, unknown>;
	let defined = 0;
	for (const k in x) {
		if (x[k] === undefined) continue;
		defined++;
		if (!deepEqual(x[k], y[k])) return false;
	}
	for (const k in y) if (y[k] !== undefined) defined--;
	return defined === 0;
}

/** deepEqual of two objects with one top-level key left out, without copying either. */
export function deepEqualExcept(a: object, b: object, key: string): boolean {
	const x = a as Record<string, unknown>;
	const y = b as Record<string, unknown>;
	let defined = 0;
	for (const k in x) {
		if (k === key || x[k] === undefined) continue;
		defined++;
		if (!deepEqual(x[k], y[k])) return false;
	}
	for (const k in y) if (k !== key && y[k] !== undefined) defined--;
	return defined === 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON merge patch (RFC 7386): objects merge key by key, null deletes, anything else replaces
 * (lists too: a strategic merge patch, which merges lists by key, is not modelled).
 */
export function mergePatch<T>(target: T, patch: unknown): T {
	if (!isObject(patch)) return clone(patch) as T;
	const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
	for (const [k, v] of Object.entries(patch)) {
		if (v === null) delete result[k];
		else result[k] = mergePatch(result[k], v);
	}
	return result as T;
}

let lastAt = NaN;
let lastText = '';

/** RFC 3339 at second precision, the form of creationTimestamp and deletionTimestamp. */
export function rfc3339(epochMs: number, simMs: number): string {
	const at = epochMs + Math.floor(simMs / 1000) * 1000;
	// Many objects are stamped within the same simulated second: format each second once.
	if (at !== lastAt) {
		lastAt = at;
		lastText = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
	}
	return lastText;
}

/** Sets a condition by type, keeping lastTransitionTime when the status does not change. */
export function setCondition(conditions: Condition[], next: Condition): Condition[] {
	const old = conditions.find((c) => c.type === next.type);
	const merged = old && old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime ?? next.lastTransitionTime } : next;
	return [...conditions.filter((c) => c.type !== next.type), merged];
}
