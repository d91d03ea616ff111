// The recorded runs behind the walkthroughs (flows.md K1, K2): a starting cluster, the actions, and
// the record. Each scenario names what it starts from, so continuity comes from running the earlier one.
import { allComponents } from './all-components';
import { startCluster, type Cluster, type ClusterOptions } from './cluster';
import { Recording } from './record';
import type { TraceEntry } from '../../core/trace';
import { UNREACHABLE } from '../controllers/taints';
import { converged, settle, startUp, wait } from './settle';

export interface Run {
	cluster: Cluster;
	recording: Recording;
	/** Trace entry ranges [from, to) of each section, by name. */
	sections: Record<string, { from: number; to: number }>;
}

/** K1: three nodes with their watches open, then `kubectl create deployment nginx --image=nginx --replicas=3`, until settled. */
export function k1(options: Partial<ClusterOptions> = {}, title = 'K1: kubectl create deployment nginx --image=nginx --replicas=3'): Run {
	const seed = options.seed ?? 'k1';
	const cluster = startCluster({ ...options, seed }, allComponents);
	const recording = new Recording(cluster, `${title} (seed ${String(seed)}, ${cluster.nodeNames.length} nodes)`);
	const sections: Run['sections'] = {
		startUp: recording.section('Before the command: every component opens its watches (LIST, then WATCH)', () => startUp(cluster)),
		create: recording.section('kubectl create deployment nginx --image=nginx --replicas=3, until settled', () => {
			cluster.kubectl.createDeployment('nginx', 'nginx', 3);
			settle(cluster);
		})
	};
	return { cluster, recording, sections };
}

/** K1's two sections: a scenario continuing K1 records from here. */
export const K1_SECTIONS = 2;

/**
 * K2, continuing K1 (the same run: same seed, same K1 sections). A minute later `kubectl scale
 * deployment nginx --replicas=5`; once 5/5, a minute later `--replicas=2`, until the victims are gone.
 * The minutes make the ranking's "ready for less time" tell old Pods from new ones, as in the
 * walkthrough; each node's registry token (300 s) is still valid, so a new Pod's pull is one HEAD.
 */
export function k2(options: Partial<ClusterOptions> = {}): Run {
	const run = k1(options, 'K2: from K1 settled, scale to 5, then to 2');
	const { cluster, recording, sections } = run;
	const scale = (n: number) => () => {
		cluster.kubectl.scale('nginx', n);
		settle(cluster);
	};
	const minute = () => wait(cluster, 60_000);
	sections.minute1 = recording.section('A minute passes (heartbeats only)', minute);
	sections.up = recording.section('kubectl scale deployment nginx --replicas=5, until settled', scale(5));
	sections.minute2 = recording.section('A minute passes (heartbeats only)', minute);
	sections.down = recording.section('kubectl scale deployment nginx --replicas=2, until settled', scale(2));
	return run;
}

/** A healthy node's heartbeats: Lease renewals, and a kubelet's periodic node status, not caused by a user action. */
export function healthyHeartbeat(c: Cluster, e: TraceEntry): boolean {
	const chain = c.cp.sim.trace.why(e.id);
	if (chain.some((x) => x.type === 'note' && x.text === 'renew Lease')) return true;
	if (chain.some((x) => x.type === 'note' && x.actor === 'user')) return false;
	return chain.some((x) => x.type === 'message' && x.from.startsWith('kubelet-') && /^PATCH \/api\/v1\/nodes\/[^/ ]+\/status/.test(x.summary));
}

/** What a long record leaves out: the running nodes' heartbeats (`Recording.section`'s omit). */
const heartbeatsOmitted = (c: Cluster) => ({ test: (e: TraceEntry) => healthyHeartbeat(c, e), what: 'Lease renewals and node status posts of the running nodes, and their watch events' });

const tainted = (c: Cluster, node: string, key: string) => c.nodeObjects().some((n) => n.metadata.name === node && (n.spec.taints ?? []).some((t) => t.key === key && t.effect === 'NoExecute'));

/**
 * K3 (flows.md): from K1 settled with the node lifecycle and taint eviction controllers on, a minute
 * later node-2 loses power. ~50 s on: Ready=Unknown, its Pod Ready=False, the unreachable taints;
 * 300 s after the NoExecute taint: the Pod is deleted (Terminating: no kubelet to finish it) and
 * replaced on node-1 or node-3. Then node-2 comes back: taints lifted, the old Pod finished.
 */
export function k3(options: Partial<ClusterOptions> = {}): Run {
	const run = k1({ ...options, nodeLifecycle: true }, 'K3: from K1 settled, node-2 loses power, then comes back');
	const { cluster: c, recording, sections } = run;
	const omit = heartbeatsOmitted(c);
	const node2 = () => c.nodes['node-2'];
	sections.minute = recording.section('A minute passes (heartbeats only)', () => wait(c, 60_000), omit);
	sections.down = recording.section(
		'node-2 loses power: until the node controller has marked it Unknown and tainted it',
		() => {
			c.cp.action('power off node-2', () => node2()?.powerOff());
			settle(c, { until: () => tainted(c, 'node-2', UNREACHABLE), limitMs: 120_000 });
		},
		omit
	);
	const replaced = () => {
		const live = c.pods().filter((p) => !p.metadata.deletionTimestamp);
		return live.length === 3 && live.every((p) => p.spec.nodeName !== 'node-2' && p.status?.phase === 'Running') && (c.deployments()[0]?.status?.availableReplicas ?? 0) === 3;
	};
	sections.evict = recording.section('tolerationSeconds 300 run out: the Pod is deleted and replaced, until 3/3 available', () => settle(c, { until: replaced, limitMs: 400_000 }), omit);
	sections.up = recording.section(
		'node-2 is powered on: until its taints are gone and the old Pod is finished',
		() => {
			c.cp.action('power on node-2', () => node2()?.powerOn());
			settle(c, { until: (x) => converged(x) && !tainted(x, 'node-2', UNREACHABLE) && x.nodeObjects().every((n) => !(n.spec.taints ?? []).length), limitMs: 120_000 });
		},
		omit
	);
	return run;
}

/**
 * K3's other ending (flows.md: "…or the Node object is deleted by the cloud-controller-manager when the
 * VM is gone; then pod GC force-deletes them"): K1 settled on a cloud (node controllers, ccm), a minute,
 * then node-2's VM is deleted. Ready=Unknown ~50 s on; the ccm finds no VM and deletes the Node; pod GC
 * force-deletes its Pod after 40 s of quarantine; the ReplicaSet replaces it, long before 300 s.
 */
export function k3VmDeleted(options: Partial<ClusterOptions> = {}): Run {
	const run = k1({ ...options, nodeLifecycle: true, cloud: true }, 'K3 on a cloud: node-2’s VM is deleted');
	const { cluster: c, recording, sections } = run;
	const omit = heartbeatsOmitted(c);
	sections.minute = recording.section('A minute passes (heartbeats only)', () => wait(c, 60_000), omit);
	const gone = (x: Cluster) => x.nodeObjects().every((n) => n.metadata.name !== 'node-2');
	const replaced = (x: Cluster) => gone(x) && x.pods().length === 3 && x.pods().every((p) => p.spec.nodeName !== 'node-2' && p.status?.phase === 'Running') && converged(x);
	sections.deleted = recording.section(
		'node-2’s VM is deleted: until the Node is gone, its Pod force-deleted by pod GC and replaced',
		() => {
			c.cp.action('delete the VM of node-2', () => c.deleteVm('node-2'));
			settle(c, { until: replaced, limitMs: 300_000 });
		},
		omit
	);
	return run;
}
