import { describe, expect, it } from 'vitest';
import { settle, startUp } from './settle';
import { startCluster } from './cluster';
import type { LogResult } from '../apiserver/apiserver';
import type { ApiError } from '../apiserver/status';

// kubectl logs: the API server does not read etcd for it; it asks the kubelet of the Pod's node.
const AKS = ['aks-nodepool1-1-vmss000000', 'aks-nodepool1-1-vmss000001', 'aks-nodepool1-1-vmss000002'];

function cluster(options: { nodeNames?: string[]; konnectivity?: boolean } = {}) {
	const c = startCluster({ seed: 'logs', images: ['nginx'], ...options });
	startUp(c);
	c.kubectl.createDeployment('nginx', 'nginx', 2);
	settle(c);
	return c;
}

function logs(c: ReturnType<typeof cluster>, pod: string) {
	let result: LogResult | ApiError | undefined;
	const from = c.cp.sim.trace.entries.length;
	c.logs.logs(pod, (r) => (result = r));
	settle(c);
	const lines = c.cp.sim.trace.entries.slice(from).flatMap((e) => (e.type === 'message' ? [`${e.from} → ${e.to} (${e.via}): ${e.summary}`] : []));
	return { result, lines };
}

describe('kubectl logs', () => {
	it('goes kubectl → kube-apiserver → the kubelet of the Pod\'s node, and the log lines come back', () => {
		const c = cluster();
		const pod = c.pods()[0]!;
		const n = c.nodeNames.indexOf(pod.spec.nodeName!) + 1;
		const { result, lines } = logs(c, pod.metadata.name);
		expect(lines).toEqual([
			`kubectl → kube-apiserver (kubectl-api): GET /api/v1/namespaces/default/pods/${pod.metadata.name}/log`,
			`kube-apiserver → kubelet-${n} (api-kubelet-${n}): GET /containerLogs/default/${pod.metadata.name}/nginx`,
			`kubelet-${n} → kube-apiserver (api-kubelet-${n}): 200 OK: 2 lines of nginx's log`,
			'kube-apiserver → kubectl (kubectl-api): 200 OK: 2 log lines'
		]);
		const started = pod.status!.containerStatuses![0]!.state!.running!.startedAt!;
		expect(result).toEqual({ ok: true, code: 200, lines: ['/docker-entrypoint.sh: Configuration complete; ready for start up', `${started.slice(0, 10).replace(/-/g, '/')} ${started.slice(11, 19)} [notice] 1#1: start worker processes`] });
	});

	it('on AKS-named nodes: kubelet-<n> is the node\'s number in the pool, reached through konnectivity', () => {
		const c = cluster({ nodeNames: AKS, konnectivity: true });
		expect(c.nodeObjects().map((x) => x.metadata.name)).toEqual(AKS);
		const pod = c.pods().find((p) => p.spec.nodeName === AKS[1]) ?? c.pods()[0]!;
		const n = AKS.indexOf(pod.spec.nodeName!) + 1;
		const { lines } = logs(c, pod.metadata.name);
		expect(lines[1]).toBe(`kube-apiserver → kubelet-${n} (api-kubelet-${n}): GET /containerLogs/default/${pod.metadata.name}/nginx (konnectivity tunnel)`);
	});

	it('a Pod that does not exist is 404 from the API server, and no kubelet is asked', () => {
		const c = cluster();
		const { result, lines } = logs(c, 'nginx-nope');
		expect(result).toMatchObject({ ok: false, code: 404 });
		expect(lines.filter((l) => l.includes('kubelet'))).toEqual([]);
	});
});
