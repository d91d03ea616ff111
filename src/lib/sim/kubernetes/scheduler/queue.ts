// The scheduling queue: activeQ, backoffQ and unschedulablePods reduced to what changes the traffic.
// A new Pod is tried at once, in arrival order (the watch delivers in revision order, so FIFO by
// creation). A Pod that fits nowhere waits as unschedulable until the cluster changes (a Node added or
// updated, a bound Pod deleted); then it is retried after its back-off: 1 s, doubling per attempt, at
// most 10 s (podInitialBackoffSeconds, podMaxBackoffSeconds). Each try is its own simulated event, so
// Pods are scheduled one at a time and each cycle is caused by what put its Pod in the queue.
import type { Timer } from '../../core/queue';

const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;

/** calculateBackOffDuration: 1 s after the first attempt, doubling, capped at 10 s. */
export function backoffMs(attempts: number): number {
	let d = INITIAL_BACKOFF_MS;
	for (let i = 1; i < attempts; i++) {
		d *= 2;
		if (d > MAX_BACKOFF_MS) return MAX_BACKOFF_MS;
	}
	return d;
}

interface Entry {
	attempts: number;
	lastAttempt: number;
	/** Waiting for a try (active or backing off) or for a cluster change (unschedulable). */
	state: 'waiting' | 'unschedulable';
	timer?: Timer;
}

export interface QueueClock {
	now(): number;
	after(ms: number, fn: () => void): Timer;
}

export class SchedulingQueue {
	private readonly entries = new Map<string, Entry>();
	/** Keys added before the caches synced, tried in order once they have (WaitForCacheSync). */
	private held: string[] | undefined = [];

	constructor(
		private readonly clock: QueueClock,
		private readonly tryPod: (key: string) => void
	) {}

	keys(): string[] {
		return [...this.entries.keys()];
	}

	has(key: string): boolean {
		return this.entries.has(key);
	}

	/** A Pod with no node appeared: try it now (or once the caches have synced). */
	add(key: string): void {
		if (this.entries.has(key)) return;
		this.entries.set(key, { attempts: 0, lastAttempt: 0, state: 'waiting' });
		if (this.held) this.held.push(key);
		else this.arm(key, 0);
	}

	start(): void {
		const held = this.held ?? [];
		this.held = undefined;
		for (const key of held) this.arm(key, 0);
	}

	/** A try ended without a node. */
	unschedulable(key: string): void {
		const e = this.entries.get(key);
		if (!e) return;
		e.state = 'unschedulable';
	}

	/** Counts a try (at the start of a scheduling cycle), for the back-off. */
	attempted(key: string): void {
		const e = this.entries.get(key);
		if (!e) return;
		e.attempts += 1;
		e.lastAttempt = this.clock.now();
	}

	/** The cluster changed in a way that may let waiting Pods fit: retry each after its back-off. */
	moveAllToActive(): void {
		for (const [key, e] of this.entries) if (e.state === 'unschedulable') this.retry(key);
	}

	/** Retry one Pod after its back-off (it changed, or its binding failed). */
	retry(key: string): void {
		const e = this.entries.get(key);
		if (!e || (e.state === 'waiting' && e.timer)) return;
		e.state = 'waiting';
		this.arm(key, Math.max(0, e.lastAttempt + backoffMs(e.attempts) - this.clock.now()));
	}

	/** The Pod is bound, deleted, or no longer ours: nothing left to do for it. */
	remove(key: string): void {
		this.entries.get(key)?.timer?.cancel();
		this.entries.delete(key);
		this.held = this.held?.filter((k) => k !== key);
	}

	private arm(key: string, ms: number): void {
		const e = this.entries.get(key);
		if (!e) return;
		e.timer = this.clock.after(ms, () => {
			e.timer = undefined;
			this.tryPod(key);
		});
	}
}
