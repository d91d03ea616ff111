import { describe, expect, it } from 'vitest';
import { kubernetesScene } from '$content/kubernetes/scene';
import { inOrder } from '../node/testing';
import { k5 } from './k5';
import { k1, K1_SECTIONS } from './scenarios';
import { hubRuleBreaks, messagesOf, shapeOf, entriesOf } from './testing';

const KCM = 'kube-controller-manager';
const DATA = /^(end-user|load-balancer|kube-proxy-\d+|pod-\d[a-z])$/;

// flows.md K4 (expose) and K2's "meanwhile EndpointSlice controller and kube-proxy drop the Pod's
// endpoints", produced by the simulator: K1, then a Service, requests, a Pod replaced, the cascade.
describe('K5 recorded: expose, requests, a Pod replaced, kubectl delete deployment / service', () => {
	const run = k5();
	const { cluster } = run;
	const lines = (section: string) => shapeOf(entriesOf(run, section));
	const SLICES = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';

	it('matches the golden record (from K1 settled on: every message and note, and the tables)', async () => {
		await expect(run.recording.text(K1_SECTIONS, '\nK1 (recorded in k1.txt) ran first, with the EndpointSlice controller, the garbage collector and kube-proxy on.\n')).toMatchFileSnapshot('./__golden__/k5.txt');
	});

	it('is deterministic: the same run again gives the same record, byte for byte', () => {
		expect(k5().recording.text()).toBe(run.recording.text());
	});

	it('switched on, the three components add only their own start-up to K1 (no write, no GET before a Service exists)', () => {
		// Times differ (the extra watches share kube-controller-manager's channel), so resourceVersions and the scheduler's time-based Event names do too.
		const shape = (l: string[]) => l.map((x) => x.replace(/\(resourceVersion \d+\)|resourceVersion=\d+|revision \d+|\.[0-9a-f]{16}\b/g, '…')).sort();
		const before = [...lines('startUp'), ...lines('create')].filter((l) => !/kube-proxy|services|endpointslices|Service|EndpointSlice/.test(l));
		const plain = k1();
		expect(shape(before)).toEqual(shape([...shapeOf(entriesOf(plain, 'startUp')), ...shapeOf(entriesOf(plain, 'create'))]));
	});

	it('expose: GET the Deployment, POST the Service; the EndpointSlice controller POSTs one slice; each kube-proxy programs it', () => {
		const l = lines('expose');
		inOrder(l, [
			'kubectl → kube-apiserver: GET /apis/apps/v1/namespaces/default/deployments/nginx',
			'kubectl → kube-apiserver: POST /api/v1/namespaces/default/services (nginx, LoadBalancer, port 80, selector app=nginx)',
			`kube-apiserver → ${KCM}: watch: Service nginx ADDED`,
			`${KCM} → kube-apiserver: POST ${SLICES} (generateName nginx-, 3 endpoints: 3 ready)`
		]);
		for (const n of [1, 2, 3]) inOrder(l, [`kube-apiserver → kube-proxy-${n}: watch: EndpointSlice nginx-`, new RegExp(`^\\[kube-proxy-${n}\\] programmed rules: .* → 3 endpoints`)]);
		// kube-proxy writes nothing: its only requests are its LIST and WATCH at start-up.
		expect(cluster.cp.sim.trace.messages().filter((m) => m.from.startsWith('kube-proxy') && m.to === 'kube-apiserver' && !m.summary.startsWith('GET '))).toEqual([]);
	});

	it('the requests: end user → load balancer → a node → a Pod and back, all HTTP 200 once the rules exist', () => {
		expect(run.results.first?.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
		const path = messagesOf(run, 'requests').filter((m) => DATA.test(m.from) && DATA.test(m.to));
		expect(path.map((m) => m.kind).every((k) => k === 'data')).toBe(true);
		expect(path).toHaveLength(18);
	});

	it('a Pod deleted: its endpoint goes terminating (ready=false), then away; the replacement joins; the rules follow', () => {
		const l = lines('deletePod');
		inOrder(l, [
			'[user] kubectl delete pod',
			/PUT \S+endpointslices\/nginx-\S+ \(3 endpoints: 2 ready, 1 terminating \(1 still serving\)\)/,
			/programmed rules: .* → 2 endpoints/,
			/PUT \S+endpointslices\/nginx-\S+ \(3 endpoints: 3 ready\)/,
			/programmed rules: .* → 3 endpoints/
		]);
		// The propagation window, as the seed plays it: node-1 still sends one connection to the Pod
		// whose nginx got SIGQUIT (RST); the others go to Pods kept in the rules.
		expect(run.results.race?.map((r) => `${r.node} ${r.outcome}`)).toEqual(['node-1 ok', 'node-1 reset', 'node-3 ok']);
		const rst = run.results.race?.find((r) => r.outcome === 'reset');
		inOrder(l, ['SIGQUIT to nginx', `DNAT to ${rst?.endpoint?.ip ?? '?'}`, 'TCP RST: nothing listens on :80', /\[kube-proxy-1\] programmed rules: .* → 2 endpoints/]);
	});

	it('kubectl delete deployment: the garbage collector deletes the ReplicaSet, then each Pod gracefully; the slice empties', () => {
		const l = lines('deleteDeployment');
		const [, rsGone] = inOrder(l, [
			'kubectl → kube-apiserver: DELETE /apis/apps/v1/namespaces/default/deployments/nginx (propagationPolicy Background)',
			`${KCM} → kube-apiserver: DELETE /apis/apps/v1/namespaces/default/replicasets/nginx-`
		]);
		const podDeletes = l.filter((x) => x.startsWith(`${KCM} → kube-apiserver: DELETE /api/v1/namespaces/default/pods/`));
		expect(podDeletes).toHaveLength(3);
		expect(l.indexOf(podDeletes[0] ?? '')).toBeGreaterThan(rsGone ?? 0);
		expect(l.filter((x) => x === `kube-apiserver → ${KCM}: 200 OK (Pod is Terminating, grace 30 s)`)).toHaveLength(3);
		expect(l.filter((x) => /kubelet-\d → kube-apiserver: DELETE .*gracePeriodSeconds=0/.test(x))).toHaveLength(3);
		expect(cluster.replicaSets()).toEqual([]);
	});

	it('kubectl delete service: the garbage collector deletes the EndpointSlice; every kube-proxy removes the rules', () => {
		const l = lines('deleteService');
		inOrder(l, [`${KCM} → kube-apiserver: GET /api/v1/namespaces/default/services/nginx`, `${KCM} → kube-apiserver: DELETE ${SLICES}/nginx-`]);
		expect(l.filter((x) => x.includes('removed rules'))).toHaveLength(3);
		expect(cluster.endpointSlices()).toEqual([]);
	});

	it('the hub rule holds for the control plane; the data path never touches it', () => {
		const all = cluster.cp.sim.trace.messages();
		const data = all.filter((m) => DATA.test(m.from) && DATA.test(m.to));
		expect(hubRuleBreaks(all.filter((m) => !data.includes(m)))).toEqual([]);
		expect(data.every((m) => m.kind === 'data')).toBe(true);
	});

	it('every via is a scene connection, except the cross-node hops the scene does not draw (kube-proxy-1 → pod-2a/2c and kube-proxy-3 → pod-2d exist)', () => {
		const vias = new Set(kubernetesScene.connections.map((c) => c.id));
		const missing = [...new Set(cluster.cp.sim.trace.messages().filter((m) => !vias.has(m.via)).map((m) => m.via))].sort();
		expect(missing.every((v) => /^(proxy\d-|runtime-)pod-\d[a-z]$/.test(v))).toBe(true);
		// Seed k1's replacement Pod on node-3 takes pod-3b, a slot the scene has (managed-aks's rsnzb).
		expect(missing).toEqual(['proxy1-pod-3a', 'proxy2-pod-1a', 'proxy2-pod-3a', 'proxy3-pod-1a']);
	});
});
