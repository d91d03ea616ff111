import { describe, expect, it } from 'vitest';
import { kubernetesScene } from '$content/kubernetes/scene';
import { inOrder } from '../node/testing';
import { startCluster } from './cluster';
import { k1 } from './scenarios';
import { settle, startUp } from './settle';
import { entriesOf, hubRuleBreaks, messagesOf, shapeOf } from './testing';

// flows.md K1, produced by the assembled simulator rather than typed by hand.
describe('K1 recorded: kubectl create deployment nginx --image=nginx --replicas=3', () => {
	const run = k1();
	const { cluster } = run;
	const lines = shapeOf(entriesOf(run, 'create'));
	const pods = cluster.pods();
	const rs = cluster.replicaSets()[0]?.metadata.name ?? '';
	const KCM = 'kube-controller-manager';

	it('matches the golden record (every message and note, and the tables)', async () => {
		await expect(run.recording.text()).toMatchFileSnapshot('./__golden__/k1.txt');
	});

	it('before the command, every watch is open: kcm 3, scheduler 2, one per kubelet on spec.nodeName', () => {
		const watches = shapeOf(entriesOf(run, 'startUp')).filter((l) => l.includes('watch=true'));
		expect(watches.map((l) => l.split(' ')[0]).sort()).toEqual([KCM, KCM, KCM, 'kube-scheduler', 'kube-scheduler', 'kubelet-1', 'kubelet-2', 'kubelet-3']);
		for (const n of [1, 2, 3]) expect(watches).toContainEqual(expect.stringContaining(`kubelet-${n} → kube-apiserver: GET /api/v1/pods?fieldSelector=spec.nodeName=node-${n}&`));
	});

	it('follows flows.md K1 from the POST to the ReplicaSet and the Pods (steps 1–5)', () => {
		const [, , created, added] = inOrder(lines, [
			'kubectl → kube-apiserver: POST /apis/apps/v1/namespaces/default/deployments (nginx, replicas 3)',
			'kube-apiserver → etcd: write /registry/deployments/default/nginx',
			'kube-apiserver → kubectl: 201 Created (resourceVersion 48213)',
			`${KCM} → kube-apiserver: POST /apis/apps/v1/namespaces/default/replicasets (replicas 3, owner Deployment nginx)`,
			`${KCM} → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName ${rs}-, batch 1)`,
			`kube-apiserver → ${KCM}: 201 Created: ${rs}-`,
			`${KCM} → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName ${rs}-, batch 2)`,
			`${KCM} → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName ${rs}-, batch 2)`
		]);
		// The 201 and the watch event both follow the etcd commit, in the same millisecond.
		expect(lines.indexOf('kube-apiserver → kube-controller-manager: watch: Deployment nginx ADDED')).toBeLessThan(added ?? 0);
		expect(created).toBeGreaterThan(0);
	});

	it.each([1, 2, 3])('node-%i: bind → kubelet hears → PATCH → sandbox → pull → create/start → Running, Ready (steps 6–11)', (n) => {
		const pod = pods.find((p) => p.spec.nodeName === `node-${n}`)?.metadata.name ?? '?';
		inOrder(lines, [
			`kube-scheduler → kube-apiserver: POST /api/v1/namespaces/default/pods/${pod}/binding (bind Pod ${pod} to node-${n}`,
			`kube-apiserver → kubelet-${n}: watch: Pod ${pod} ADDED`,
			`kubelet-${n} → kube-apiserver: PATCH /api/v1/namespaces/default/pods/${pod}/status (Pending, hostIP, startTime)`,
			`kubelet-${n} → runtime-${n}: CRI RunPodSandbox(${pod})`,
			`runtime-${n} → pod-${n}a: CNI ADD → interface eth0 in the namespace, IP 10.244.${n}.`,
			`kubelet-${n} → runtime-${n}: CRI PullImage(docker.io/library/nginx:latest)`,
			`runtime-${n} → registry: HEAD /v2/library/nginx/manifests/latest`,
			`kubelet-${n} → runtime-${n}: CRI CreateContainer(nginx)`,
			`kubelet-${n} → runtime-${n}: CRI StartContainer(`,
			`kubelet-${n} → kube-apiserver: PATCH /api/v1/namespaces/default/pods/${pod}/status (Running, podIP 10.244.${n}.`
		]);
	});

	it('ends with ReplicaSet then Deployment status 3/3 (step 12), after every Pod is Ready', () => {
		const lastRunning = lines.findLastIndex((l) => l.includes('(Running, podIP'));
		const [rsReady, depReady] = inOrder(lines, [
			`${KCM} → kube-apiserver: PUT /apis/apps/v1/namespaces/default/replicasets/${rs}/status (replicas 3, ready 3, available 3)`,
			`${KCM} → kube-apiserver: PUT /apis/apps/v1/namespaces/default/deployments/nginx/status (replicas 3, updated 3, ready 3, available 3)`
		]);
		expect(rsReady).toBeGreaterThan(lastRunning);
		expect(depReady).toBeGreaterThan(rsReady ?? 0);
		expect(cluster.deployments()[0]?.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
	});

	it('binds every Pod exactly once, and spreads them one per node', () => {
		// The first Pod: three equal scores, the tie broken at random (selectHost); the next two go
		// where PodTopologySpread and LeastAllocated score highest: the nodes with no nginx yet.
		for (const p of pods) expect(lines.filter((l) => l.includes(`POST /api/v1/namespaces/default/pods/${p.metadata.name}/binding`))).toHaveLength(1);
		expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
		expect(lines.find((l) => l.includes('/binding'))).toMatch(/tie broken at random\)$/);
	});

	it('pulls once per node: one token, HEAD ×2, index, manifest, config and 7 layers each', () => {
		for (const n of [1, 2, 3]) {
			const reg = lines.filter((l) => l.startsWith(`runtime-${n} → registry: `));
			expect(lines.filter((l) => l.startsWith(`kubelet-${n} → runtime-${n}: CRI PullImage`))).toHaveLength(1);
			expect(reg.filter((l) => l.includes('auth.docker.io/token'))).toHaveLength(1);
			expect(reg.filter((l) => l.includes('HEAD'))).toHaveLength(2);
			expect(reg.filter((l) => l.includes('/blobs/'))).toHaveLength(8);
		}
	});

	it('keeps the hub rule over the whole log; every message travels a scene connection', () => {
		const all = cluster.cp.sim.trace.messages();
		expect(hubRuleBreaks(all)).toEqual([]);
		const ids = new Set(kubernetesScene.connections.map((c) => c.id));
		const components = new Set(kubernetesScene.components.map((c) => c.id));
		for (const m of all) {
			expect(ids, m.summary).toContain(m.via);
			expect(components, m.summary).toContain(m.from);
			expect(components, m.summary).toContain(m.to);
			expect(cluster.components).toContain(m.from);
		}
	});

	it('takes a plausible simulated time: Deployment 3/3 within seconds of the command', () => {
		const messages = messagesOf(run, 'create');
		const start = messages[0]?.time ?? 0;
		const done = messages.findLast((m) => m.summary.includes('deployments/nginx/status (replicas 3, updated 3, ready 3, available 3)'))?.time ?? Infinity;
		expect(done - start).toBeGreaterThan(1000);
		expect(done - start).toBeLessThan(10_000);
	});

	it('kubectl get deployment nginx afterwards: GET, 200, READY 3/3', () => {
		let table: unknown;
		cluster.kubectl.getDeployment('nginx', (t) => (table = t));
		settle(cluster, { quietMs: 0 });
		expect(table).toEqual({ title: 'Deployments', columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE'], rows: [['nginx', '3/3', '3', '3']] });
		expect(shapeOf(cluster.cp.sim.trace.entries.slice(-3))).toEqual([
			'[user] kubectl get deployment nginx',
			'kubectl → kube-apiserver: GET /apis/apps/v1/namespaces/default/deployments/nginx',
			'kube-apiserver → kubectl: 200 OK (resourceVersion 48252)'
		]);
	});

	it('the forbidden branch is real: a student who may only view gets 403, and nothing is written', () => {
		const c = startCluster({ seed: 'k1', student: 'view' });
		startUp(c);
		let answer: unknown;
		c.kubectl.createDeployment('nginx', 'nginx', 3, (r) => (answer = r));
		settle(c, { quietMs: 0 });
		expect(answer).toMatchObject({ ok: false, code: 403, message: 'deployments.apps is forbidden: User "student" cannot create resource "deployments" in API group "apps" in the namespace "default"' });
		expect(c.cp.sim.trace.messages().filter((m) => m.to === 'etcd')).toEqual([]);
	});

	it('is deterministic: the same seed gives the same text; another seed, other names', () => {
		expect(k1().recording.text()).toBe(run.recording.text());
		const names = (r: ReturnType<typeof k1>) => r.cluster.pods().map((p) => p.metadata.name);
		expect(names(k1({ seed: 'other' }))).not.toEqual(names(run));
	});
});
