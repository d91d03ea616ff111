// Where a Pod is drawn: the scene has Pod slots per node (`pod-1a`, `pod-1b`, … inside node-1). A Pod
// takes the first free slot on its node when it is first seen bound there, and keeps it until it is
// gone; a Pod with no node has no slot. Badges are the Pods' kubectl STATUS on their slots.
import type { Pod } from '../types';
import { podStatus } from '../cluster/tables';

const LETTERS = 'abcdefgh';

export class PodSlots {
	private readonly slotOf = new Map<string, string>();

	/** Updates the slots from the Pods stored now (in the order given: oldest first). */
	update(pods: Pod[]): void {
		const names = new Set(pods.map((p) => p.metadata.name));
		for (const name of [...this.slotOf.keys()]) if (!names.has(name)) this.slotOf.delete(name);
		const taken = new Set(this.slotOf.values());
		for (const p of pods) {
			const node = p.spec.nodeName?.replace(/^node-/, '');
			if (!node || this.slotOf.has(p.metadata.name)) continue;
			const slot = [...LETTERS].map((l) => `pod-${node}${l}`).find((s) => !taken.has(s))!;
			this.slotOf.set(p.metadata.name, slot);
			taken.add(slot);
		}
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
