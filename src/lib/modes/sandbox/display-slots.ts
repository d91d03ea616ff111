// Where each live Pod is drawn: the sandbox scene has a few anonymous slots per node (pod-1a … pod-1d).
// A Pod keeps its slot for as long as it exists on that node; a new Pod takes its node's first free
// slot (slots are reused, unlike the walkthroughs' named ones); Pods beyond the slots are counted per
// node, drawn only as that count on the node, and listed in the tables and the log. Pure.
export interface SlottedPod {
	name: string;
	node?: string;
}

export interface SlotPlan {
	/** Pod name → slot id. */
	slotOf: Map<string, string>;
	/** Node name → how many of its Pods have no slot. */
	unslotted: Map<string, number>;
}

export class DisplaySlots {
	private readonly slotOf = new Map<string, string>();

	constructor(private readonly letters: string) {}

	update(pods: SlottedPod[]): SlotPlan {
		const here = new Map(pods.filter((p) => p.node).map((p) => [p.name, p.node!]));
		for (const [pod, slot] of this.slotOf) if (here.get(pod) !== nodeOfSlot(slot)) this.slotOf.delete(pod);
		const taken = new Set(this.slotOf.values());
		const unslotted = new Map<string, number>();
		for (const [pod, node] of here) {
			if (this.slotOf.has(pod)) continue;
			const n = node.replace(/^node-/, '');
			const free = [...this.letters].map((l) => `pod-${n}${l}`).find((s) => !taken.has(s));
			if (free) {
				this.slotOf.set(pod, free);
				taken.add(free);
			} else unslotted.set(node, (unslotted.get(node) ?? 0) + 1);
		}
		return { slotOf: new Map(this.slotOf), unslotted };
	}
}

const nodeOfSlot = (slot: string) => `node-${/^pod-(\d+)/.exec(slot)?.[1]}`;
