import { describe, expect, it } from 'vitest';
import { deployment } from '../fixtures';
import { ok } from '../testing';
import { HASH_LABEL } from './deployment-util';
import { cluster, shape } from './testing';

const KCM = 'kube-controller-manager';

// flows.md K1 steps 4–5 and 12, K2: the Deployment controller makes one ReplicaSet named by the
// template's hash; the ReplicaSet controller makes the Pods in slow-start batches; status rolls up.
describe('K1: kubectl create deployment nginx --replicas=3, with the controllers running', () => {
	const c = cluster('k1');
	c.cp.action('kubectl create deployment nginx --image=nginx --replicas=3', () => c.cp.client('kubectl').create(deployment('nginx', 3)));
	c.cp.sim.queue.runUntilIdle();
	const d = c.deployment('nginx');
	const [rs, ...more] = c.replicaSets();

	it('opens one watch per kind for kube-controller-manager: Deployments, ReplicaSets, Pods', () => {
		const watches = shape(c.cp).filter((l) => l.startsWith(`${KCM} → kube-apiserver: GET`) && l.includes('watch=true'));
		expect(watches.map((l) => l.split(' ')[4]?.split('?')[0])).toEqual(['/apis/apps/v1/deployments', '/apis/apps/v1/replicasets', '/api/v1/pods']);
	});

	it('creates one ReplicaSet nginx-<pod-template-hash>, owned by the Deployment, replicas 3', () => {
		expect(more).toEqual([]);
		const hash = rs?.metadata.labels?.[HASH_LABEL] ?? '';
		expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
		expect(rs?.metadata.name).toBe(`nginx-${hash}`);
		expect(rs?.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
		expect(rs?.spec).toMatchObject({ replicas: 3, selector: { matchLabels: { app: 'nginx', [HASH_LABEL]: hash } }, template: { metadata: { labels: { app: 'nginx', [HASH_LABEL]: hash } } } });
		expect(shape(c.cp)).toContain(`${KCM} → kube-apiserver: POST /apis/apps/v1/namespaces/default/replicasets (replicas 3, owner Deployment nginx)`);
	});

	it('creates 3 Pods with generateName in batches 1 then 2, batch 2 only after batch 1 answered', () => {
		const lines = shape(c.cp);
		const name = rs?.metadata.name ?? '';
		const post = (b: number) => `${KCM} → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName ${name}-, batch ${b})`;
		const b1 = lines.indexOf(post(1));
		const created1 = lines.findIndex((l, i) => i > b1 && l.startsWith(`kube-apiserver → ${KCM}: 201 Created: ${name}-`));
		expect(lines.filter((l) => l === post(1))).toHaveLength(1);
		expect(lines.filter((l) => l === post(2))).toHaveLength(2);
		expect(lines.filter((l) => l.includes('POST /api/v1/namespaces/default/pods'))).toHaveLength(3);
		expect(created1).toBeGreaterThan(b1);
		expect(lines.indexOf(post(2))).toBeGreaterThan(created1);
	});

	it('each Pod: named by the API server, owned by the ReplicaSet, Pending, with the two 300 s tolerations', () => {
		const pods = c.pods();
		expect(pods).toHaveLength(3);
		for (const p of pods) {
			expect(p.metadata.name).toMatch(new RegExp(`^${rs?.metadata.name}-[b-z2-9]{5}$`));
			expect(p.metadata.generateName).toBe(`${rs?.metadata.name}-`);
			expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs?.metadata.name, uid: rs?.metadata.uid, controller: true });
			expect(p.spec.nodeName).toBeUndefined();
			expect(p.status?.phase).toBe('Pending');
			expect(p.spec.tolerations?.map((t) => `${t.key} ${t.effect} ${t.tolerationSeconds}`)).toEqual(['node.kubernetes.io/not-ready NoExecute 300', 'node.kubernetes.io/unreachable NoExecute 300']);
		}
	});

	it('status before any Pod runs: ReplicaSet replicas 3 ready 0; Deployment not yet Available, Progressing', () => {
		expect(c.replicaSets()[0]?.status).toMatchObject({ replicas: 3, readyReplicas: 0, availableReplicas: 0, observedGeneration: 1 });
		expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 3 });
		expect(d.status?.conditions?.map((x) => `${x.type}=${x.status} ${x.reason}`).sort()).toEqual(['Available=False MinimumReplicasUnavailable', 'Progressing=True ReplicaSetUpdated']);
	});

	it('step 12: once the Pods run and are ready, ReplicaSet 3/3 and Deployment 3/3 Available, rollout complete', () => {
		c.pods().forEach((p, i) => c.run(p.metadata.name, `node-${i + 1}`));
		c.cp.sim.queue.runUntilIdle();
		expect(c.replicaSets()[0]?.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
		const status = c.deployment('nginx').status;
		expect(status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0 });
		expect(status?.conditions?.map((x) => `${x.type}=${x.status} ${x.reason}: ${x.message}`).sort()).toEqual([
			'Available=True MinimumReplicasAvailable: Deployment has minimum availability.',
			`Progressing=True NewReplicaSetAvailable: ReplicaSet "${rs?.metadata.name}" has successfully progressed.`
		]);
	});

	it('keeps the hub rule: every message has kube-apiserver at one end', () => {
		for (const m of c.cp.sim.trace.messages()) expect([m.from, m.to], `#${m.id}`).toContain('kube-apiserver');
	});
});

