// The simulated clock and its discrete-event queue. Simulated time never follows the wall clock:
// it jumps to the next event. Events at the same time run in the order they were scheduled (a
// sequence number breaks ties), so a run is deterministic however its events interleave.

/** Id of the log entry (message or note) that led to something; null when nothing did. */
export type Cause = number | null;

export type When = { at: number } | { after: number };

export interface Timer {
	readonly at: number;
	/** Neither run nor cancelled yet. */
	readonly pending: boolean;
	cancel(): void;
}

// A class, not an object literal with its own cancel closure: a large run schedules ~500,000 events,
// many of them timers that outlive a young-generation collection, so their size is old-space garbage.
class Entry implements Timer {
	cancelled = false;
	ran = false;

	constructor(
		readonly at: number,
		readonly seq: number,
		readonly fn: (cause: Cause) => void,
		readonly cause: Cause
	) {}

	get pending(): boolean {
		return !this.ran && !this.cancelled;
	}

	cancel(): void {
		this.cancelled = true;
	}
}

/** Entries are compared by time, then by the order they were scheduled in. */
const before = (x: Entry, y: Entry) => x.at < y.at || (x.at === y.at && x.seq < y.seq);

export class EventQueue {
	/** Simulated time in milliseconds since the start of the run. */
	now = 0;
	/** The cause of the event being run, so work done inside it can name what led to it. */
	cause: Cause = null;
	private heap: Entry[] = [];
	private seq = 0;

	get size(): number {
		return this.heap.length;
	}

	/** Runs fn at a time (absolute, or after a delay from now), with `cause` as the ambient cause. */
	schedule(when: When, fn: (cause: Cause) => void, cause: Cause = this.cause): Timer {
		const at = 'at' in when ? when.at : this.now + when.after;
		if (!(at >= this.now)) throw new RangeError(`cannot schedule at ${at} ms: it is already ${this.now} ms`);
		const entry = new Entry(at, this.seq++, fn, cause);
		this.push(entry);
		return entry;
	}

	/** Runs the next event, if any; returns false when the queue is empty. */
	step(): boolean {
		for (;;) {
			const entry = this.pop();
			if (!entry) return false;
			if (entry.cancelled) continue;
			entry.ran = true;
			this.now = entry.at;
			this.cause = entry.cause;
			try {
				entry.fn(entry.cause);
			} finally {
				this.cause = null;
			}
			return true;
		}
	}

	/** Runs every event up to and including time t, then sets the clock to t. */
	runUntil(t: number): void {
		while (this.heap.length > 0 && (this.heap[0] as Entry).at <= t) this.step();
		if (t > this.now) this.now = t;
	}

	/** Runs until nothing is left; throws after `limit` events, which signals a loop that never settles. */
	runUntilIdle(limit = 100_000): number {
		let ran = 0;
		while (this.step()) if (++ran >= limit && this.heap.length > 0) throw new Error(`not idle after ${limit} events (t=${this.now} ms)`);
		return ran;
	}

	/** Runs fn now, outside any event, with the given cause as the ambient cause (for actions). */
	within<T>(cause: Cause, fn: () => T): T {
		const saved = this.cause;
		this.cause = cause;
		try {
			return fn();
		} finally {
			this.cause = saved;
		}
	}

	// A binary min-heap: O(log n) per event keeps a 1,500-Pod hour fast.
	private push(entry: Entry): void {
		const h = this.heap;
		h.push(entry);
		let i = h.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!before(entry, h[p] as Entry)) break;
			h[i] = h[p] as Entry;
			i = p;
		}
		h[i] = entry;
	}

	private pop(): Entry | undefined {
		const h = this.heap;
		const top = h[0];
		const last = h.pop();
		if (h.length === 0 || !last) return top;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= h.length) break;
			const r = l + 1;
			const c = r < h.length && before(h[r] as Entry, h[l] as Entry) ? r : l;
			if (!before(h[c] as Entry, last)) break;
			h[i] = h[c] as Entry;
			i = c;
		}
		h[i] = last;
		return top;
	}
}
