// Seeded node faults for property tests of a whole cluster: power cuts and returns, network cuts and
// reconnections of random nodes at random times, and (with a cloud) the deletion of one VM. Each fault
// is a user action in the record.
import type { Prng } from '../../core/prng';
import type { Cluster } from './cluster';

const FAULTS = {
	off: (c: Cluster, node: string) => c.cp.action(`power off ${node}`, () => c.nodes[node]?.powerOff()),
	on: (c: Cluster, node: string) => c.cp.action(`power on ${node}`, () => c.nodes[node]?.powerOn()),
	cut: (c: Cluster, node: string) => c.cp.action(`cut ${node} off the network`, () => c.nodes[node]?.disconnect()),
	reconnect: (c: Cluster, node: string) => c.cp.action(`${node} network restored`, () => c.nodes[node]?.reconnect())
};

/** Schedules `count` faults over `spanMs` from now; with a cloud, maybe deletes node-3's VM. Returns a description. */
export function randomFaults(c: Cluster, rng: Prng, count: number, spanMs: number): string[] {
	const { queue } = c.cp.sim;
	const plan: string[] = [];
	for (let i = 0; i < count; i++) {
		const node = rng.pick(c.nodeNames);
		const at = queue.now + rng.int(spanMs);
		const fault = rng.pick(['off', 'on', 'cut', 'reconnect'] as const);
		plan.push(`${at} ${fault} ${node}`);
		queue.schedule({ at }, () => FAULTS[fault](c, node), null);
	}
	if (c.cloud && rng.int(3) === 0) {
		const at = queue.now + rng.int(spanMs);
		plan.push(`${at} deleteVm node-3`);
		queue.schedule({ at }, () => c.cp.action('delete the VM of node-3', () => c.deleteVm('node-3')), null);
	}
	return plan.sort((a, b) => parseInt(a) - parseInt(b));
}

/** Every node whose VM still exists is reconnected and powered on (the end of a fault run). */
export function powerOnAll(c: Cluster): void {
	for (const name of c.nodeNames) {
		if (c.cloud && !c.cloud.vms.has(name)) continue;
		FAULTS.reconnect(c, name);
		FAULTS.on(c, name);
	}
}
