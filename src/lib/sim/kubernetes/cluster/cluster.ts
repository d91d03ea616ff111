// A whole simulated cluster, assembled from the components: kube-apiserver and etcd (the
// ControlPlane), kube-scheduler, kube-controller-manager (Deployment and ReplicaSet controllers), a
// registry, and N worker nodes (kubelet-N and runtime-N). Nodes and their Leases exist before the
// run (a cluster that has been up for a while); the components then open their watches (start-up).
// Component ids are the scene's (src/content/kubernetes/scene.ts), so messages draw as they are.
import type { CloudApi, CloudRequest, CloudResponse } from '../cloud/cloud-api';
import { ControlPlane, DEFAULT_EPOCH } from '../control-plane';
import { Link } from '../node/link';
import { startControllerManager } from '../controllers/manager';
import { RENEW_MS } from '../node/heartbeat';
import { startNode, startRegistry, type WorkerNode } from '../node/node';
import { rfc3339 } from '../objects';
import type { Registry } from '../node/registry';
import { startScheduler, type Scheduler } from '../scheduler/scheduler';
import type { Deployment, EndpointSlice, Node, Pod, ReplicaSet, Service } from '../types';
import { makeKubectl, type Kubectl } from './kubectl';
import type { KubeProxy } from '../proxy/kube-proxy';
import type { RequestResult } from '../proxy/datapath';
import { component, type ClusterComponents } from './components';
import { makeKubectlNodes, type KubectlNodes } from './kubectl-node';
import { connectKubelets, makeKubectlLogs, type KubectlLogs } from './kubectl-logs';

export interface ClusterOptions {
	seed: string | number;
	/** Worker nodes node-1 … node-N (default 3). */
	nodes?: number;
	/** The Nodes' names, if not node-1 … (e.g. AKS's aks-nodepool1-…-vmss000000); the scene still numbers them kubelet-1 …. */
	nodeNames?: string[];
	/** The API server reaches kubelets (kubectl logs) through konnectivity's tunnel, as on AKS (default: directly). */
	konnectivity?: boolean;
	/** Images every node already has (pulled before the run), e.g. ['nginx']: then only the manifest HEAD is sent. */
	images?: string[];
	/**
	 * etcd's revision before the preloaded objects (4 Namespaces, a Node and a Lease per node). The
	 * default puts the first write after a quiet start-up at 48213, the walkthrough's resourceVersion.
	 */
	startRevision?: number;
	epochMs?: number;
	/** The scheduler's Scheduled / FailedScheduling Events (default on, as the real scheduler). */
	schedulerEvents?: boolean;
	/** What kubectl's user `student` may do: edit the default namespace (default), or only view it (the forbidden branch). */
	student?: 'edit' | 'view';
	/** kube-controller-manager's EndpointSlice controller (default off, so the K1/K2 records stay as they are). */
	endpoints?: boolean;
	/** kube-controller-manager's garbage collector (default off, as `endpoints`). */
	garbageCollector?: boolean;
	/** kube-proxy on every node, and the data path (default off, as `endpoints`). */
	kubeProxy?: boolean;
	/** kube-controller-manager also runs the node lifecycle, taint eviction and pod GC controllers (default off: K1/K2 as recorded). */
	nodeLifecycle?: boolean;
	/** A cloud: the cloud API (VM power states, load balancers) and cloud-controller-manager (default off). */
	cloud?: boolean;
	/** The scene slot a Pod is drawn in, by Pod name (the scene names each after one Pod); else its node's next unused one. */
	slots?: Record<string, string>;
}

export interface Cluster {
	cp: ControlPlane;
	nodeNames: string[];
	nodes: Record<string, WorkerNode>;
	registry: Registry;
	scheduler: Scheduler;
	/** The walkthroughs' commands, as user `student`. */
	kubectl: Kubectl;
	/** Node maintenance (cordon, uncordon, drain) as the cluster admin (`kubernetes-admin`): `student` may not patch Nodes. */
	admin: KubectlNodes;
	/** `kubectl logs`, as `student`: the API server asks the Pod's node's kubelet. */
	logs: KubectlLogs;
	/** Scene component ids this cluster's messages can name. */
	components: string[];
	/** How many watches the components open at start-up (startUp waits for them). */
	watches: number;
	/** The cloud (with `cloud: true`): VMs stop when their node is powered off; `deleteVm` removes one. */
	cloud?: CloudApi;
	/** Deletes node's VM in the cloud: the machine is gone (its kubelet with it). Needs `cloud: true`. */
	deleteVm(node: string): void;
	/**
	 * A new VM for a node whose VM was deleted (say, the class rebuilt node-2): the cloud creates it, its
	 * kubelet starts and registers the Node (POST), kube-proxy starts. Needs `cloud: true`.
	 */
	createVm(node: string): void;
	/** What is stored now, as a table or a test reads it (not a component's view). */
	pods(): Pod[];
	replicaSets(): ReplicaSet[];
	deployments(): Deployment[];
	nodeObjects(): Node[];
	services(): Service[];
	endpointSlices(): EndpointSlice[];
	/** kube-proxy by node name (empty unless `kubeProxy`). */
	proxies: Record<string, KubeProxy>;
	/** An end user's request to a NodePort/LoadBalancer Service (default namespace), through the load balancer (needs `kubeProxy`). */
	request(service: string, done?: (r: RequestResult) => void): void;
}

