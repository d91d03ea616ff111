// pod-template-hash: what names a Deployment's ReplicaSets (nginx-7d4b9c8f6d) and labels their Pods.
// Kubernetes' ComputeHash (pkg/controller/controller_utils.go) runs FNV-32a over a spew dump of the
// Pod template, appends the collision count as 8 little-endian bytes when set, and passes the decimal
// digits of the sum through rand.SafeEncodeString (each character's code mod 27 picks a letter of
// the generateName alphabet). Here the dump is canonical JSON (sorted keys), so the hash is stable and
// has the real shape (up to 10 of the characters 4–9, b, c, d, f) but not the real value.
import { NAME_ALPHABET } from '../apiserver/names';
import type { PodTemplateSpec } from '../types';

/** JSON with object keys sorted and undefined members left out: one text per value. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** FNV-1a, 32 bits (Go's hash/fnv New32a). */
export function fnv32a(bytes: Uint8Array, hash = 0x811c9dc5): number {
	let h = hash;
	for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
	return h >>> 0;
}

/** rand.SafeEncodeString: no vowels and no 0/1/3, so a hash never spells a word. */
export const safeEncodeString = (s: string) => [...s].map((c) => NAME_ALPHABET[(c.codePointAt(0) ?? 0) % NAME_ALPHABET.length]).join('');

export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
	let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
	if (collisionCount !== undefined) {
		const bytes = new Uint8Array(8);
		new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
		h = fnv32a(bytes, h);
	}
	return safeEncodeString(String(h));
}
