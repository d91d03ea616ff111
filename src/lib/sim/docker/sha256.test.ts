import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Prng } from '../core/prng';
import { sha256, sha256Bytes } from './sha256';

describe('sha256', () => {
	// FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and the empty string.
	it.each([
		['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
		['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
		['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1']
	])('NIST vector %j', (input, hex) => expect(sha256(input)).toBe(hex));

	it('one million "a" (the NIST long message)', () => {
		expect(sha256('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
	});

	it('agrees with node:crypto on every length around the padding boundaries, and on random bytes', () => {
		const rng = new Prng('sha');
		for (let n = 0; n < 200; n++) {
			const bytes = Uint8Array.from({ length: n }, () => rng.int(256));
			expect(sha256Bytes(bytes), `length ${n}`).toBe(createHash('sha256').update(bytes).digest('hex'));
		}
		expect(sha256('é ✓ 🐳')).toBe(createHash('sha256').update('é ✓ 🐳', 'utf8').digest('hex'));
	});
});
