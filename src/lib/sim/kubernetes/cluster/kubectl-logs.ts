// `kubectl logs <pod>`: GET pods/<pod>/log. The one request in these walkthroughs that kube-apiserver
// does not serve from etcd: it looks up the Pod's node and calls that node's kubelet itself
// (GET https://<node>:10250/containerLogs/<namespace>/<pod>/<container>), over the same connection its
// watches travel on (api-kubelet-<n>); on a managed cluster such as AKS, through the konnectivity
// tunnel the agents on the nodes hold open. The kubelet answers from the container's log file: here
// the lines nginx's image prints when it starts. Simplified: one container, no --follow, --previous or
// --tail; the kubelet is assumed up (a powered-off node's is not modelled here).
import { describeResult, notFound, badRequest } from '../apiserver/status';
import { RESOURCES } from '../apiserver/resources';
import type { ApiError } from '../apiserver/status';
import type { LogResult } from '../apiserver/apiserver';
import type { Channel } from '../../core/network';
import type { ApiClient } from '../client';
import type { ControlPlane } from '../control-plane';
import type { Pod } from '../types';

export interface KubectlLogs {
	/** `kubectl logs <pod>` (namespace default); `done` gets the lines or the error. */
	logs(pod: string, done?: (result: LogResult | ApiError) => void): void;
}

export interface KubeletConnectOptions {
	/** The scene's number of a node (kubelet-<n>). */
	index(node: string): string;
	/** The API server reaches the kubelets through konnectivity (AKS): said in the request's line. */
	konnectivity?: boolean;
}

/** What nginx's image prints as it starts (docker-entrypoint.sh, then nginx itself), at `startedAt`. */
export function nginxStartLines(startedAt: string | undefined): string[] {
	const at = (startedAt ?? '').replace(/^(\d{4})-(\d\d)-(\d\d)T([\d:]{8}).*$/, '$1/$2/$3 $4');
	return ['/docker-entrypoint.sh: Configuration complete; ready for start up', `${at} [notice] 1#1: start worker processes`];
}

/** Wires kube-apiserver's calls to kubelets for pods/log. */
export function connectKubelets(cp: ControlPlane, options: KubeletConnectOptions): void {
	const channels = new Map<string, Channel>();
	const channel = (from: string, to: string, via: string) => {
		const key = `${from}>${to}`;
		if (!channels.has(key)) channels.set(key, cp.sim.net.channel(from, to, via, { min: 1, max: 3 }));
		return channels.get(key)!;
	};
	cp.apiserver.connectKubelet = (req, answer) => {
		const namespace = req.namespace ?? 'default';
		const name = req.name ?? '';
		const pod = cp.apiserver.storage.get(`/registry/pods/${namespace}/${name}`) as Pod | undefined;
		const refuse = (e: ApiError) => answer(e, describeResult(e));
		if (!pod) return refuse(notFound(RESOURCES.Pod, name));
		const node = pod.spec.nodeName;
		if (!node) return refuse(badRequest(`pod ${name} does not have a host assigned`));
		const container = pod.spec.containers[0]?.name ?? '';
		const n = options.index(node);
		const kubelet = `kubelet-${n}`;
		const via = `api-kubelet-${n}`;
		const tunnel = options.konnectivity ? ' (konnectivity tunnel)' : '';
		channel('kube-apiserver', kubelet, via).send('request', `GET /containerLogs/${namespace}/${name}/${container}${tunnel}`, () => {
			const started = pod.status?.containerStatuses?.find((c) => c.name === container)?.state?.running?.startedAt;
			const lines = nginxStartLines(started);
			channel(kubelet, 'kube-apiserver', via).send('response', `200 OK: ${lines.length} lines of ${container}'s log`, () =>
				answer({ ok: true, code: 200, lines }, `200 OK: ${lines.length} log lines`)
			);
		});
	};
}

export function makeKubectlLogs(cp: ControlPlane, client: ApiClient): KubectlLogs {
	return {
		logs(pod, done) {
			cp.action(`kubectl logs ${pod}`, () => client.logs({ name: pod }, { done }));
		}
	};
}
