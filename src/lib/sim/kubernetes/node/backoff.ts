// client-go's flowcontrol.Backoff as the kubelet uses it for crashed containers and failed pulls:
// 10 s initially, doubling to a 300 s cap, and an entry whose last update is more than 2 × the cap
// old (10 minutes) starts again from 10 s. See pkg/kubelet/kuberuntime (doBackOff) and
// pkg/kubelet/images (image pull back-off).

export const INITIAL_MS = 10_000;
export const MAX_MS = 300_000;

interface Entry {
	backoff: number;
	lastUpdate: number;
}

export class Backoff {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly initial = INITIAL_MS,
		private readonly max = MAX_MS
	) {}

	private expired(eventTime: number, e: Entry): boolean {
		return eventTime - e.lastUpdate > 2 * this.max;
	}

	/** Whether `now` is still inside the back-off that started at `eventTime` (IsInBackOffSince). */
	inBackOffSince(key: string, eventTime: number, now: number): boolean {
		const e = this.entries.get(key);
		if (!e || this.expired(eventTime, e)) return false;
		return now - eventTime < e.backoff;
	}

	/** Records an event at `eventTime`: the first (or first after a reset) sets 10 s, each later one doubles (Next). */
	next(key: string, eventTime: number): void {
		const e = this.entries.get(key);
		if (!e || this.expired(eventTime, e)) this.entries.set(key, { backoff: this.initial, lastUpdate: eventTime });
		else this.entries.set(key, { backoff: Math.min(e.backoff * 2, this.max), lastUpdate: eventTime });
	}

	/** The current back-off of a key in ms (0 if none). */
	get(key: string): number {
		return this.entries.get(key)?.backoff ?? 0;
	}

	/** When the back-off that started at `eventTime` ends. */
	until(key: string, eventTime: number): number {
		return eventTime + this.get(key);
	}

	forget(key: string): void {
		this.entries.delete(key);
	}
}
