// The rate-limited work queue of a real controller (client-go workqueue): a key is queued once however
// many events name it; a key being synced is not synced again until that sync ends (if it was named
// meanwhile it runs once more after); a failed sync is retried after 5 ms, doubling to 1000 s
// (ItemExponentialFailureRateLimiter). One worker: syncs of different keys interleave only through
// the asynchronous API calls they wait for.
import type { ComponentContext } from '../control-plane';

/** A sync calls `done()` when all its API calls have answered, `done(true)` to be retried. */
export type Sync = (key: string, done: (retry?: boolean) => void) => void;

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1_000_000;

export class WorkQueue {
	private readonly queued = new Set<string>();
	private readonly active = new Set<string>();
	private readonly dirty = new Set<string>();
	private readonly failures = new Map<string, number>();

	constructor(
		private readonly ctx: ComponentContext,
		private readonly sync: Sync,
		/** The failure back-off's first delay and cap (DefaultControllerRateLimiter's unless a controller sets its own). */
		private readonly backoff = { baseMs: BASE_DELAY_MS, maxMs: MAX_DELAY_MS }
	) {}

	add(key: string): void {
		if (this.active.has(key)) this.dirty.add(key);
		else if (!this.queued.has(key)) {
			this.queued.add(key);
			this.ctx.after(0, () => this.run(key));
		}
	}

	addAfter(key: string, ms: number): void {
		this.ctx.after(ms, () => this.add(key));
	}

	private run(key: string): void {
		this.queued.delete(key);
		this.active.add(key);
		let finished = false;
		this.sync(key, (retry) => {
			if (finished) return;
			finished = true;
			this.active.delete(key);
			if (retry) {
				const n = (this.failures.get(key) ?? 0) + 1;
				this.failures.set(key, n);
				this.addAfter(key, Math.min(this.backoff.baseMs * 2 ** (n - 1), this.backoff.maxMs));
			} else this.failures.delete(key);
			if (this.dirty.delete(key)) this.add(key);
		});
	}
}
