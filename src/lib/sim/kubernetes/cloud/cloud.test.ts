import { describe, expect, it } from 'vitest';
import { kubernetesScene } from '$content/kubernetes/scene';
import { allComponents } from '../cluster/all-components';
import { startCluster, type Cluster } from '../cluster/cluster';
import { settle, startUp, wait } from '../cluster/settle';
import { hubRuleBreaks } from '../cluster/testing';
import { CloudApi, requestText } from './cloud-api';
import { loadBalancerName } from './service';
import { Sim } from '../../core/sim';

const lines = (c: Cluster, from = 0) => c.cp.sim.trace.lines().slice(from).map((l) => l.replace(/^t=\S+ \S+ /, ''));
const mark = (c: Cluster) => c.cp.sim.trace.entries.length;

function cloudCluster(seed: string, nodeLifecycle = true): Cluster {
	const c = startCluster({ seed, cloud: true, nodeLifecycle }, allComponents);
	startUp(c);
	c.kubectl.createDeployment('nginx', 'nginx', 3);
	settle(c);
	return c;
}

describe('the cloud API alone: requests in, answers out', () => {
	it.each([
		['InstanceExists of a running VM', { op: 'InstanceExists', node: 'node-1' } as const, 'running', '200 OK: VM node-1 exists'],
		['InstanceShutdown of a stopped VM', { op: 'InstanceShutdown', node: 'node-1' } as const, 'stopped', '200 OK: VM node-1 is stopped'],
		['InstanceShutdown of a running VM', { op: 'InstanceShutdown', node: 'node-1' } as const, 'running', '200 OK: VM node-1 is running'],
		['InstanceExists of a deleted VM', { op: 'InstanceExists', node: 'node-1' } as const, 'deleted', '404 Not Found: no VM node-1']
	])('%s', (_, req, state, answer) => {
		const cloud = new CloudApi(new Sim('cloud'), ['node-1']);
		if (state === 'deleted') cloud.deleteVm('node-1');
		else cloud.setPower('node-1', state as 'running' | 'stopped');
		let said = '';
		cloud.serve(req, (_r, summary) => (said = summary));
		expect(said).toBe(answer);
		expect(requestText(req)).toBe(`${req.op}(node-1)`);
	});
});

