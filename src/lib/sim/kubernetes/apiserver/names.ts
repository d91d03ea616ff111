// metadata.generateName: the API server appends five random characters (names.SimpleNameGenerator in
// k8s.io/apiserver). The alphabet has no vowels and no confusable characters (0, 1, 3), so generated
// names never spell words; it is utilrand.String's alphabet.
import type { Prng } from '../../core/prng';

export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SUFFIX_LENGTH = 5;
/** A name is at most 63 characters, so the base is cut to leave room for the suffix. */
const MAX_BASE = 63 - SUFFIX_LENGTH;

export function generateName(base: string, rng: Prng): string {
	let suffix = '';
	for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += NAME_ALPHABET[rng.int(NAME_ALPHABET.length)];
	return base.slice(0, MAX_BASE) + suffix;
}

const HEX = '0123456789abcdef';

/** A version-4-shaped UUID from the PRNG (metadata.uid), so uids are deterministic too. */
export function uuid(rng: Prng): string {
	// A loop over a digit table, not Array.from/toString/join: every object created gets a uid.
	const hex = (n: number) => {
		let s = '';
		for (let i = 0; i < n; i++) s += HEX[rng.int(16)];
		return s;
	};
	return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
}
