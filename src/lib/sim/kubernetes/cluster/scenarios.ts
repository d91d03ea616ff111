// The recorded runs behind the walkthroughs (flows.md K1, K2): a starting cluster, the actions, and
// the record. Each scenario names what it starts from, so continuity comes from running the earlier one.
import { startCluster, type Cluster, type ClusterOptions } from './cluster';
import { Recording } from './record';
import { settle, startUp, wait } from './settle';

export interface Run {
	cluster: Cluster;
	recording: Recording;
	/** Trace entry ranges [from, to) of each section, by name. */
	sections: Record<string, { from: number; to: number }>;
}

/** K1: three nodes with their watches open, then `kubectl create deployment nginx --image=nginx --replicas=3`, until settled. */
export function k1(options: Partial<ClusterOptions> = {}, title = 'K1: kubectl create deployment nginx --image=nginx --replicas=3'): Run {
	const seed = options.seed ?? 'k1';
	const cluster = startCluster({ ...options, seed });
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