describe('cloud-controller-manager in a cluster (cloud: true)', () => {
	it('power off node-2: its VM is stopped; once not Ready, the ccm asks the cloud and adds the shutdown taint; power on lifts it', () => {
		const c = cloudCluster('ccm-shutdown');
		const m = mark(c);
		c.cp.action('power off node-2', () => c.nodes['node-2']?.powerOff());
		expect(c.cloud?.vms.get('node-2')?.power).toBe('stopped');
		wait(c, 70_000);
		const after = lines(c, m);
		expect(after).toContain('cloud-controller-manager → cloud-api: InstanceExists(node-2)');
		expect(after).toContain('cloud-api → cloud-controller-manager: 200 OK: VM node-2 is stopped');
		expect(after).toContain('cloud-controller-manager → kube-apiserver: PATCH /api/v1/nodes/node-2 (taint node.cloudprovider.kubernetes.io/shutdown:NoSchedule)');
		// The shutdown taint is noted once, however many 5 s passes ask the cloud again.
		expect(after.filter((l) => l.startsWith('[cloud-controller-manager]'))).toHaveLength(1);
		expect(after.filter((l) => l === 'cloud-controller-manager → cloud-api: InstanceShutdown(node-2)').length).toBeGreaterThan(1);
		const m2 = mark(c);
		c.cp.action('power on node-2', () => c.nodes['node-2']?.powerOn());
		wait(c, 10_000);
		expect(lines(c, m2)).toContain('cloud-controller-manager → kube-apiserver: PATCH /api/v1/nodes/node-2 (remove taint node.cloudprovider.kubernetes.io/shutdown:NoSchedule)');
		expect(c.nodeObjects().find((n) => n.metadata.name === 'node-2')?.spec.taints ?? []).toEqual([]);
	});

	it('deleteVm: once node-2 is not Ready the ccm finds no VM and deletes the Node; the scheduler and kcm hear it', () => {
		const c = cloudCluster('ccm-delete', false);
		const m = mark(c);
		c.cp.action('delete the VM of node-2', () => c.deleteVm('node-2'));
		// Without the node lifecycle controller nothing marks node-2 not Ready: the ccm leaves it alone.
		wait(c, 70_000);
		expect(lines(c, m).some((l) => l.includes('cloud-api'))).toBe(false);
		const d = cloudCluster('ccm-delete');
		const m2 = mark(d);
		d.cp.action('delete the VM of node-2', () => d.deleteVm('node-2'));
		wait(d, 70_000);
		const after = lines(d, m2);
		expect(after).toContain('cloud-api → cloud-controller-manager: 404 Not Found: no VM node-2');
		expect(after).toContain('[cloud-controller-manager] node-2: not Ready and its VM no longer exists, so delete the Node');
		expect(after).toContain('cloud-controller-manager → kube-apiserver: POST /api/v1/namespaces/default/events (DeletingNode: Deleting node node-2 because it does not exist in the cloud provider)');
		expect(after).toContain('cloud-controller-manager → kube-apiserver: DELETE /api/v1/nodes/node-2 (its VM no longer exists)');
		expect(after).toContain('kube-apiserver → kube-scheduler: watch: Node node-2 DELETED');
		expect(d.nodeObjects().map((n) => n.metadata.name)).toEqual(['node-1', 'node-3']);
		// Pod GC: 40 s of quarantine after it first misses the Node, then Failed and force-deleted; the ReplicaSet replaces it.
		const orphan = d.pods().find((p) => p.spec.nodeName === 'node-2')?.metadata.name ?? '?';
		settle(d, { until: (x) => x.pods().every((p) => p.spec.nodeName !== 'node-2') && x.pods().length === 3, limitMs: 120_000 });
		const gc = lines(d, m2);
		expect(gc).toContain(`kube-controller-manager → kube-apiserver: PATCH /api/v1/namespaces/default/pods/${orphan}/status (Failed, DisruptionTarget: DeletionByPodGC)`);
		expect(gc).toContain(`kube-controller-manager → kube-apiserver: DELETE /api/v1/namespaces/default/pods/${orphan}?gracePeriodSeconds=0`);
		expect(d.pods().every((p) => p.status?.phase === 'Running')).toBe(true);
		// Powering on a machine whose VM is gone does nothing.
		d.nodes['node-2']?.powerOn();
		expect(d.nodes['node-2']?.kubelet).toBeDefined();
	});

	it('kubectl expose --type=LoadBalancer: EnsureLoadBalancer on the cloud, the LB programmed, the ingress IP in the Service status', () => {
		const c = cloudCluster('ccm-lb', false);
		const m = mark(c);
		c.kubectl.expose('nginx', 80, 'LoadBalancer');
		wait(c, 30_000);
		const svc = c.cp.apiserver.storage.get('/registry/services/specs/default/nginx') as import('../types').Service;
		const ip = svc.status?.loadBalancer.ingress?.[0]?.ip ?? '';
		expect(ip).toMatch(/^20\.50\.\d+\.\d+$/);
		const name = loadBalancerName(svc);
		const after = lines(c, m);
		const nodePort = svc.spec.ports[0]?.nodePort;
		expect(after).toContain(`cloud-controller-manager → cloud-api: EnsureLoadBalancer(${name} for default/nginx: 80 → NodePort ${nodePort}; backends node-1, node-2, node-3)`);
		expect(after.some((l) => l.startsWith(`cloud-api → load-balancer: program ${name}: frontend ${ip}:80`))).toBe(true);
		expect(after).toContain(`cloud-api → cloud-controller-manager: 200 OK: load balancer ${name} ready, frontend IP ${ip}`);
		expect(after).toContain(`cloud-controller-manager → kube-apiserver: PATCH /api/v1/namespaces/default/services/nginx/status (loadBalancer.ingress ${ip})`);
		const events = after.filter((l) => l.startsWith('cloud-controller-manager → kube-apiserver: POST /api/v1/namespaces/default/events'));
		expect(events.map((l) => /\((\w+):/.exec(l)?.[1])).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
		// Deleting the Service removes the load balancer.
		c.cp.action('kubectl delete service nginx', () => c.cp.client('kubectl', 'student').delete('Service', { name: 'nginx' }));
		wait(c, 5_000);
		expect(lines(c, m)).toContain(`cloud-api → cloud-controller-manager: 200 OK: load balancer ${name} deleted`);
		expect(lines(c, m).filter((l) => l.includes('LoadBalancer:')).map((l) => /\((\w+):/.exec(l)?.[1])).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer', 'DeletingLoadBalancer', 'DeletedLoadBalancer']);
	});

	it('a Node deleted (its VM gone): the service controller updates the load balancer’s backends', () => {
		const c = cloudCluster('ccm-lb-nodes');
		c.kubectl.expose('nginx', 80, 'LoadBalancer');
		wait(c, 30_000);
		const svc = c.cp.apiserver.storage.get('/registry/services/specs/default/nginx') as import('../types').Service;
		const name = loadBalancerName(svc);
		const m = mark(c);
		c.cp.action('delete the VM of node-2', () => c.deleteVm('node-2'));
		wait(c, 80_000);
		const after = lines(c, m);
		expect(after).toContain(`[cloud-controller-manager] default/nginx: the Nodes are now node-1, node-3, so update load balancer ${name}`);
		expect(after).toContain(`cloud-controller-manager → cloud-api: UpdateLoadBalancer(${name} for default/nginx; backends node-1, node-3)`);
		expect(after).toContain(`cloud-api → load-balancer: update ${name}: backend pool node-1, node-3`);
		expect(after).toContain('cloud-controller-manager → kube-apiserver: POST /api/v1/namespaces/default/events (UpdatedLoadBalancer: Updated load balancer with new hosts)');
	});

	it('hub rule: only ccm ↔ cloud-api and cloud-api → load-balancer bypass kube-apiserver; every via is a scene connection', () => {
		const c = cloudCluster('ccm-hub');
		c.kubectl.expose('nginx', 80, 'LoadBalancer');
		c.cp.action('power off node-3', () => c.nodes['node-3']?.powerOff());
		wait(c, 80_000);
		const all = c.cp.sim.trace.messages();
		expect(hubRuleBreaks(all)).toEqual([]);
		const vias = new Set(kubernetesScene.connections.map((x) => x.id));
		expect(all.filter((x) => !vias.has(x.via))).toEqual([]);
		expect(all.some((x) => x.via === 'ccm-cloud') && all.some((x) => x.via === 'cloud-lb') && all.some((x) => x.via === 'api-ccm')).toBe(true);
	});
});
