// kube-scheduler: watches Pods and Nodes (LIST then WATCH), and for each Pod with no node runs one
// scheduling cycle: filter the nodes, score the ones that fit, pick the best (ties at random, as
// selectHost does), assume the Pod there and bind it with POST pods/<p>/binding. A Pod that fits
// nowhere gets PodScheduled=False (Unschedulable) with the FitError message and a FailedScheduling Event,
// and waits in the queue until the cluster changes. It talks to nothing but its ApiClient.
import { DEFAULT_EPOCH, type ComponentContext } from '../control-plane';
import { rfc3339 } from '../objects';
import type { Node, Pod } from '../types';
import { podKey, SchedulerCache } from './cache';
import { decide } from './decide';
import { recordEvent, SCHEDULER_NAME, setUnschedulable } from './report';
import { SchedulingQueue } from './queue';

export interface SchedulerOptions {
	/** Wall-clock time of simulated time 0, for Event and condition timestamps (the control plane's epochMs). */
	epochMs?: number;
	/** Create Scheduled / FailedScheduling Events (the real scheduler does); off makes a leaner trace. */
	events?: boolean;
}

// The real scheduler's Pod informer: every Pod that has not finished (pkg/scheduler/scheduler.go). A
// Pod that succeeds or fails leaves this watch (DELETED), which frees its room as a deletion does.
const POD_SELECTOR = 'status.phase!=Succeeded,status.phase!=Failed';

export { SCHEDULER_NAME };

export interface Scheduler {
	/** Pods the scheduler holds (waiting or unschedulable), for tests and tables. */
	pending(): string[];
	stop(): void;
}

export function startScheduler(ctx: ComponentContext, options: SchedulerOptions = {}): Scheduler {
	const { client } = ctx;
	const epochMs = options.epochMs ?? DEFAULT_EPOCH;
	const events = options.events ?? true;
	const timestamp = () => rfc3339(epochMs, ctx.now());
	const cache = new SchedulerCache();
	const queue = new SchedulingQueue(ctx, (key) => scheduleOne(key));
	/** The last FailedScheduling message per Pod: a repeat of the same verdict is not written again. */
	const lastFailure = new Map<string, string>();
	let synced = 0;
	const onSynced = () => {
		if (++synced === 2) queue.start();
	};

	const forget = (key: string) => {
		queue.remove(key);
		lastFailure.delete(key);
	};

	function podEvent(type: string, pod: Pod): void {
		const key = podKey(pod);
		if (type === 'DELETED') {
			const wasBound = !!cache.pod(key)?.spec.nodeName || cache.isAssumed(key);
			cache.removePod(key);
			forget(key);
			// Room freed on a node: Pods waiting for room may fit now.
			if (wasBound) queue.moveAllToActive();
			return;
		}
		const before = cache.pod(key);
		cache.setPod(pod);
		if (pod.spec.nodeName) return forget(key);
		if ((pod.spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME || pod.metadata.deletionTimestamp) return;
		if (!queue.has(key)) return queue.add(key);
		// The Pod itself changed (tolerations, nodeSelector, requests): it may fit now. Our own status
		// patch changes only status, which is no reason to retry.
		if (before && JSON.stringify(before.spec) !== JSON.stringify(pod.spec)) queue.retry(key);
	}

	function nodeEvent(type: string, node: Node): void {
		const name = node.metadata.name;
		const before = cache.node(name);
		if (type === 'DELETED') return cache.removeNode(name);
		cache.setNode(node);
		// Heartbeats (conditions) change nothing the filters read; cordon, taints, labels and allocatable do.
		const relevant = (n: Node | undefined) => JSON.stringify([n?.spec.unschedulable, n?.spec.taints, n?.metadata.labels, n?.status?.allocatable]);
		if (!before || relevant(before) !== relevant(node)) queue.moveAllToActive();
	}

	function scheduleOne(key: string): void {
		const pod = cache.pod(key);
		if (!pod || pod.spec.nodeName || cache.isAssumed(key) || pod.metadata.deletionTimestamp) return forget(key);
		queue.attempted(key);
		const result = decide(pod, cache.snapshot(), ctx.rng);
		if (!result.node) {
			queue.unschedulable(key);
			if (lastFailure.get(key) === result.message) return;
			lastFailure.set(key, result.message);
			setUnschedulable(client, pod, result.message, timestamp());
			if (events) recordEvent(client, pod, 'Warning', 'FailedScheduling', result.message, epochMs + ctx.now());
			return;
		}
		const node = result.node;
		cache.assume(key, node);
		client.bind(
			{ name: pod.metadata.name, namespace: pod.metadata.namespace },
			node,
			{
				note: `bind Pod ${pod.metadata.name} to ${node}: ${result.message}`,
				done: (r) => {
					if (r.ok) {
						forget(key);
						if (events) recordEvent(client, pod, 'Normal', 'Scheduled', `Successfully assigned ${key} to ${node}`, epochMs + ctx.now());
						return;
					}
					cache.forget(key);
					// 409: already bound (by someone else) or being deleted; 404: gone. Either way not ours any more.
					if (r.code === 409 || r.code === 404) return forget(key);
					queue.retry(key);
				}
			}
		);
	}

	const pods = client.watch('Pod', { fieldSelector: POD_SELECTOR, onEvent: (e) => podEvent(e.type, e.object), onSynced });
	const nodes = client.watch('Node', { onEvent: (e) => nodeEvent(e.type, e.object), onSynced });
	return {
		pending: () => queue.keys().sort(),
		stop() {
			pods.stop();
			nodes.stop();
		}
	};
}
