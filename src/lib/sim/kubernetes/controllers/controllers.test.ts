import { describe, expect, it } from 'vitest';
import { deployment } from '../fixtures';
import { ok } from '../testing';
import { computeHash, fnv32a, safeEncodeString } from './hash';
import { cluster, shape } from './testing';

/** K1 then K2 as one script: the log it leaves. */
function k1k2(seed: string): string {
	const c = cluster(seed);
	ok(c.kubectl.create(deployment('nginx', 3)));
	c.pods().forEach((p, i) => c.run(p.metadata.name, `node-${(i % 3) + 1}`));
	ok(c.kubectl.scale('Deployment', { name: 'nginx' }, 5));
	c.pods()
		.filter((p) => !p.spec.nodeName)
		.forEach((p, i) => c.run(p.metadata.name, `node-${(i % 3) + 1}`));
	ok(c.kubectl.scale('Deployment', { name: 'nginx' }, 2));
	return c.cp.sim.trace.text();
}

describe('determinism and the hub rule', () => {
	it('same seed: the same log, byte for byte; another seed: other names', () => {
		const a = k1k2('det-a');
		expect(k1k2('det-a')).toBe(a);
		expect(a.split('\n').filter((l) => l.includes('DELETE'))).toHaveLength(3);
		expect(k1k2('det-b')).not.toBe(a);
	});

	it('every message has kube-apiserver at one end', () => {
		const c = cluster('hub');
		ok(c.kubectl.create(deployment('web', 4)));
		ok(c.kubectl.scale('Deployment', { name: 'web' }, 1));
		for (const m of c.cp.sim.trace.messages()) expect([m.from, m.to]).toContain('kube-apiserver');
	});
});

describe('pod-template-hash', () => {
	it('FNV-32a and SafeEncodeString as Kubernetes computes them', () => {
		expect(fnv32a(new TextEncoder().encode(''))).toBe(0x811c9dc5);
		expect(fnv32a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
		expect(safeEncodeString('0123456789')).toBe('456789bcdf');
	});

	it('depends on the template only, and on the collision count', () => {
		const t = deployment('nginx', 3).spec.template;
		expect(computeHash(t)).toBe(computeHash(structuredClone(t)));
		expect(computeHash(t)).not.toBe(computeHash(deployment('nginx', 3, 'nginx:1.27').spec.template));
		expect(computeHash(t, 1)).not.toBe(computeHash(t));
	});
});

describe('the ReplicaSet controller keeps the count', () => {
	it('replaces a Pod deleted by hand, with one create (batch 1)', () => {
		const c = cluster('replace');
		ok(c.kubectl.create(deployment('nginx', 3)));
		const victim = c.pods()[0]?.metadata.name ?? '';
		const mark = c.cp.sim.trace.entries.length;
		ok(c.kubectl.delete('Pod', { name: victim }));
		const posts = shape(c.cp)
			.slice(mark)
			.filter((l) => l.includes('POST /api/v1/namespaces/default/pods'));
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatch(/batch 1\)$/);
		expect(c.pods().map((p) => p.metadata.name)).not.toContain(victim);
		expect(c.pods()).toHaveLength(3);
	});

	it('expectations: a burst of events while its creates are in flight creates nothing twice', () => {
		const c = cluster('burst');
		ok(c.kubectl.create(deployment('nginx', 20)));
		const lines = shape(c.cp).filter((l) => l.includes('POST /api/v1/namespaces/default/pods'));
		expect(lines.map((l) => /batch (\d+)/.exec(l)?.[1]).join('')).toBe('1' + '22' + '3333' + '44444444' + '55555');
		expect(lines).toHaveLength(20);
		expect(c.pods()).toHaveLength(20);
	});

	it('a refused create stops the slow start: one request wasted, not twenty', () => {
		const c = cluster('refused');
		ok(c.kubectl.create(deployment('nginx', 20)));
		const rs = c.replicaSets()[0];
		// With its namespace gone (NamespaceLifecycle: 404), every create fails: each retry sends batch 1 only.
		ok(c.kubectl.delete('Namespace', { name: 'default' }));
		const mark = c.cp.sim.trace.entries.length;
		c.cp.action('scale the ReplicaSet', () => c.cp.client('kubectl').scale('ReplicaSet', { name: rs?.metadata.name ?? '' }, 30));
		c.cp.sim.queue.runUntil(c.cp.sim.now + 1000);
		const posts = shape(c.cp)
			.slice(mark)
			.filter((l) => l.includes('POST /api/v1/namespaces/default/pods'));
		expect(posts.length).toBeGreaterThan(0);
		expect(posts.every((l) => l.endsWith('batch 1)'))).toBe(true);
	});
});

describe('rolling update (template change)', () => {
	it('a new ReplicaSet grows within maxSurge while the old one shrinks within maxUnavailable, to 4 new Pods', () => {
		const c = cluster('rollout');
		ok(c.kubectl.create(deployment('nginx', 4)));
		const runAll = () => {
			for (let i = 0; i < 20; i++) {
				const pending = c.pods().filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp);
				if (pending.length === 0) return;
				pending.forEach((p, j) => c.run(p.metadata.name, `node-${(j % 3) + 1}`));
				c.cp.sim.queue.runUntilIdle();
			}
		};
		runAll();
		const old = c.replicaSets()[0]?.metadata.name;
		const d = c.deployment('nginx');
		ok(c.kubectl.update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }));
		// Surge: 4 + 1 Pods at most; unavailable: at least 4 - 1 available.
		const sizes = c.replicaSets().map((rs) => rs.spec.replicas ?? 0);
		expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5);
		runAll();
		const rss = c.replicaSets();
		expect(rss).toHaveLength(2);
		expect(rss.find((rs) => rs.metadata.name === old)?.spec.replicas).toBe(0);
		const fresh = rss.find((rs) => rs.metadata.name !== old);
		expect(fresh?.spec.replicas).toBe(4);
		expect(fresh?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
		expect(c.deployment('nginx').status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
	});
});