import { hostIP, KUBECTL_USER, nodeObject, studentPolicy } from './preload';
export { KUBECTL_USER, hostIP, studentPolicy } from './preload';

/** Builds and starts the cluster (optional components from `components`: allComponents, or loadCluster's). Nothing has run yet: `startUp(cluster)` next. */
export function startCluster(options: ClusterOptions, components: ClusterComponents = {}): Cluster {
	const count = options.nodeNames?.length ?? options.nodes ?? 3;
	const nodeNames = options.nodeNames ?? Array.from({ length: count }, (_, i) => `node-${i + 1}`);
	/** The scene's number of a node: kubelet-<n>, runtime-<n>, kube-proxy-<n>. */
	const index = (node: string) => String(nodeNames.indexOf(node) + 1);
	const epochMs = options.epochMs ?? DEFAULT_EPOCH;
	const cp = new ControlPlane({ seed: options.seed, nodes: nodeNames, epochMs, startRevision: options.startRevision ?? 48208 - 2 * count, policy: studentPolicy(nodeNames, options.student) });
	nodeNames.forEach((name, i) => {
		cp.preload(nodeObject(cp, name, i + 1, epochMs));
		cp.preload({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: cp.meta(name, 'kube-node-lease'), spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339(epochMs, -RENEW_MS) } });
	});
	// Start-up order as on a real control plane: scheduler and controller manager, then the nodes. Each
	// start is a note with no cause, so following causes back from any entry ends at one, or at an action.
	const start = <T>(who: string, fn: () => T) => cp.sim.action('process started (informers: LIST, then WATCH)', fn, who);
	const scheduler = start('kube-scheduler', () => startScheduler(cp.context('kube-scheduler'), { epochMs, events: options.schedulerEvents }));
	start('kube-controller-manager', () => {
		const kcm = cp.context('kube-controller-manager');
		startControllerManager(kcm, { epochMs });
		if (options.nodeLifecycle) component(components, 'nodeLifecycle').startNodeControllers(kcm, { epochMs });
		if (options.endpoints) component(components, 'endpoints').startEndpointSliceController(kcm);
		if (options.garbageCollector) component(components, 'garbageCollector').startGarbageCollector(kcm);
	});
	const registry = startRegistry(cp);
	const nodes: Record<string, WorkerNode> = {};
	nodeNames.forEach((name, i) => (nodes[name] = start(`kubelet-${i + 1}`, () => startNode(cp, { node: name, index: String(i + 1), hostIP: hostIP(i + 1), registry, epochMs, images: options.images, slotOf: (pod) => options.slots?.[pod.name] }))));
	const cloudKit = options.cloud ? component(components, 'cloud') : undefined;
	const cloud = cloudKit && startCloud(cp, nodeNames, nodes, epochMs, cloudKit);
	const proxyKit = options.kubeProxy ? component(components, 'kubeProxy') : undefined;
	const proxies: Record<string, KubeProxy> = {};
	if (proxyKit) nodeNames.forEach((node, i) => (proxies[node] = start(`kube-proxy-${i + 1}`, () => proxyKit.startKubeProxy(cp.context(`kube-proxy-${i + 1}`), { node }))));
	// kube-proxy runs on the node's machine: it goes off and comes back with it.
	for (const [name, proxy] of Object.entries(proxies)) {
		const node = nodes[name]!;
		const { powerOff, powerOn } = node;
		node.powerOff = () => (powerOff(), proxy.powerOff());
		node.powerOn = () => {
			powerOn();
			if (!cloud || cloud.vms.has(name)) proxy.powerOn();
		};
	}
	connectKubelets(cp, { index, konnectivity: options.konnectivity });
	const storage = cp.apiserver.storage;
	const n = nodeNames.map((_, i) => i + 1);
	const send = proxyKit?.dataPath({ sim: cp.sim, rng: cp.sim.rng.fork('load-balancer'), proxies, hostIP: (node) => hostIP(Number(index(node))), index, backend: (node, ip) => nodes[node]?.runtime.endpoint(ip) });
	return {
		cp,
		nodeNames,
		nodes,
		registry,
		scheduler,
		kubectl: makeKubectl(cp, cp.client('kubectl', KUBECTL_USER)),
		admin: makeKubectlNodes(cp, cp.client('kubectl')),
		logs: makeKubectlLogs(cp, cp.client('kubectl', KUBECTL_USER)),
		// kube-scheduler: Pods and Nodes; kube-controller-manager: Deployments, ReplicaSets, Pods (+ Nodes and
		// Leases for node lifecycle, + Services and EndpointSlices for endpoints or the GC); one per kubelet
		// (+ Services and EndpointSlices per kube-proxy); cloud-controller-manager: Services and Nodes.
		watches: 2 + 3 + (options.nodeLifecycle ? 2 : 0) + (options.endpoints || options.garbageCollector ? 2 : 0) + (cloud ? 2 : 0) + count * (options.kubeProxy ? 3 : 1),
		cloud,
		deleteVm(node) {
			if (!cloud) throw new Error('deleteVm needs a cluster started with cloud: true');
			cloud.deleteVm(node);
			nodes[node]?.powerOff();
		},
		createVm(node) {
			if (!cloud) throw new Error('createVm needs a cluster started with cloud: true');
			const machine = nodes[node];
			if (!machine) throw new Error(`createVm: ${node} is not one of this cluster's nodes (${nodeNames.join(', ')})`);
			if (cloud.vms.has(node)) throw new Error(`createVm: ${node}'s VM still exists; delete it first`);
			cloud.createVm(node);
			machine.rebuild();
			proxies[node]?.powerOn();
		},
		components: [
			'kubectl',
			'kube-apiserver',
			'etcd',
			'kube-scheduler',
			'kube-controller-manager',
			'registry',
			...(cloudKit ? [cloudKit.CCM, cloudKit.CLOUD_API, 'load-balancer'] : []),
			...n.flatMap((i) => [`kubelet-${i}`, `runtime-${i}`, `pod-${i}a`, `pod-${i}b`]),
			...(options.kubeProxy ? ['end-user', ...(cloud ? [] : ['load-balancer']), ...n.map((i) => `kube-proxy-${i}`)] : [])
		],
		pods: () => storage.list('/registry/pods/') as Pod[],
		replicaSets: () => storage.list('/registry/replicasets/') as ReplicaSet[],
		deployments: () => storage.list('/registry/deployments/') as Deployment[],
		nodeObjects: () => storage.list('/registry/minions/') as Node[],
		services: () => storage.list('/registry/services/specs/') as Service[],
		endpointSlices: () => storage.list('/registry/endpointslices/') as EndpointSlice[],
		proxies,
		request(service, done) {
			const svc = storage.get(`/registry/services/specs/default/${service}`) as Service | undefined;
			const port = svc?.spec.ports[0];
			if (!port?.nodePort) throw new Error(`Service ${service} has no NodePort`);
			if (!send) throw new Error('request needs a cluster started with kubeProxy: true');
			const ingress = svc?.status?.loadBalancer.ingress?.[0]?.ip;
			cp.sim.action(`opens http://${ingress ?? `<EXTERNAL-IP of ${service}>`}/ in a browser`, () => send({ service: `default/${service}`, port: port.port, nodePort: port.nodePort ?? 0, ingress }, done), 'end-user');
		}
	};
}

