// A seeded pseudo-random number generator, so a run is a pure function of its seed and actions.
// sfc32 (Chris Doty-Humphrey's Small Fast Counter, passes PractRand) seeded through cyrb128, as in
// bryc's well-known collection: four 32-bit words of state, a few integer ops per draw, identical in
// Node and every browser because it uses only Math.imul and 32-bit integer arithmetic.

/** cyrb128: hashes a string into four 32-bit words, used to seed sfc32 and to derive forks. */
function cyrb128(text: string): [number, number, number, number] {
	let h1 = 1779033703,
		h2 = 3144134277,
		h3 = 1013904242,
		h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Prng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	/**
	 * @param seed any number or string; the same seed always gives the same sequence.
	 * The key is kept (not the running state) so that fork(label) does not depend on how many numbers
	 * were drawn before it: adding a draw in one component never shifts another component's stream.
	 */
	constructor(readonly key: string | number) {
		[this.a, this.b, this.c, this.d] = cyrb128(String(key));
		// Discard the first outputs, as recommended for sfc32, so similar seeds diverge at once.
		for (let i = 0; i < 12; i++) this.nextUint32();
	}

	/** A uniformly distributed unsigned 32-bit integer. */
	nextUint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		if (!Number.isInteger(n) || n <= 0) throw new RangeError(`Prng.int needs a positive integer, got ${n}`);
		return Math.floor(this.next() * n);
	}

	/** An integer in [min, max], both ends included (e.g. a latency of 1–5 ms). */
	between(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('Prng.pick from an empty array');
		return items[this.int(items.length)] as T;
	}

	/**
	 * An independent stream named by label, derived from this stream's key (not its position): the
	 * same label always gives the same stream. Give each component and purpose its own label.
	 */
	fork(label: string): Prng {
		return new Prng(`${String(this.key)}/${label}`);
	}
}
