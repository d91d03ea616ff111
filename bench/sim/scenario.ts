// The simulator's load test (issue 14): 50 nodes, 1,500 Pods (30 Deployments × 50), one hour of
// simulated time with a node failure every 10 minutes (node-k powered off at 10k min, back on 5 min
// later). Bundled by bench/sim/run.js and run in Node; it reports, it does not assert.
import { allComponents, startCluster, startUp, type Cluster, type ClusterOptions } from '$lib/sim/kubernetes/cluster';

export interface SimBenchResult {
	wallMs: number;
	simulatedMs: number;
	entries: number;
	messages: number;
	pods: number;
	running: number;
	peakHeapBytes: number;
	/** The cluster at the end, for a closer look (heap, state). */
	cluster: Cluster;
}

const MINUTE = 60_000;

export function runSimBench(options: Partial<ClusterOptions> = {}, heap: () => number = () => 0): SimBenchResult {
	const started = performance.now();
	const c = startCluster({ seed: 'bench', nodes: 50, ...options }, allComponents);
	startUp(c, 5_000);
	let peak = heap();
	for (let i = 0; i < 30; i++) c.kubectl.createDeployment(`web-${i}`, 'nginx', 50);
	const { queue, trace } = c.cp.sim;
	for (let minute = 1; minute <= 60; minute++) {
		queue.runUntil(minute * MINUTE);
		peak = Math.max(peak, heap());
		const failing = minute / 10;
		if (Number.isInteger(failing) && failing < 6) c.cp.sim.action(`power off node-${failing}`, () => c.nodes[`node-${failing}`]!.powerOff(), 'bench');
		const back = (minute - 5) / 10;
		if (Number.isInteger(back) && back >= 1 && back < 6) c.cp.sim.action(`power on node-${back}`, () => c.nodes[`node-${back}`]!.powerOn(), 'bench');
	}
	const pods = c.pods();
	return {
		wallMs: performance.now() - started,
		simulatedMs: queue.now,
		entries: trace.size,
		messages: trace.messages().length,
		pods: pods.length,
		running: pods.filter((p) => p.status?.phase === 'Running').length,
		peakHeapBytes: peak,
		cluster: c
	};
}
