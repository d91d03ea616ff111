// JSON merge patches (RFC 7386) computed on the client, as kubectl computes its patches: the
// smallest patch that turns one object into another (null deletes a key; lists are replaced whole),
// and apply's three-way patch from the last-applied manifest, the new one and the live object.
import { deepEqual } from '../objects';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The merge patch that turns `from` into `to`; `{}` when they are equal. */
export function mergeDiff(from: unknown, to: unknown): unknown {
	if (!isObject(from) || !isObject(to)) return deepEqual(from, to) ? {} : to;
	const patch: Record<string, unknown> = {};
	for (const k of Object.keys(from)) if (!(k in to) || to[k] === undefined) patch[k] = null;
	for (const [k, v] of Object.entries(to)) {
		if (v === undefined) continue;
		const before = from[k];
		if (isObject(before) && isObject(v)) {
			const inner = mergeDiff(before, v);
			if (isObject(inner) && Object.keys(inner).length) patch[k] = inner;
		} else if (!deepEqual(before, v)) patch[k] = v;
	}
	return patch;
}

/**
 * Whether the live value already says everything the manifest says: the same scalars, lists of the
 * same length whose items cover the manifest's, maps with at least its keys. The server's defaults
 * (imagePullPolicy, protocol…) then do not count as a change, as with kubectl's strategic merge.
 */
export function covers(live: unknown, wanted: unknown): boolean {
	if (Array.isArray(wanted)) return Array.isArray(live) && live.length === wanted.length && wanted.every((w, i) => covers(live[i], w));
	if (isObject(wanted)) return isObject(live) && Object.entries(wanted).every(([k, w]) => w === undefined || covers(live[k], w));
	return deepEqual(live, wanted);
}

/**
 * Client-side apply's patch: what the new manifest sets that the live object lacks or has otherwise,
 * plus null for what the last-applied manifest set and the new one dropped. Fields only the server
 * or controllers set (status, defaults) are left alone.
 */
export function threeWayPatch(lastApplied: unknown, manifest: unknown, live: unknown): Record<string, unknown> {
	const patch: Record<string, unknown> = {};
	if (!isObject(manifest)) return patch;
	const last = isObject(lastApplied) ? lastApplied : {};
	const current = isObject(live) ? live : {};
	for (const k of Object.keys(last)) if (!(k in manifest)) patch[k] = null;
	for (const [k, v] of Object.entries(manifest)) {
		const before = current[k];
		if (isObject(v) && isObject(before)) {
			const inner = threeWayPatch(last[k], v, before);
			if (Object.keys(inner).length) patch[k] = inner;
		} else if (!covers(before, v)) patch[k] = v;
	}
	return patch;
}