describe('K2: scale to 5, then to 2', () => {
	const c = cluster('k2');
	ok(c.kubectl.create(deployment('nginx', 3)));
	// The walkthrough's arrangement: a on node-1, b on node-2, c on node-3, all ready for ten minutes.
	const [a, b, cc] = c.pods().map((p) => p.metadata.name);
	c.run(a as string, 'node-1');
	c.run(b as string, 'node-2');
	c.run(cc as string, 'node-3');
	c.wait(600_000);
	const rs = c.replicaSets()[0];
	const before = c.cp.sim.trace.entries.length;
	c.cp.action('kubectl scale deployment nginx --replicas=5', () => c.cp.client('kubectl').scale('Deployment', { name: 'nginx' }, 5));
	c.cp.sim.queue.runUntilIdle();
	const up = shape(c.cp).slice(before);

	it('up: the same ReplicaSet is resized to 5 (no new one), and 2 more Pods come in batches 1 then 2', () => {
		expect(c.replicaSets().map((r) => [r.metadata.name, r.spec.replicas])).toEqual([[rs?.metadata.name, 5]]);
		expect(up).toContain(`${KCM} → kube-apiserver: PUT /apis/apps/v1/namespaces/default/replicasets/${rs?.metadata.name} (replicas 5)`);
		expect(up.filter((l) => l.includes('POST /api/v1/namespaces/default/pods')).map((l) => l.split(', ')[1])).toEqual(['batch 1)', 'batch 2)']);
		expect(up.filter((l) => l.includes('POST /apis/apps/v1/namespaces/default/replicasets'))).toEqual([]);
		expect(c.pods()).toHaveLength(5);
	});

	it('down: deletes the two on doubled-up nodes ready for less time, then one of the tied pair; never the one alone', () => {
		const [d, e] = c.pods().map((p) => p.metadata.name).filter((n) => ![a, b, cc].includes(n));
		c.wait(60_000);
		c.run(d as string, 'node-1');
		c.run(e as string, 'node-2');
		c.wait(60_000);
		const mark = c.cp.sim.trace.entries.length;
		c.cp.action('kubectl scale deployment nginx --replicas=2', () => c.cp.client('kubectl').scale('Deployment', { name: 'nginx' }, 2));
		c.cp.sim.queue.runUntilIdle();
		const deletes = shape(c.cp)
			.slice(mark)
			.filter((l) => l.startsWith(`${KCM} → kube-apiserver: DELETE`));
		const victims = deletes.map((l) => /pods\/(\S+)/.exec(l)?.[1]);
		expect(victims).toHaveLength(3);
		expect(victims.slice(0, 2).sort()).toEqual([d, e].sort());
		expect([a, b]).toContain(victims[2]);
		expect(victims).not.toContain(cc);
		expect(deletes[0]).toMatch(/node with 2 replicas\)$|ready for less time\)$/);
		// Terminating Pods stay stored for their grace period but no longer count.
		expect(c.pods()).toHaveLength(5);
		expect(c.replicaSets()[0]?.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
		expect(c.deployment('nginx').status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
		expect(c.pods().filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort()).toEqual([...victims].sort());
	});
});