/** The cloud API and cloud-controller-manager; a node's power switch also stops or starts its VM. */
function startCloud(cp: ControlPlane, nodeNames: string[], nodes: Record<string, WorkerNode>, epochMs: number, kit: NonNullable<ClusterComponents['cloud']>): CloudApi {
	const { CCM, CLOUD_API, requestText, startCloudControllerManager } = kit;
	const cloud = new kit.CloudApi(cp.sim, nodeNames);
	// HTTPS to the provider's API endpoint: tens of milliseconds each way.
	const link = new Link<CloudRequest, CloudResponse>(cp.sim.net, CCM, CLOUD_API, 'ccm-cloud', { min: 20, max: 60 }, cloud.serve);
	cp.sim.action('process started (informers: LIST, then WATCH)', () => startCloudControllerManager(cp.context(CCM), { call: (req, done) => link.call(req, requestText(req), done) }, { epochMs }), CCM);
	for (const name of nodeNames) {
		const node = nodes[name];
		if (!node) continue;
		const { powerOff, powerOn } = node;
		node.powerOff = () => {
			powerOff();
			cloud.setPower(name, 'stopped');
		};
		node.powerOn = () => {
			if (!cloud.vms.has(name)) return;
			cloud.setPower(name, 'running');
			powerOn();
		};
	}
	return cloud;
}
