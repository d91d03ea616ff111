// What a pod worker shares with its kubelet: the API client, the CRI, the event recorder, the clock
// and timers, and the node-wide back-off tables and pull queue.
import type { Timer } from '../../core/queue';
import type { ApiClient } from '../client';
import type { Backoff } from './backoff';
import type { CriClient } from './cri';
import type { EventRecorder } from './events';
import type { PodWorker } from './pod-worker';

export interface KubeletDeps {
	node: string;
	hostIP: string;
	epochMs: number;
	client: ApiClient;
	cri: CriClient;
	events: EventRecorder;
	now(): number;
	/** RFC 3339 of now + offsetMs. */
	timestamp(offsetMs?: number): string;
	/** A timer that powerOff cancels. */
	after(ms: number, fn: () => void, note?: string): Timer;
	crashBackoff: Backoff;
	pullBackoff: Backoff;
	/** When each (Pod uid, image) pull last failed. */
	pullFailures: Map<string, number>;
	pulls: PullQueue;
	/** PLEG should report this container's exit to this worker (undefined: no longer, it is being stopped). */
	watchContainer(id: string, worker: PodWorker | undefined): void;
	/** The worker is finished (the Pod is gone from the API, or never will run here). */
	forget(worker: PodWorker): void;
}

/** serializeImagePulls: one PullImage at a time; the next waits for `free`. */
export class PullQueue {
	private busy = false;
	private readonly waiting: ((free: () => void) => void)[] = [];

	run(job: (free: () => void) => void): void {
		if (this.busy) return void this.waiting.push(job);
		this.busy = true;
		job(() => this.next());
	}

	private next(): void {
		const job = this.waiting.shift();
		if (!job) return void (this.busy = false);
		job(() => this.next());
	}

	clear(): void {
		this.busy = false;
		this.waiting.length = 0;
	}
}
