// A live page starts its cluster with loadCluster (the optional components fetched as chunks), Node
// code with startCluster(options, allComponents). Both must give the same run: same seed + actions →
// the same trace, byte for byte, with every optional component taking part.
import { describe, expect, it } from 'vitest';
import { allComponents } from './all-components';
import { startCluster, type Cluster, type ClusterOptions } from './cluster';
import type { ComponentFlag } from './components';
import { loadCluster, loadComponents } from './load';
import { clusterTables } from './record';
import { settle, startUp, wait } from './settle';
import { servicePropagated } from './k5';

const FLAGS: ComponentFlag[] = ['nodeLifecycle', 'endpoints', 'garbageCollector', 'kubeProxy', 'cloud'];
const EVERYTHING: ClusterOptions = { seed: 'live', nodeLifecycle: true, endpoints: true, garbageCollector: true, kubeProxy: true, cloud: true };

/** Create, expose on the cloud's load balancer, two requests, node-2 off past the eviction timeout and back, delete: every optional component acts. */
function drive(c: Cluster): string {
	startUp(c);
	c.kubectl.createDeployment('nginx', 'nginx', 3);
	settle(c);
	c.kubectl.expose('nginx', 80, 'LoadBalancer');
	settle(c, { until: (x) => servicePropagated(x, 'nginx', 3) && !!x.services()[0]?.status?.loadBalancer.ingress?.length, limitMs: 60_000 });
	let answers = 0;
	c.request('nginx', () => answers++);
	c.request('nginx', () => answers++);
	settle(c, { until: () => answers === 2 });
	c.nodes['node-2']!.powerOff();
	wait(c, 400_000);
	c.nodes['node-2']!.powerOn();
	settle(c, { limitMs: 120_000 });
	c.kubectl.deleteDeployment('nginx');
	settle(c, { until: (x) => x.pods().length === 0 && x.replicaSets().length === 0, limitMs: 120_000 });
	return `${c.cp.sim.trace.text()}\n${JSON.stringify(clusterTables(c))}`;
}

describe('loadCluster (a live page) and startCluster with allComponents (Node) give the same run', () => {
	it('loads nothing optional for the default options, and for one flag just that module', async () => {
		expect(await loadComponents({ seed: 'x' })).toEqual({});
		for (const flag of FLAGS) {
			const loaded = await loadComponents({ seed: 'x', [flag]: true });
			expect(Object.keys(loaded).filter((k) => loaded[k as ComponentFlag])).toEqual([flag]);
			expect(loaded[flag]).toBe(allComponents[flag]);
		}
	});

	it('same seed and actions with every component on: the same trace and tables, byte for byte', async () => {
		const live = drive(await loadCluster(EVERYTHING));
		const node = drive(startCluster(EVERYTHING, allComponents));
		// The run did reach every optional component (else the comparison would prove little).
		for (const line of [
			'cloud-controller-manager → cloud-api: EnsureLoadBalancer(',
			'kube-controller-manager → kube-apiserver: POST /apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
			'kube-proxy-1',
			'load-balancer → kube-proxy-',
			'node.kubernetes.io/unreachable',
			'kube-controller-manager → kube-apiserver: DELETE /apis/apps/v1/namespaces/default/replicasets/'
		])
			expect(live).toContain(line);
		expect(live).toBe(node);
	});

	it('refuses to start a switched-on component it was not given, rather than run without it', () => {
		for (const flag of FLAGS) expect(() => startCluster({ seed: 'x', [flag]: true })).toThrow(`startCluster({ ${flag}: true }) needs that component`);
	});
});
