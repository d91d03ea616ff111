// The Service scenario (flows.md K4 "expose", then a Pod replaced and the Deployment deleted),
// continuing K1 in the same run with the EndpointSlice controller, the garbage collector and
// kube-proxy switched on. Named k5 after its golden file; it records no cloud load balancer (the
// cloud-controller-manager is another piece of work), so EXTERNAL-IP stays <pending> and the end
// user's requests reach the NodePort through a load balancer this run does not provision.
import type { Cluster } from './cluster';
import type { RequestResult } from '../proxy/datapath';
import { k1, type Run } from './scenarios';
import { converged, settle } from './settle';

/** Every kube-proxy has programmed `service`:port with `ready` endpoints and the slice lists exactly the live Pods. */
export function servicePropagated(c: Cluster, service: string, ready: number): boolean {
	const slice = c.endpointSlices().find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
	const pods = new Set(c.pods().map((p) => p.metadata.name));
	const sliceOk = !!slice && slice.endpoints.length === pods.size && slice.endpoints.every((e) => pods.has(e.targetRef?.name ?? '') && e.conditions?.ready);
	const rulesOk = Object.values(c.proxies).every((p) => p.rules().some((r) => r.service === `default/${service}` && r.endpoints.length === ready));
	return sliceOk && rulesOk;
}

/** `count` requests from the end user, one after the other; settles when the last answer is back. */
function requests(c: Cluster, count: number, out: RequestResult[]): void {
	const next = () => {
		if (out.length < count) c.request('nginx', (r) => (out.push(r), next()));
	};
	next();
	settle(c, { until: () => out.length >= count });
}

export interface K5Run extends Run {
	results: Record<string, RequestResult[]>;
}

export function k5(): K5Run {
	const run = k1({ endpoints: true, garbageCollector: true, kubeProxy: true }, 'K5: from K1 settled, expose nginx, requests, a Pod replaced, the Deployment and the Service deleted');
	const { cluster: c, recording: rec, sections } = run;
	const results: Record<string, RequestResult[]> = { first: [], race: [] };
	sections.expose = rec.section('kubectl expose deployment nginx --port=80 --type=LoadBalancer, until the slice and every kube-proxy rule exist', () => {
		c.kubectl.expose('nginx', 80, 'LoadBalancer');
		settle(c, { until: () => servicePropagated(c, 'nginx', 3) });
	});
	sections.requests = rec.section('Three requests from the end user, one after the other', () => requests(c, 3, results.first ?? []));
	const victim = c.pods()[0]?.metadata.name ?? '';
	// Three requests sent as the command is: they reach the nodes while the kubelet is already stopping
	// nginx and before every kube-proxy has re-programmed its rules (the propagation window).
	sections.deletePod = rec.section(`kubectl delete pod ${victim}, three requests at the same moment, until the replacement serves`, () => {
		c.kubectl.deletePod(victim);
		for (let i = 0; i < 3; i++) c.request('nginx', (r) => results.race?.push(r));
		settle(c, { until: (x) => converged(x) && servicePropagated(x, 'nginx', 3) && (results.race?.length ?? 0) === 3, limitMs: 120_000 });
	});
	sections.deleteDeployment = rec.section('kubectl delete deployment nginx, until the garbage collector and the kubelets are done', () => {
		c.kubectl.deleteDeployment('nginx');
		settle(c, { until: (x) => x.replicaSets().length === 0 && x.pods().length === 0 && servicePropagated(x, 'nginx', 0), limitMs: 120_000 });
	});
	sections.deleteService = rec.section('kubectl delete service nginx, until its EndpointSlice and the rules are gone', () => {
		c.kubectl.deleteService('nginx');
		settle(c, { until: (x) => x.endpointSlices().length === 0 && Object.values(x.proxies).every((p) => p.rules().length === 0) });
	});
	return { ...run, results };
}
