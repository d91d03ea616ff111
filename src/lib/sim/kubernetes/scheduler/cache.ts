// The scheduler's cache, built only from its watch events (an informer's store), plus "assumed" Pods:
// a Pod the scheduler has decided to put on a node counts against that node at once, before the
// binding's answer arrives, so the next Pod in the queue does not take the same room (the real
// scheduler's assume/forget). A snapshot of it is what one scheduling cycle filters and scores.
import type { Node, Pod } from '../types';
import { bytes, milliCpu, podRequests, type PodRequests, type Resources } from './quantity';

export interface PodInfo {
	pod: Pod;
	requests: PodRequests;
}

/** One node as a scheduling cycle sees it (framework.NodeInfo). */
export interface NodeInfo {
	node: Node;
	allocatable: Resources & { pods: number };
	pods: PodInfo[];
	/** Sum of the real requests of the Pods on the node. */
	requested: Resources;
	/** Sum of their non-zero requests (what LeastAllocated counts). */
	nonZeroRequested: Resources;
}

export const podKey = (pod: Pod) => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;

export class SchedulerCache {
	readonly nodes = new Map<string, Node>();
	/** Every non-terminal Pod the watch shows, bound or not, by namespace/name. */
	private readonly pods = new Map<string, PodInfo>();
	/** Pods decided but not yet seen bound: key → node. */
	private readonly assumed = new Map<string, string>();

	setPod(pod: Pod): void {
		const key = podKey(pod);
		this.pods.set(key, { pod, requests: podRequests(pod) });
		// The watch shows the binding: the assumption is confirmed (or replaced by whoever bound it).
		if (pod.spec.nodeName) this.assumed.delete(key);
	}

	removePod(key: string): void {
		this.pods.delete(key);
		this.assumed.delete(key);
	}

	pod(key: string): Pod | undefined {
		return this.pods.get(key)?.pod;
	}

	assume(key: string, node: string): void {
		this.assumed.set(key, node);
	}

	/** The binding failed: the room held for the Pod is free again. */
	forget(key: string): void {
		this.assumed.delete(key);
	}

	isAssumed(key: string): boolean {
		return this.assumed.has(key);
	}

	/** All nodes, in name order (so a cycle, and its random tie-break, never depends on arrival order). */
	snapshot(): NodeInfo[] {
		const infos = new Map<string, NodeInfo>();
		for (const name of [...this.nodes.keys()].sort()) {
			const node = this.nodes.get(name) as Node;
			const a = node.status?.allocatable ?? {};
			infos.set(name, {
				node,
				allocatable: { cpu: milliCpu(a.cpu), memory: bytes(a.memory), pods: Number(a.pods ?? 0) },
				pods: [],
				requested: { cpu: 0, memory: 0 },
				nonZeroRequested: { cpu: 0, memory: 0 }
			});
		}
		for (const [key, info] of this.pods) {
			const on = info.pod.spec.nodeName || this.assumed.get(key);
			const n = on ? infos.get(on) : undefined;
			if (!n) continue;
			n.pods.push(info);
			n.requested.cpu += info.requests.requested.cpu;
			n.requested.memory += info.requests.requested.memory;
			n.nonZeroRequested.cpu += info.requests.nonZero.cpu;
			n.nonZeroRequested.memory += info.requests.nonZero.memory;
		}
		return [...infos.values()];
	}
}
