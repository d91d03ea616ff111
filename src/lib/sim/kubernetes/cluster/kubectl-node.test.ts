import { describe, expect, it } from 'vitest';
import { inOrder } from '../node/testing';
import { allComponents } from './all-components';
import { startCluster, type Cluster } from './cluster';
import { settle, startUp, wait } from './settle';
import { nodesTable } from './tables';
import type { NodeDone } from './kubectl-node';

const lines = (c: Cluster, from: number) => c.cp.sim.trace.entries.slice(from).map((e) => (e.type === 'message' ? `${e.from} → ${e.to}: ${e.summary}` : `[${e.actor}] ${e.text}`));

function k1(seed: string, nodeLifecycle = true): Cluster {
	const c = startCluster({ seed, nodeLifecycle }, allComponents);
	startUp(c);
	c.kubectl.createDeployment('nginx', 'nginx', 3);
	settle(c);
	return c;
}

describe('kubectl cordon, uncordon, drain (as kubernetes-admin)', () => {
	it('cordon: GET, PATCH unschedulable; the node lifecycle controller adds the unschedulable taint; uncordon undoes both', () => {
		const c = k1('cordon');
		let out: Parameters<NodeDone>[0] | undefined;
		const mark = c.cp.sim.trace.entries.length;
		c.admin.cordon('node-2', (r) => (out = r));
		wait(c, 2_000);
		expect(out).toEqual({ ok: true, output: 'node/node-2 cordoned' });
		inOrder(lines(c, mark), [
			'[user] kubectl cordon node-2',
			'kubectl → kube-apiserver: GET /api/v1/nodes/node-2',
			'kubectl → kube-apiserver: PATCH /api/v1/nodes/node-2',
			'[kube-controller-manager] node-2: Ready=True, unschedulable, so taint node.kubernetes.io/unschedulable:NoSchedule',
			'kube-controller-manager → kube-apiserver: PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/unschedulable:NoSchedule)'
		]);
		expect(nodesTable(c.nodeObjects()).rows[1]).toEqual(['node-2', 'Ready,SchedulingDisabled', 'unschedulable:NoSchedule']);
		c.admin.cordon('node-2', (r) => (out = r));
		wait(c, 1_000);
		expect(out).toEqual({ ok: true, output: 'node/node-2 already cordoned' });
		c.admin.uncordon('node-2', (r) => (out = r));
		wait(c, 2_000);
		expect(out).toEqual({ ok: true, output: 'node/node-2 uncordoned' });
		expect(nodesTable(c.nodeObjects()).rows[1]).toEqual(['node-2', 'Ready', '<none>']);
	});

	it('student may not cordon: 403 from RBAC (patch nodes)', () => {
		const c = k1('cordon-403', false);
		let out: Parameters<NodeDone>[0] | undefined;
		c.cp.action('kubectl cordon node-2 (as student)', () => c.cp.client('kubectl', 'student').patch('Node', { name: 'node-2' }, { spec: { unschedulable: true } }, { done: (r) => (out = r.ok ? { ok: true, output: '' } : r) }));
		wait(c, 1_000);
		expect(out).toMatchObject({ ok: false, code: 403 });
	});

	it('drain: cordon, list the node’s Pods, evict each, poll until gone; the ReplicaSet replaces it elsewhere', () => {
		const c = k1('drain');
		const victim = c.pods().find((p) => p.spec.nodeName === 'node-2')?.metadata.name ?? '?';
		let out: Parameters<NodeDone>[0] | undefined;
		const mark = c.cp.sim.trace.entries.length;
		c.admin.drain('node-2', (r) => (out = r));
		settle(c, { until: (x) => out !== undefined && x.pods().length === 3 && x.pods().every((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp), limitMs: 60_000 });
		expect(out).toEqual({ ok: true, output: 'node/node-2 drained' });
		inOrder(lines(c, mark), [
			'[user] kubectl drain node-2 --ignore-daemonsets',
			'kubectl → kube-apiserver: PATCH /api/v1/nodes/node-2',
			'kubectl → kube-apiserver: GET /api/v1/pods?fieldSelector=spec.nodeName=node-2',
			`kubectl → kube-apiserver: POST /api/v1/namespaces/default/pods/${victim}/eviction (drain node-2)`,
			'[kube-apiserver] authenticated kubernetes-admin; RBAC allows create pods/eviction',
			// Two writes, as the eviction REST does them: DisruptionTarget (EvictionByEvictionAPI), then the graceful delete.
			`kube-apiserver → etcd: write /registry/pods/default/${victim}`,
			`kube-apiserver → etcd: write /registry/pods/default/${victim}`,
			'kube-apiserver → kubectl: 201 Created (eviction: Pod is Terminating, grace 30 s)',
			// nginx stops on SIGQUIT well within the first second: the first poll already gets 404.
			`kubelet-2 → kube-apiserver: DELETE /api/v1/namespaces/default/pods/${victim}?gracePeriodSeconds=0`,
			`kubectl → kube-apiserver: GET /api/v1/namespaces/default/pods/${victim}`,
			`kube-apiserver → kubectl: 404 Not Found: pods "${victim}" not found`
		]);
		expect(c.pods().map((p) => p.spec.nodeName).sort()).not.toContain('node-2');
	});

	it('drain --disable-eviction: a DELETE for each Pod instead', () => {
		const c = k1('drain-delete');
		const victim = c.pods().find((p) => p.spec.nodeName === 'node-2')?.metadata.name ?? '?';
		let out: Parameters<NodeDone>[0] | undefined;
		const mark = c.cp.sim.trace.entries.length;
		c.admin.drain('node-2', (r) => (out = r), { disableEviction: true });
		wait(c, 5_000);
		expect(out).toEqual({ ok: true, output: 'node/node-2 drained' });
		expect(lines(c, mark)).toContain(`kubectl → kube-apiserver: DELETE /api/v1/namespaces/default/pods/${victim} (drain node-2)`);
	});

	it('drain refuses Pods with no controller (without --force), after cordoning', () => {
		const c = k1('drain-bare');
		c.cp.action('a bare Pod on node-2', () =>
			c.cp.client('kubectl').create({ kind: 'Pod', metadata: { name: 'bare', namespace: 'default' }, spec: { nodeName: 'node-2', containers: [{ name: 'c', image: 'nginx' }] } })
		);
		wait(c, 1_000);
		let out: Parameters<NodeDone>[0] | undefined;
		c.admin.drain('node-2', (r) => (out = r));
		wait(c, 2_000);
		expect(out).toEqual({ ok: false, code: 0, message: 'cannot delete Pods that declare no controller (use --force to override): default/bare' });
		expect(c.nodeObjects().find((n) => n.metadata.name === 'node-2')?.spec.unschedulable).toBe(true);
	});
});
