// `kubectl get`-style tables shared by the Kubernetes walkthroughs, so a Pod looks the same everywhere.
import type { StateTable } from '$lib/model/types';

/**
 * The names the simulator gives in the recorded runs: create-deployment (a on node-1, b on node-2, c on
 * node-3), scale (d on node-1, e on node-2), expose-service (g on node-2, when the class scales back to
 * three) and node-failure (f on node-1, replacing g); continuity.test.ts checks them against the runs.
 */
export const POD = {
	a: 'nginx-799cfcc968-5bfnw',
	b: 'nginx-799cfcc968-bh954',
	c: 'nginx-799cfcc968-sz2k2',
	d: 'nginx-799cfcc968-55647',
	e: 'nginx-799cfcc968-2xftn',
	/** node-failure's replacement for g: the scheduler's tie between node-1 and node-3 fell to node-1. */
	f: 'nginx-799cfcc968-wkjrr',
	/** Made when `scale` has ended and the class scales back to three (expose-service's first step): on node-2, the only node without one. */
	g: 'nginx-799cfcc968-cvl77'
} as const;

/** The Kubernetes version every node runs, in every Kubernetes walkthrough (architecture, managed-aks). */
export const K8S_VERSION = 'v1.36.4';

/**
 * `kubectl get deployments` columns. READY is ready/desired: its second number is spec.replicas, so
 * there is no separate REPLICAS column (kubectl prints none).
 */
export const deployment = (ready: string, upToDate: number, available: number): StateTable => ({
	title: 'Deployments',
	columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE'],
	rows: [['nginx', ready, String(upToDate), String(available)]]
});

/**
 * A controller POSTs a Pod with metadata.generateName "nginx-799cfcc968-"; the API server adds the random
 * suffix (names.SimpleNameGenerator) and the Pod gets its name only then.
 */
export const postPods = (names: string[], why?: string) =>
	`POST Pod${names.length > 1 ? ` ×${names.length}` : ''} generateName=nginx-799cfcc968-, named ${names.join(', ')} by the API server${why ? ` (${why})` : ''}`;

export const replicaSet = (desired: number, current: number, ready: number): StateTable => ({
	title: 'ReplicaSets',
	columns: ['NAME', 'DESIRED', 'CURRENT', 'READY'],
	rows: [['nginx-799cfcc968', String(desired), String(current), String(ready)]]
});

/** rows: [name, status, node, ip] */
export const pods = (rows: [string, string, string, string][]): StateTable => ({
	title: 'Pods',
	columns: ['NAME', 'STATUS', 'NODE', 'IP'],
	rows: rows.map((r) => [...r])
});

export const nodes = (rows: [string, string, string][]): StateTable => ({
	title: 'Nodes',
	columns: ['NAME', 'STATUS', 'TAINTS'],
	rows: rows.map((r) => [...r])
});

export const healthyNodes = nodes([
	['node-1', 'Ready', '<none>'],
	['node-2', 'Ready', '<none>'],
	['node-3', 'Ready', '<none>']
]);

export const threeRunning = pods([
	[POD.a, 'Running', 'node-1', '10.244.1.2'],
	[POD.b, 'Running', 'node-2', '10.244.2.2'],
	[POD.c, 'Running', 'node-3', '10.244.3.2']
]);

/**
 * Where expose-service exposes and node-failure starts: `scale` ended at two replicas (5bfnw on node-1,
 * sz2k2 on node-3); `kubectl scale deployment nginx --replicas=3` then added cvl77 on node-2.
 */
export const threeAgain = pods([
	[POD.a, 'Running', 'node-1', '10.244.1.2'],
	[POD.g, 'Running', 'node-2', '10.244.2.4'],
	[POD.c, 'Running', 'node-3', '10.244.3.2']
]);

/**
 * Where crash-loop starts: node-failure ended with node-2's VM and Node deleted, cvl77
 * gone and its replacement wkjrr on node-1. The class then rebuilt node-2 (empty: Kubernetes does not
 * move running Pods back).
 */
export const afterFailure = pods([
	[POD.a, 'Running', 'node-1', '10.244.1.2'],
	[POD.c, 'Running', 'node-3', '10.244.3.2'],
	[POD.f, 'Running', 'node-1', '10.244.1.4']
]);

/** The Service nginx as expose-service's run makes it (continuity.test.ts checks): kubeadm's default Service range 10.96.0.0/12. */
export const SVC = { clusterIP: '10.96.187.190', nodePort: 31809, externalIP: '20.50.95.39', slice: 'nginx-k56k9' } as const;

/** The command that brings the class back to three replicas after `scale`, shown where a walkthrough starts from it. */
export const SCALE_BACK = 'kubectl scale deployment nginx --replicas=3';

/** The cluster after `kubectl create deployment nginx --image=nginx --replicas=3` has settled. */
export const settledThree: StateTable[] = [deployment('3/3', 3, 3), replicaSet(3, 3, 3), threeRunning];

export const service = (externalIp: string): StateTable => ({
	title: 'Services',
	columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)'],
	rows: [['nginx', 'LoadBalancer', SVC.clusterIP, externalIp, `80:${SVC.nodePort}/TCP`]]
});

/** `kubectl get service nginx` as it prints (columns padded to the widest cell plus three spaces). */
export function getServiceOutput(externalIp: string, age: string): string {
	const rows = [
		['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
		['nginx', 'LoadBalancer', SVC.clusterIP, externalIp, `80:${SVC.nodePort}/TCP`, age]
	];
	const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length)) + 3;
	return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(width(i)) : c)).join('')).join('\n');
}

/** rows: [name, endpoints] */
export const endpointSlices = (endpoints: string): StateTable => ({
	title: 'EndpointSlices',
	columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS'],
	rows: [[SVC.slice, 'IPv4', '80', endpoints]]
});
