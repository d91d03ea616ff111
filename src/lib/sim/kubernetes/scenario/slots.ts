// Where a Pod is drawn: the scene has Pod slots per node (`pod-1a`, `pod-1b`, … inside node-1). A Pod
// takes the first slot on its node that no Pod has had yet in this run (the scene names each slot after
// one Pod, so a slot is never reused), when it is first seen bound there, unless the scene has a slot
// named after it (`named`, as the runtime is told too): then that one. A Pod with no node has no slot.
// Badges are the Pods' kubectl STATUS on their slots.
import type { Pod } from '../types';
import { podStatus } from '../cluster/tables';

const LETTERS = 'abcdefgh';

export class PodSlots {
	private readonly slotOf = new Map<string, string>();
	/** Every slot any Pod has had: a gone Pod's slot stays its own. */
	private readonly used = new Set<string>();

	/** `named`: the scene's slot for a Pod name, where the scene names one after it. */
	constructor(
		private readonly named: Record<string, string> = {},
		/** The scene's number of a node (pod-<n>a …): node-<n>'s number unless the cluster names its nodes otherwise. */
		private readonly index: (node: string) => string = (node) => node.replace(/^node-/, '')
	) {}

	/** Updates the slots from the Pods stored now (in the order given: oldest first). */
	update(pods: Pod[]): void {
		const names = new Set(pods.map((p) => p.metadata.name));
		for (const name of [...this.slotOf.keys()]) if (!names.has(name)) this.slotOf.delete(name);
		for (const p of pods) {
			const node = p.spec.nodeName && this.index(p.spec.nodeName);
			if (!node || this.slotOf.has(p.metadata.name)) continue;
			const slot = this.named[p.metadata.name] ?? [...LETTERS].map((l) => `pod-${node}${l}`).find((s) => !this.used.has(s))!;
			this.slotOf.set(p.metadata.name, slot);
			this.used.add(slot);
		}
	}

	/** Every slotted Pod's slot, by Pod name. */
	all(): Record<string, string> {
		return Object.fromEntries(this.slotOf);
	}

	slot(pod: string): string | undefined {
		return this.slotOf.get(pod);
	}

	/** Each slotted Pod's STATUS on its slot, for the slots `shown` keeps (those in the step's view). */
	badges(pods: Pod[], shown: (slot: string) => boolean): Record<string, string> {
		const out: Record<string, string> = {};
		for (const p of pods) {
			const slot = this.slotOf.get(p.metadata.name);
			if (slot && shown(slot)) out[slot] = podStatus(p);
		}
		return out;
	}
}
