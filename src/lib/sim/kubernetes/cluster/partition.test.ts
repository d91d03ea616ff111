import { describe, expect, it } from 'vitest';
import { inOrder } from '../node/testing';
import { k1 } from './scenarios';
import { wait } from './settle';
import { hubRuleBreaks } from './testing';

// A network cut between node-2 and the control plane: unlike a power cut, node-2's kubelet and its
// Pod run on, unheard. The control plane acts as for K3; when the network returns, the kubelet relists.
describe('node-2 cut off from kube-apiserver for 400 s, then reconnected', () => {
	const { cluster: c } = k1({ nodeLifecycle: true });
	const victim = c.pods().find((p) => p.spec.nodeName === 'node-2')?.metadata.name ?? '?';
	wait(c, 60_000);
	const cutAt = c.cp.sim.trace.entries.length;
	c.cp.action('cut node-2 off the network', () => c.nodes['node-2']?.disconnect());
	wait(c, 400_000);
	const during = c.cp.sim.trace.messages().filter((m) => m.id > (c.cp.sim.trace.entries[cutAt]?.id ?? 0));
	const running = c.nodes['node-2']?.runtime.list().filter((x) => x.state === 'RUNNING').length;
	const livePods = c.pods().filter((p) => !p.metadata.deletionTimestamp);
	const backAt = c.cp.sim.trace.entries.length;
	c.cp.action('node-2 network restored', () => c.nodes['node-2']?.reconnect());
	wait(c, 20_000);
	const after = c.cp.sim.trace.entries.slice(backAt).map((e) => (e.type === 'message' ? `${e.from} → ${e.to}: ${e.summary}` : `[${e.actor}] ${e.text}`));

	it('while cut: kubelet-2 keeps sending (Lease renewals) and nothing to or from it arrives', () => {
		const kubelet = during.filter((m) => m.from === 'kubelet-2' || m.to === 'kubelet-2');
		expect(kubelet.some((m) => m.from === 'kubelet-2' && m.summary.startsWith('PUT /apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-2'))).toBe(true);
		for (const m of kubelet) expect(m.summary, `#${m.id}`).toMatch(/\(lost: the network between kubelet-2 and kube-apiserver is cut\)$/);
	});

	it('the control plane sees K3: Unknown, taints, eviction after 300 s, a replacement elsewhere; the old Pod still runs', () => {
		expect(during.some((m) => m.summary === 'PUT /api/v1/nodes/node-2/status (Ready=Unknown: Kubelet stopped posting node status.)')).toBe(true);
		expect(during.some((m) => m.summary === `DELETE /api/v1/namespaces/default/pods/${victim}`)).toBe(true);
		expect(livePods).toHaveLength(3);
		expect(livePods.every((p) => p.spec.nodeName !== 'node-2')).toBe(true);
		// Two copies for a while: the replacement, and the evicted Pod's container on node-2, unaware.
		expect(running).toBe(1);
	});

	it('reconnected: relist, Ready=True, the Terminating Pod stopped gracefully and deleted, the taints lifted', () => {
		inOrder(after, [
			'[user] node-2 network restored',
			'kubelet-2 → kube-apiserver: GET /api/v1/pods?fieldSelector=spec.nodeName=node-2',
			'kubelet-2 → kube-apiserver: PATCH /api/v1/nodes/node-2/status (Ready=True (reconnected))',
			'kubelet-2 → kube-apiserver: POST /api/v1/namespaces/default/events (Killing: Stopping container nginx)',
			'runtime-2 → pod-2a: SIGQUIT to nginx',
			`kubelet-2 → kube-apiserver: DELETE /api/v1/namespaces/default/pods/${victim}?gracePeriodSeconds=0`,
			'kube-controller-manager → kube-apiserver: PATCH /api/v1/nodes/node-2 (remove taint node.kubernetes.io/unreachable:NoExecute)'
		]);
		expect(after).toContain('kube-controller-manager → kube-apiserver: PATCH /api/v1/nodes/node-2 (remove taint node.kubernetes.io/unreachable:NoSchedule)');
		expect(c.nodes['node-2']?.runtime.list().filter((x) => x.state === 'RUNNING')).toEqual([]);
		expect(c.nodeObjects().every((n) => !(n.spec.taints ?? []).length)).toBe(true);
		expect(hubRuleBreaks(c.cp.sim.trace.messages())).toEqual([]);
	});
});

describe('node-2 cut off for 100 s (not long enough for an eviction), then reconnected', () => {
	it('the kubelet sets the Pod the node controller marked Ready=False back to Ready=True, and the Deployment is 3/3 again', () => {
		const { cluster: c } = k1({ nodeLifecycle: true });
		const pod = c.pods().find((p) => p.spec.nodeName === 'node-2')?.metadata.name ?? '?';
		c.cp.action('cut node-2 off the network', () => c.nodes['node-2']?.disconnect());
		wait(c, 100_000);
		expect(c.pods().find((p) => p.metadata.name === pod)?.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
		const mark = c.cp.sim.trace.entries.length;
		c.cp.action('node-2 network restored', () => c.nodes['node-2']?.reconnect());
		wait(c, 10_000);
		const after = c.cp.sim.trace.entries.slice(mark).flatMap((e) => (e.type === 'message' ? [`${e.from} → ${e.to}: ${e.summary}`] : []));
		expect(after).toContain(`kubelet-2 → kube-apiserver: PATCH /api/v1/namespaces/default/pods/${pod}/status (Ready=True (the stored status said False))`);
		expect(c.deployments()[0]?.status).toMatchObject({ readyReplicas: 3, availableReplicas: 3 });
		expect(c.pods().map((p) => p.metadata.name)).toContain(pod);
	});
});
