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
	/** How many of them (not terminating) each first owner has, by `spreadKey`: what PodTopologySpread counts. */
	owners: Map<string, number>;
}

/** What topology spreading counts Pods by: their namespace and first owner's uid. */
export const ownerKey = (namespace: string | undefined, owner: string) => `${namespace}\u0000${owner}`;

/** The owner key a Pod is counted under; none when it is terminating or has no owner. */
export function spreadKey(pod: Pod): string | undefined {
	const owner = pod.metadata.ownerReferences?.[0]?.uid;
	return owner && !pod.metadata.deletionTimestamp ? ownerKey(pod.metadata.namespace, owner) : undefined;
}

export const podKey = (pod: Pod) => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;

/** The Pods counted on one node name, with their sums (the node itself may not be known yet). */
interface Slot {
	pods: PodInfo[];
	/** keys[i] is the key of pods[i]. */
	keys: string[];
	requested: Resources;
	nonZeroRequested: Resources;
	owners: Map<string, number>;
}

/**
 * Kept up to date as Pods and Nodes change, not rebuilt per cycle: a rebuild walked every Pod for every
 * Pod scheduled (1,500 Pods on 50 nodes: a tenth of a large run). The order of a node's Pods is not
 * the order they came in (a removal moves the last one into its place); nothing reads that order, and
 * the sums are of integers, so they are exact whatever the order.
 */
export class SchedulerCache {
	private readonly nodes = new Map<string, Node>();
	/** Every non-terminal Pod the watch shows, bound or not, by namespace/name. */
	private readonly pods = new Map<string, PodInfo>();
	/** Pods decided but not yet seen bound: key → node. */
	private readonly assumed = new Map<string, string>();
	/** The node name each Pod is counted on: its spec.nodeName, else the node it is assumed on. */
	private readonly placed = new Map<string, string>();
	private readonly slots = new Map<string, Slot>();
	/** The snapshot's NodeInfos, over the live slots: rebuilt only when a Node comes, goes or changes. */
	private infos: NodeInfo[] | undefined;

	node(name: string): Node | undefined {
		return this.nodes.get(name);
	}

	setNode(node: Node): void {
		this.nodes.set(node.metadata.name, node);
		this.infos = undefined;
	}

	removeNode(name: string): void {
		this.nodes.delete(name);
		this.infos = undefined;
	}

	setPod(pod: Pod): void {
		const key = podKey(pod);
		this.pods.set(key, { pod, requests: podRequests(pod) });
		// The watch shows the binding: the assumption is confirmed (or replaced by whoever bound it).
		if (pod.spec.nodeName) this.assumed.delete(key);
		this.place(key);
	}

	removePod(key: string): void {
		this.pods.delete(key);
		this.assumed.delete(key);
		this.place(key);
	}

	pod(key: string): Pod | undefined {
		return this.pods.get(key)?.pod;
	}

	assume(key: string, node: string): void {
		this.assumed.set(key, node);
		this.place(key);
	}

	/** The binding failed: the room held for the Pod is free again. */
	forget(key: string): void {
		this.assumed.delete(key);
		this.place(key);
	}

	isAssumed(key: string): boolean {
		return this.assumed.has(key);
	}

	/**
	 * All nodes, in name order (so a cycle, and its random tie-break, never depends on arrival order).
	 * The NodeInfos are live views: read them within the cycle, never keep them.
	 */
	snapshot(): NodeInfo[] {
		this.infos ??= [...this.nodes.keys()].sort().map((name) => {
			const node = this.nodes.get(name) as Node;
			const a = node.status?.allocatable ?? {};
			const slot = this.slot(name);
			return {
				node,
				allocatable: { cpu: milliCpu(a.cpu), memory: bytes(a.memory), pods: Number(a.pods ?? 0) },
				pods: slot.pods,
				requested: slot.requested,
				nonZeroRequested: slot.nonZeroRequested,
				owners: slot.owners
			};
		});
		return this.infos;
	}

	/** Counts the Pod where it belongs now (and no longer where it was). */
	private place(key: string): void {
		const was = this.placed.get(key);
		if (was !== undefined) {
			this.take(was, key);
			this.placed.delete(key);
		}
		const info = this.pods.get(key);
		const on = info && (info.pod.spec.nodeName || this.assumed.get(key));
		if (!info || !on) return;
		const slot = this.slot(on);
		slot.pods.push(info);
		slot.keys.push(key);
		add(slot, info, 1);
		this.placed.set(key, on);
	}

	private take(name: string, key: string): void {
		const slot = this.slot(name);
		const i = slot.keys.indexOf(key);
		const info = slot.pods[i] as PodInfo;
		add(slot, info, -1);
		const last = slot.pods.length - 1;
		slot.pods[i] = slot.pods[last] as PodInfo;
		slot.keys[i] = slot.keys[last] as string;
		slot.pods.pop();
		slot.keys.pop();
	}

	private slot(name: string): Slot {
		let slot = this.slots.get(name);
		if (!slot) this.slots.set(name, (slot = { pods: [], keys: [], requested: { cpu: 0, memory: 0 }, nonZeroRequested: { cpu: 0, memory: 0 }, owners: new Map() }));
		return slot;
	}
}

function add(slot: Slot, { pod, requests: r }: PodInfo, sign: 1 | -1): void {
	const key = spreadKey(pod);
	if (key !== undefined) {
		const n = (slot.owners.get(key) ?? 0) + sign;
		if (n === 0) slot.owners.delete(key);
		else slot.owners.set(key, n);
	}
	slot.requested.cpu += sign * r.requested.cpu;
	slot.requested.memory += sign * r.requested.memory;
	slot.nonZeroRequested.cpu += sign * r.nonZero.cpu;
	slot.nonZeroRequested.memory += sign * r.nonZero.memory;
}
