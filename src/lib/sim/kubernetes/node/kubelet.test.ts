import { describe, expect, it } from 'vitest';
import { clusterWithNodes, inOrder, runPod, shape, stored } from './testing';

describe('K1 steps 7–11 on node-1', () => {
	const env = clusterWithNodes('k1-node');
	env.cp.sim.queue.runUntil(1000);
	const start = env.cp.sim.trace.entries.length;
	runPod(env, 'web');
	env.cp.sim.queue.runUntil(15_000);
	const lines = shape(env.cp).slice(start);

	it('watch event, status PATCH, sandbox with CNI, pull through the registry, create, start, Running and Ready', () => {
		inOrder(lines, [
			'kube-apiserver → kubelet-1: watch: Pod web ADDED',
			'kubelet-1 → kube-apiserver: PATCH /api/v1/namespaces/default/pods/web/status (Pending, hostIP, startTime)',
			'kubelet-1 → runtime-1: CRI RunPodSandbox(web) over gRPC (/run/containerd/containerd.sock)',
			'runtime-1 → pod-1a: create network namespace',
			'runtime-1 → pod-1a: CNI ADD → interface eth0 in the namespace, IP 10.244.1.2',
			'runtime-1 → pod-1a: start the pause container',
			'runtime-1 → kubelet-1: sandbox',
			'kubelet-1 → runtime-1: CRI ImageStatus(docker.io/library/nginx:latest)',
			'Pulling: Pulling image "nginx"',
			'kubelet-1 → runtime-1: CRI PullImage(docker.io/library/nginx:latest)',
			'runtime-1 → registry: HEAD /v2/library/nginx/manifests/latest',
			'registry → runtime-1: 401 Unauthorized, WWW-Authenticate: Bearer realm="https://auth.docker.io/token"',
			'runtime-1 → registry: GET auth.docker.io/token?scope=repository:library/nginx:pull (anonymous)',
			'runtime-1 → registry: HEAD /v2/library/nginx/manifests/latest (with the token)',
			'(an image index)',
			'(the index, by digest)',
			'(linux/amd64, by digest)',
			'registry → runtime-1: layer 2/7 blob',
			'runtime-1 → kubelet-1: PullImage: done',
			'Pulled: Successfully pulled image "nginx"',
			'kubelet-1 → runtime-1: CRI CreateContainer(nginx)',
			'Created: Created container nginx',
			'kubelet-1 → runtime-1: CRI StartContainer(',
			'runtime-1 → pod-1a: shim → runc: start nginx process',
			'Started: Started container nginx',
			'kubelet-1 → kube-apiserver: PATCH /api/v1/namespaces/default/pods/web/status (Running, podIP 10.244.1.2, Ready=True)'
		]);
	});

	it('fetches the config and all 7 layers, in parallel (all requested before the first arrives)', () => {
		const gets = lines.filter((l) => l.startsWith('runtime-1 → registry: GET /v2/library/nginx/blobs/'));
		expect(gets).toHaveLength(8);
		const firstGet = lines.findIndex((l) => l.includes('/blobs/'));
		const firstBlob = lines.findIndex((l) => l.startsWith('registry → runtime-1:') && l.includes(' blob '));
		expect(lines.slice(firstGet, firstBlob).filter((l) => l.includes('/blobs/'))).toHaveLength(8);
	});

	it('stores the status the walkthrough tables show', () => {
		const p = stored(env, 'web');
		expect(p?.status).toMatchObject({ phase: 'Running', podIP: '10.244.1.2', hostIP: '10.224.0.4' });
		expect(p?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
		expect(p?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
		expect(p?.status?.containerStatuses?.[0]).toMatchObject({ name: 'nginx', ready: true, restartCount: 0, state: { running: {} } });
		expect(p?.status?.containerStatuses?.[0]?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
	});

	it('a second Pod with the same image on the same node: only the manifest HEAD reaches the registry', () => {
		const before = env.cp.sim.trace.entries.length;
		runPod(env, 'web2');
		env.cp.sim.queue.runUntil(30_000);
		const second = shape(env.cp).slice(before);
		const toRegistry = second.filter((l) => l.startsWith('runtime-1 → registry'));
		expect(toRegistry).toEqual(['runtime-1 → registry: HEAD /v2/library/nginx/manifests/latest (with the token)']);
		inOrder(second, ['CNI ADD → interface eth0 in the namespace, IP 10.244.1.3', 'CRI PullImage', 'PullImage: done', 'CRI StartContainer', 'Running, podIP 10.244.1.3, Ready=True']);
	});

	it('IfNotPresent with the image present: no PullImage, Event "already present on machine"', () => {
		const env2 = clusterWithNodes('k1-present', 1, { images: ['nginx:1.27'] });
		env2.cp.sim.queue.runUntil(1000);
		runPod(env2, 'pinned', 'node-1', 'nginx:1.27');
		env2.cp.sim.queue.runUntil(10_000);
		const l = shape(env2.cp);
		expect(l.some((x) => x.includes('CRI PullImage'))).toBe(false);
		inOrder(l, ['ImageStatus: present', 'Container image "nginx:1.27" already present on machine', 'CRI CreateContainer', 'Ready=True']);
	});
});

describe('heartbeats and power', () => {
	it('renews the Lease with a PUT every 10 s', () => {
		const { cp } = clusterWithNodes('lease');
		cp.sim.queue.runUntil(60_000);
		const puts = cp.sim.trace.messages().filter((m) => m.from === 'kubelet-1' && m.summary.startsWith('PUT /apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1'));
		expect(puts.length).toBeGreaterThanOrEqual(5);
		// The first renewal GETs the Lease and PUTs it on the answer; from then on a PUT every 10 s exactly.
		const gaps = puts.slice(2).map((m, i) => m.time - (puts[i + 1]?.time ?? 0));
		expect(new Set(gaps)).toEqual(new Set([10_000]));
		const lease = cp.apiserver.storage.get('/registry/leases/kube-node-lease/node-1');
		expect(lease?.kind === 'Lease' && lease.spec.renewTime).toMatch(/^2026-01-01T00:00:5\dZ$/);
	});

	it('powerOff: not one message from kubelet-1 or runtime-1 afterwards, even with a Pod running and its deletion pending', () => {
		const env = clusterWithNodes('power', 2);
		env.cp.sim.queue.runUntil(1000);
		runPod(env, 'web');
		env.cp.sim.queue.runUntil(10_000);
		const off = env.cp.action('power off node-1', () => {
			env.nodes['node-1']?.powerOff();
			return env.cp.sim.now;
		});
		env.cp.action('kubectl delete pod web', () => env.cp.client('kubectl').delete('Pod', { name: 'web' }));
		env.cp.sim.queue.runUntil(120_000);
		const after = env.cp.sim.trace.messages().filter((m) => m.time >= off);
		expect(after.filter((m) => ['kubelet-1', 'runtime-1', 'pod-1a'].includes(m.from))).toEqual([]);
		// node-2 keeps renewing: silence is specific to the dead node.
		expect(after.some((m) => m.from === 'kubelet-2' && m.summary.startsWith('PUT'))).toBe(true);
		expect(stored(env, 'web')?.metadata.deletionTimestamp).toBeDefined();
	});

	it('powerOn: renews the Lease at once, posts Ready, and finishes the pending deletion', () => {
		const env = clusterWithNodes('power-on');
		env.cp.sim.queue.runUntil(1000);
		runPod(env, 'web');
		env.cp.sim.queue.runUntil(10_000);
		env.cp.action('power off node-1', () => env.nodes['node-1']?.powerOff());
		env.cp.action('kubectl delete pod web', () => env.cp.client('kubectl').delete('Pod', { name: 'web' }));
		env.cp.sim.queue.runUntil(60_000);
		const start = env.cp.sim.trace.entries.length;
		env.cp.action('power on node-1', () => env.nodes['node-1']?.powerOn());
		env.cp.sim.queue.runUntil(70_000);
		inOrder(shape(env.cp).slice(start), ['PATCH /api/v1/nodes/node-1/status (Ready=True (kubelet started))', 'GET /apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1', 'DELETE /api/v1/namespaces/default/pods/web?gracePeriodSeconds=0']);
		expect(stored(env, 'web')).toBeUndefined();
	});
});
