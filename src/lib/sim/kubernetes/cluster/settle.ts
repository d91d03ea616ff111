// Running a cluster to a resting point. Periodic timers (Lease renewals every 10 s, PLEG relists, node
// status every 5 min) keep the event queue from ever going idle, so "settled" means: the state has
// converged and, for `quietMs`, nothing but heartbeats has been sent.
import type { TraceEntry } from '../../core/trace';
import type { Cluster } from './cluster';

/** Every component's watches are open (LIST then WATCH answered): the scene's "before the command". */
export function startUp(c: Cluster, limitMs = 1000): number {
	const { queue, trace } = c.cp.sim;
	const expected = c.watches;
	// Counted as entries arrive (not from the whole trace after every step, which grew with the cluster).
	let open = 0;
	let seen = 0;
	const count = () => {
		for (const e of trace.slice(seen)) if (e.type === 'message' && e.from === 'kube-apiserver' && e.summary.startsWith('200 OK: watching ')) open++;
		seen = trace.size;
		return open;
	};
	while (count() < expected) {
		if (!queue.step() || queue.now > limitMs) throw new Error(`start-up: ${open}/${expected} watches open at t=${queue.now} ms`);
	}
	return trace.size;
}

// A message belongs to a heartbeat when what it answers or reports is a Lease or a Node's own status.
const HEARTBEAT = /\/leases\/|\/registry\/leases\/|\/nodes\/[^/ ]+\/status|\/registry\/minions\/|^watch: Node \S+ MODIFIED/;

/** Whether the entry is part of a Lease renewal or a node status post (following its causes back). */
export function isHeartbeat(c: Cluster, e: TraceEntry): boolean {
	return c.cp.sim.trace.why(e.id).some((x) => (x.type === 'message' ? HEARTBEAT.test(x.summary) : x.text === 'renew Lease'));
}

/** Deployments and ReplicaSets at their desired counts, every Pod Running and Ready, none Terminating. */
export function converged(c: Cluster): boolean {
	const pods = c.pods();
	const podsOk = pods.every((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'));
	const rsOk = c.replicaSets().every((r) => {
		const s = r.status;
		const want = r.spec.replicas ?? 1;
		return s?.replicas === want && (s.readyReplicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= (r.metadata.generation ?? 0);
	});
	const depOk = c.deployments().every((d) => {
		const s = d.status;
		const want = d.spec.replicas ?? 1;
		return s?.replicas === want && s.updatedReplicas === want && s.readyReplicas === want && s.availableReplicas === want && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
	});
	return podsOk && rsOk && depOk;
}

export interface SettleOptions {
	/** Default: `converged`. */
	until?: (c: Cluster) => boolean;
	/** How long nothing but heartbeats must have been sent (default 1 s). */
	quietMs?: number;
	/** Give up (throw) after this much simulated time (default 5 min). */
	limitMs?: number;
	/** Time slice the clock advances by between checks (default 100 ms): the end time is a multiple of it. */
	sliceMs?: number;
}

/** Runs until `until` holds and the cluster has been quiet for `quietMs`; returns the simulated time. */
export function settle(c: Cluster, options: SettleOptions = {}): number {
	const { until = converged, quietMs = 1000, limitMs = 300_000, sliceMs = 100 } = options;
	const { queue, trace } = c.cp.sim;
	const deadline = queue.now + limitMs;
	let seen = trace.size;
	let busy = queue.now;
	for (;;) {
		queue.runUntil(Math.floor(queue.now / sliceMs) * sliceMs + sliceMs);
		const fresh = trace.slice(seen);
		seen = trace.size;
		for (const e of fresh) if (e.type === 'message' && !isHeartbeat(c, e)) busy = Math.max(busy, e.time);
		if (until(c) && queue.now - busy >= quietMs) return queue.now;
		if (queue.now >= deadline) throw new Error(`not settled after ${limitMs} ms (t=${queue.now} ms)`);
	}
}

/** Runs the clock forward by ms (heartbeats and all). */
export function wait(c: Cluster, ms: number): void {
	c.cp.sim.queue.runUntil(c.cp.sim.now + ms);
}
