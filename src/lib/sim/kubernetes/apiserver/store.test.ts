import { describe, expect, it } from 'vitest';
import { ControlPlane } from '../control-plane';
import { deployment, node, pod } from '../fixtures';
import { ok, syncClient } from '../testing';
import type { Deployment, Toleration } from '../types';
import { NAME_ALPHABET } from './names';

const setup = () => {
	const cp = new ControlPlane({ seed: 'store', nodes: ['node-1'] });
	return { cp, kubectl: syncClient(cp) };
};

const etcdWrites = (cp: ControlPlane) => cp.sim.trace.messages().filter((m) => m.to === 'etcd').length;

describe('kube-apiserver: optimistic concurrency', () => {
	it.each([
		['the current resourceVersion', (d: Deployment) => d.metadata.resourceVersion, 200],
		['a stale resourceVersion', () => '1', 409],
		['no resourceVersion (unconditional)', () => undefined, 200]
	] as const)('an update carrying %s answers %i', (_what, rv, code) => {
		const { kubectl } = setup();
		const d = ok(kubectl.create(deployment('nginx', 3)));
		const r = kubectl.update({ ...d, metadata: { ...d.metadata, resourceVersion: rv(d) as string }, spec: { ...d.spec, replicas: 4 } });
		expect(r.code).toBe(code);
		if (!r.ok) expect(r.message).toBe('Operation cannot be fulfilled on deployments.apps "nginx": the object has been modified; please apply your changes to the latest version and try again');
	});

	it('two writers racing on one copy: the first wins, the second gets 409', () => {
		const { cp, kubectl } = setup();
		const d = ok(kubectl.create(deployment('nginx', 3)));
		const results: number[] = [];
		for (const replicas of [4, 5]) cp.client('kubectl').update({ ...d, spec: { ...d.spec, replicas } }, { done: (r) => results.push(r.code) });
		cp.sim.queue.runUntilIdle();
		expect(results).toEqual([200, 409]);
	});

	it('bumps generation on a spec change only, and sets resourceVersion from the etcd revision', () => {
		const { cp, kubectl } = setup();
		const d = ok(kubectl.create(deployment('nginx', 3)));
		expect(d.metadata.generation).toBe(1);
		expect(d.metadata.resourceVersion).toBe(String(cp.etcd.revision));
		const labelled = ok(kubectl.patch('Deployment', { name: 'nginx' }, { metadata: { labels: { tier: 'web' } } }));
		expect(labelled.metadata.generation).toBe(1);
		const scaled = ok(kubectl.patch('Deployment', { name: 'nginx' }, { spec: { replicas: 5 } }));
		expect(scaled.metadata.generation).toBe(2);
		expect(Number(scaled.metadata.resourceVersion)).toBeGreaterThan(Number(labelled.metadata.resourceVersion));
	});

	it('an update that changes nothing writes nothing', () => {
		const { cp, kubectl } = setup();
		const d = ok(kubectl.create(deployment('nginx', 3)));
		const writes = etcdWrites(cp);
		expect(ok(kubectl.update(d)).metadata.resourceVersion).toBe(d.metadata.resourceVersion);
		expect(etcdWrites(cp)).toBe(writes);
	});
});

describe('kube-apiserver: authentication and RBAC', () => {
	it.each([
		['jane creates a Deployment', 'jane', 403, 'deployments.apps is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "default"'],
		['an unknown user', 'mallory', 401, 'Unauthorized'],
		['the scheduler creates a Deployment', 'system:kube-scheduler', 403, 'deployments.apps is forbidden: User "system:kube-scheduler" cannot create resource "deployments" in API group "apps" in the namespace "default"']
	])('%s: refused, and nothing reaches etcd', (_who, user, code, message) => {
		const { cp } = setup();
		const before = cp.etcd.revision;
		expect(syncClient(cp, 'kubectl', user).create(deployment('nginx', 3))).toMatchObject({ ok: false, code, message });
		expect(cp.etcd.revision).toBe(before);
		expect(etcdWrites(cp)).toBe(0);
		expect(cp.apiserver.storage.get('/registry/deployments/default/nginx')).toBeUndefined();
	});

	it('jane may read in default', () => {
		const { cp, kubectl } = setup();
		kubectl.create(deployment('nginx', 3));
		expect(syncClient(cp, 'kubectl', 'jane').get('Deployment', { name: 'nginx' }).code).toBe(200);
	});
});

describe('kube-apiserver: names and admission', () => {
	it('generateName appends five characters of the real alphabet', () => {
		const { kubectl } = setup();
		const names = Array.from({ length: 20 }, () => ok(kubectl.create(pod('nginx-7d4b9-'))).metadata.name);
		for (const name of names) expect(name).toMatch(new RegExp(`^nginx-7d4b9-[${NAME_ALPHABET}]{5}$`));
		expect(new Set(names).size).toBe(20);
	});

	it('a create with neither name nor generateName is invalid', () => {
		const { kubectl } = setup();
		const p = pod('x');
		p.metadata = { namespace: 'default' };
		expect(kubectl.create(p)).toMatchObject({ code: 422, reason: 'Invalid' });
	});

	const NR: Toleration = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
	const UR: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
	const GPU: Toleration = { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' };
	it.each<[string, Toleration[], Toleration[]]>([
		['none', [], [NR, UR]],
		['its own not-ready toleration', [{ ...NR, tolerationSeconds: 60 }], [{ ...NR, tolerationSeconds: 60 }, UR]],
		['a toleration of everything', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
		['an unrelated NoSchedule toleration', [GPU], [GPU, NR, UR]]
	])('DefaultTolerationSeconds, Pod with %s', (_what, given, expected) => {
		const { kubectl } = setup();
		const p = ok(kubectl.create(pod('p', {}, { tolerations: given.map((t) => ({ ...t })) })));
		expect(p.spec.tolerations).toEqual(expected);
		// Once: an update goes through admission again and adds nothing more.
		const again = ok(kubectl.update({ ...p, metadata: { ...p.metadata, labels: { v: '2' } } }));
		expect(again.spec.tolerations).toEqual(expected);
	});

	it('refuses objects in a namespace that does not exist', () => {
		const { kubectl } = setup();
		const d = deployment('nginx', 1);
		d.metadata.namespace = 'nope';
		expect(kubectl.create(d)).toMatchObject({ code: 404, message: 'namespaces "nope" not found' });
	});

	it('answers 409 AlreadyExists to a second create of one name', () => {
		const { kubectl } = setup();
		kubectl.create(deployment('nginx', 1));
		expect(kubectl.create(deployment('nginx', 1))).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'deployments.apps "nginx" already exists' });
	});
});

