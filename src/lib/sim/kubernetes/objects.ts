// Small helpers on plain API objects: copies, structural equality, JSON merge patch, timestamps.
// Every object that crosses a component boundary is a copy, so no component can change another's
// state except by writing through the API server.
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

export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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

/** RFC 3339 at second precision, the form of creationTimestamp and deletionTimestamp. */
export const rfc3339 = (epochMs: number, simMs: number) => new Date(epochMs + Math.floor(simMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Sets a condition by type, keeping lastTransitionTime when the status does not change. */
export function setCondition(conditions: Condition[], next: Condition): Condition[] {
	const old = conditions.find((c) => c.type === next.type);
	const merged = old && old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime ?? next.lastTransitionTime } : next;
	return [...conditions.filter((c) => c.type !== next.type), merged];
}
