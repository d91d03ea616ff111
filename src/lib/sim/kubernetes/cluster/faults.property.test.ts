import { describe, expect, it } from 'vitest';
import { kubernetesScene } from '$content/kubernetes/scene';
import { Prng } from '../../core/prng';
import { allComponents } from './all-components';
import { startCluster, type Cluster } from './cluster';
import { powerOnAll, randomFaults } from './random-faults';
import { converged, settle, startUp } from './settle';
import { hubRuleBreaks } from './testing';

const SEEDS = Array.from({ length: 6 }, (_, i) => `faults-${i}`);

/** K1 settled, random power and network cuts for 6 minutes, every node back, then settled again. */
function faultRun(seed: string): { c: Cluster; plan: string[] } {
	const c = startCluster({ seed, nodeLifecycle: true, cloud: true }, allComponents);
	startUp(c);
	c.kubectl.createDeployment('nginx', 'nginx', 3);
	settle(c);
	const plan = randomFaults(c, new Prng(seed).fork('faults'), 6, 360_000);
	c.cp.sim.queue.runUntil(c.cp.sim.now + 420_000);
	powerOnAll(c);
	const untainted = (x: Cluster) => x.nodeObjects().every((n) => !(n.spec.taints ?? []).length);
	settle(c, { until: (x) => converged(x) && untainted(x), limitMs: 600_000 });
	return { c, plan };
}

describe.each(SEEDS)('random node faults with the node controllers and a cloud, seed %s', (seed) => {
	const { c, plan } = faultRun(seed);
	const messages = c.cp.sim.trace.messages();

	it('recovers: every node back is Ready and untainted, 3/3 Pods Running on existing nodes', () => {
		expect(plan.length).toBeGreaterThan(0);
		const nodes = c.nodeObjects();
		expect(nodes.every((n) => n.status?.conditions?.find((x) => x.type === 'Ready')?.status === 'True')).toBe(true);
		expect(c.pods().filter((p) => p.status?.phase === 'Running')).toHaveLength(3);
		for (const p of c.pods()) expect(nodes.map((n) => n.metadata.name)).toContain(p.spec.nodeName);
	});

	it('keeps the hub rule and the scene connections', () => {
		expect(hubRuleBreaks(messages)).toEqual([]);
		const vias = new Set(kubernetesScene.connections.map((x) => x.id));
		expect(messages.filter((m) => !vias.has(m.via))).toEqual([]);
	});

	it('evicts a Pod at most once, and never one whose node had no NoExecute taint for 300 s', () => {
		const evictions = messages.filter((m) => m.summary.endsWith('(DisruptionTarget: DeletionByTaintManager)')).map((m) => /pods\/(\S+)\/status/.exec(m.summary)?.[1]);
		expect(new Set(evictions).size).toBe(evictions.length);
		const tainted = messages.filter((m) => m.summary.endsWith('(taint node.kubernetes.io/unreachable:NoExecute)'));
		for (const e of messages.filter((m) => m.summary.endsWith('(DisruptionTarget: DeletionByTaintManager)'))) expect(tainted.some((t) => e.time - t.time >= 300_000)).toBe(true);
	});

	it('is deterministic: the same seed gives the same record', () => {
		expect(faultRun(seed).c.cp.sim.trace.text()).toBe(c.cp.sim.trace.text());
	});
});