describe('kube-apiserver: Pods', () => {
	const bound = () => {
		const s = setup();
		const p = ok(s.kubectl.create(pod('web')));
		const scheduler = syncClient(s.cp, 'kube-scheduler');
		return { ...s, p, bind: (node: string) => scheduler.bind({ name: 'web' }, node) };
	};

	it('binding sets spec.nodeName and PodScheduled=True; a second binding gets 409', () => {
		const { p, bind } = bound();
		expect(p.status?.phase).toBe('Pending');
		const first = bind('node-1');
		expect(first.code).toBe(201);
		expect(ok(first).spec.nodeName).toBe('node-1');
		expect(ok(first).status?.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
		expect(bind('node-2')).toMatchObject({ code: 409, message: 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"' });
	});

	it('an update may not move a Pod to a node (only pods/binding may)', () => {
		const { kubectl, p } = bound();
		expect(kubectl.update({ ...p, spec: { ...p.spec, nodeName: 'node-1' } }).code).toBe(422);
	});

	it.each([
		['a bound Pod: Terminating first, then a final delete with grace 0 removes it', true],
		['an unbound Pod: removed at once', false]
	])('graceful delete, %s', (_what, isBound) => {
		const { cp, kubectl, bind } = bound();
		if (isBound) bind('node-1');
		const first = kubectl.delete('Pod', { name: 'web' });
		const stored = () => cp.apiserver.storage.get('/registry/pods/default/web');
		if (isBound) {
			expect(ok(first).metadata).toMatchObject({ deletionTimestamp: '2026-01-01T00:00:30Z', deletionGracePeriodSeconds: 30 });
			expect(stored()?.metadata.deletionTimestamp).toBeDefined();
			expect(syncClient(cp, 'kubelet-1').delete('Pod', { name: 'web' }, 0).code).toBe(200);
		}
		expect(stored()).toBeUndefined();
	});

	it('status writes keep spec; main-resource writes keep status', () => {
		const { cp, kubectl } = bound();
		const s = ok(syncClient(cp, 'kubelet-1').patch('Pod', { name: 'web' }, { status: { phase: 'Running', podIP: '10.244.1.5' }, spec: { nodeName: 'x' } }, 'status'));
		expect(s.status).toMatchObject({ phase: 'Running', podIP: '10.244.1.5' });
		expect(s.spec.nodeName).toBeUndefined();
		const m = ok(kubectl.update({ ...s, status: { phase: 'Failed' }, metadata: { ...s.metadata, labels: { a: 'b' } } }));
		expect(m.status?.phase).toBe('Running');
		expect(m.metadata.labels).toEqual({ a: 'b' });
	});
});

describe('kube-apiserver: scale subresource and Services', () => {
	it('PATCH …/scale writes spec.replicas and answers a Scale', () => {
		const { cp, kubectl } = setup();
		kubectl.create(deployment('nginx', 3));
		expect(kubectl.scale('Deployment', { name: 'nginx' }, 5)).toMatchObject({ ok: true, code: 200, object: { kind: 'Scale', spec: { replicas: 5 }, status: { selector: 'app=nginx' } } });
		expect(cp.sim.trace.lines().some((l) => l.endsWith('kubectl → kube-apiserver: PATCH /apis/apps/v1/namespaces/default/deployments/nginx/scale {"spec":{"replicas":5}}'))).toBe(true);
		expect(ok(kubectl.get('Deployment', { name: 'nginx' })).spec.replicas).toBe(5);
	});

	it('allocates a ClusterIP and a NodePort for a LoadBalancer Service', () => {
		const { kubectl } = setup();
		const svc = ok(kubectl.create({ kind: 'Service', metadata: { name: 'nginx' }, spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [{ port: 80 }] } }));
		expect(svc.spec.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
		expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
		expect(svc.spec.ports[0]?.nodePort).toBeGreaterThanOrEqual(30000);
		expect(svc.spec.ports[0]?.nodePort).toBeLessThanOrEqual(32767);
	});

	it('a kubelet registers its Node with its status (kept on create, unlike other kinds); etcd key under minions', () => {
		const { cp } = setup();
		const n = ok(syncClient(cp, 'kubelet-1').create(node('node-1')));
		expect(n.metadata.namespace).toBeUndefined();
		expect(n.status?.conditions?.[0]).toMatchObject({ type: 'Ready', status: 'True' });
		expect(cp.sim.trace.lines().some((l) => l.endsWith('kube-apiserver → etcd: write /registry/minions/node-1'))).toBe(true);
	});
});
