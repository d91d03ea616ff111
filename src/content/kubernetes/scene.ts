import type { Component, Connection, Scene } from '$lib/model/types';

// A cluster drawn hub-and-spoke: every control message goes through kube-apiserver, only the API
// server touches etcd, and watchers hold standing watch streams (dashed) from the API server.
// Pod names follow Kubernetes' pattern <deployment>-<pod-template-hash>-<suffix>, as the simulator
// names them in the recorded create-deployment and scale runs (continuity.test.ts checks each slot).

const NODES = [1, 2, 3] as const;

/** Pod slots per node, each named after the one Pod the runs put there; walkthroughs choose which are shown. */
const PODS: Record<string, { node: number; name: string }> = {
	'pod-1a': { node: 1, name: 'nginx-799cfcc968-5bfnw' },
	'pod-1b': { node: 1, name: 'nginx-799cfcc968-55647' },
	'pod-2a': { node: 2, name: 'nginx-799cfcc968-bh954' },
	'pod-2b': { node: 2, name: 'nginx-799cfcc968-2xftn' },
	// Made when the class scales back to three after `scale` (expose-service's first step, tables.ts
	// threeAgain); node-failure evicts it and, once node-2's VM is deleted, the Pod GC removes it.
	'pod-2c': { node: 2, name: 'nginx-799cfcc968-cvl77' },
	// node-failure's replacement for cvl77 (tables.ts afterFailure).
	'pod-1c': { node: 1, name: 'nginx-799cfcc968-wkjrr' },
	// The architecture tour's replacement for bh954, when the tour deletes it (architecture.ts).
	'pod-2d': { node: 2, name: 'nginx-799cfcc968-dnn5t' },
	'pod-3a': { node: 3, name: 'nginx-799cfcc968-sz2k2' },
	// managed-aks: the same Deployment on a cluster of its own on AKS (its run, seed k6), one Pod per node.
	'pod-1d': { node: 1, name: 'nginx-799cfcc968-bnfcq' },
	'pod-2e': { node: 2, name: 'nginx-799cfcc968-gg8lh' },
	'pod-3b': { node: 3, name: 'nginx-799cfcc968-rsnzb' }
};

const nodeComponents: Component[] = NODES.flatMap((n) => [
	{
		id: `kubelet-${n}`,
		name: `kubelet (node-${n})`,
		label: 'kubelet',
		kind: 'agent',
		parent: `node-${n}`,
		description: `The node agent on node-${n}. It watches the API server for Pods bound to its node, drives the container runtime through the CRI to run them, reports their status, and renews the node's Lease every 10 seconds as a heartbeat.`
	},
	{
		id: `kube-proxy-${n}`,
		name: `kube-proxy (node-${n})`,
		label: 'kube-proxy',
		kind: 'network',
		parent: `node-${n}`,
		description: `Watches Services and EndpointSlices and programs node-${n}'s kernel (iptables by default, nftables since 1.33) so that traffic to a Service reaches a ready Pod. Packets are forwarded by the kernel; the kube-proxy process is not on the data path. Optional: some network plugins replace it.`
	},
	{
		id: `runtime-${n}`,
		name: `container runtime (node-${n})`,
		label: 'container runtime',
		kind: 'runtime',
		parent: `node-${n}`,
		description: `containerd (or CRI-O) on node-${n}. It creates Pod sandboxes, calls the CNI plugin to give each Pod an IP, pulls images and starts containers through a shim and runc. Since Kubernetes 1.24 Docker Engine is not a built-in runtime (dockershim was removed).`
	}
]);

const podComponents: Component[] = Object.entries(PODS).map(([id, p]) => ({
	id,
	name: p.name,
	// The drawn label leaves out the Deployment's name (every Pod here is nginx's): the real 10-character
	// hash and the suffix, on two lines, keep the box as narrow as the walkthroughs' old short names did.
	label: p.name.replace(/^nginx-/, ''),
	kind: 'pod',
	parent: `node-${p.node}`,
	description: `A Pod of the nginx Deployment on node-${p.node}: one nginx container with its own IP address on the cluster network. Pods are disposable: a replacement is a new Pod with a new name and IP.`
}));

const nodeConnections: Connection[] = NODES.flatMap((n) => [
	{ id: `api-kubelet-${n}`, from: 'kube-apiserver', to: `kubelet-${n}`, kind: 'watch' as const },
	{ id: `api-proxy-${n}`, from: 'kube-apiserver', to: `kube-proxy-${n}`, kind: 'watch' as const },
	{ id: `kubelet-runtime-${n}`, from: `kubelet-${n}`, to: `runtime-${n}` },
	{ id: `runtime-registry-${n}`, from: `runtime-${n}`, to: 'registry' },
	{ id: `lb-proxy-${n}`, from: 'load-balancer', to: `kube-proxy-${n}`, kind: 'data' as const }
]);

const podConnections: Connection[] = Object.entries(PODS).flatMap(([id, p]) => [
	{ id: `runtime-${id}`, from: `runtime-${p.node}`, to: id },
	{ id: `proxy-${id}`, from: `kube-proxy-${p.node}`, to: id, kind: 'data' as const }
]);

const controlPlane = ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager'];
const agents = NODES.flatMap((n) => [`kubelet-${n}`, `kube-proxy-${n}`, `runtime-${n}`]);
// Rows: the user and the cloud API above, the control plane, the nodes, then what the nodes reach
// (registry, load balancer, end user) below them, so lines rarely cross the control plane.
const rows = { kubectl: 0, 'cloud-api': 0, 'control-plane': 1, 'node-1': 2, 'node-2': 2, 'node-3': 2, registry: 3, 'load-balancer': 3, 'end-user': 3 };

function view(id: string, name: string, extra: string[], pods: string[], without: string[] = []) {
	return {
		id,
		name,
		components: ['kubectl', ...extra, ...controlPlane, ...agents, ...pods].filter((c) => !without.includes(c)),
		partitions: rows,
		unlinked: ['top', 'control-plane']
	};
}

export const kubernetesScene: Scene = {
	id: 'kubernetes',
	order: 4,
	stateTitle: 'Cluster',
	title: 'Kubernetes: control plane and worker nodes',
	summary: 'The API server at the centre; controllers, scheduler and kubelets watching it and writing back.',
	groups: [
		{ id: 'control-plane', name: 'Control plane', kind: 'plane', description: 'The components that decide what should run where and store the cluster state. In production they run on several machines for high availability; on AKS Azure runs them for you.' },
		{ id: 'node-1', name: 'node-1', kind: 'node', description: 'A worker node: a machine (usually a VM) that runs Pods. It runs kubelet, kube-proxy and a container runtime.' },
		{ id: 'node-2', name: 'node-2', kind: 'node', description: 'A second worker node, identical in role to node-1.' },
		{ id: 'node-3', name: 'node-3', kind: 'node', description: 'A third worker node. More nodes give more capacity and let Pods survive the loss of one.' },
		{ id: 'azure', name: 'Managed by Azure (you cannot log in here)', kind: 'boundary', description: "On AKS, Azure runs the control plane for you: one per cluster, in Azure's own subscription, upgraded through the Azure CLI or portal." },
		{ id: 'node-pool', name: 'Your node pool (VM scale set: you see and pay for these)', kind: 'boundary', description: 'On AKS, worker nodes are VMs in a virtual machine scale set, in a separate node resource group (MC_…) with their disks and load balancer.' }
	],
	components: [
		{ id: 'kubectl', name: 'kubectl', kind: 'client', description: 'The command-line client. It turns commands into REST calls to the API server, using the address and credentials in your kubeconfig file.' },
		{ id: 'registry', name: 'Docker Hub', kind: 'registry', description: 'An image registry. Container runtimes pull image manifests and layers from it when a Pod needs an image the node does not have.' },
		{ id: 'end-user', name: 'End user', kind: 'person', description: "Someone using the application from outside the cluster, e.g. a browser." },
		{ id: 'load-balancer', name: 'Load balancer', kind: 'network', description: "The cloud provider's load balancer. It gets a public IP and spreads traffic over the healthy nodes: in the generic picture to the Service's NodePort; on Azure, by default, to the Service's own port with floating IP. kube-proxy's rules on the node take it from there." },
		{ id: 'cloud-api', name: 'Cloud API', kind: 'server', description: "The cloud's own API (e.g. Azure Resource Manager). The cloud-controller-manager calls it to create load balancers and routes and to check whether VMs still exist. It is not the only caller: on AKS the disk and file storage drivers (CSI), the cluster autoscaler and the kubelet's credential provider for ACR call Azure too." },
		{ id: 'kube-apiserver', name: 'kube-apiserver', kind: 'server', parent: 'control-plane', description: 'The front door and the hub: every component and every user talks only to it. It authenticates, authorises and admits each request, stores objects in etcd and streams changes to watchers.' },
		{ id: 'etcd', name: 'etcd', kind: 'store', parent: 'control-plane', description: 'A consistent, replicated key-value store holding the whole cluster state (desired and reported). Only the API server reads or writes it.' },
		{ id: 'kube-scheduler', name: 'kube-scheduler', kind: 'controller', parent: 'control-plane', description: 'Watches for Pods with no node, filters out nodes that cannot run them, scores the rest, and binds each Pod to the best node by writing to the API server.' },
		{ id: 'kube-controller-manager', name: 'kube-controller-manager', kind: 'controller', parent: 'control-plane', description: 'One process running many control loops, each making actual state match desired state: Deployment (creates ReplicaSets), ReplicaSet (keeps the Pod count), node lifecycle (heartbeats, taints), taint-eviction, EndpointSlice (Service → Pod IPs), ServiceAccount. The deck\'s "replication controller" is legacy; ReplicaSets replaced it.' },
		{ id: 'cloud-controller-manager', name: 'cloud-controller-manager', kind: 'controller', parent: 'control-plane', description: "Control loops that talk to the cloud provider: the node controller (is this VM gone?), the route controller and the service controller (creates load balancers). Absent on a plain on-premises cluster unless a private cloud (OpenStack, vSphere) provides one." },
		...nodeComponents,
		...podComponents
	],
	connections: [
		{ id: 'kubectl-api', from: 'kubectl', to: 'kube-apiserver' },
		{ id: 'api-etcd', from: 'kube-apiserver', to: 'etcd' },
		{ id: 'api-scheduler', from: 'kube-apiserver', to: 'kube-scheduler', kind: 'watch' },
		{ id: 'api-kcm', from: 'kube-apiserver', to: 'kube-controller-manager', kind: 'watch' },
		{ id: 'api-ccm', from: 'kube-apiserver', to: 'cloud-controller-manager', kind: 'watch' },
		{ id: 'ccm-cloud', from: 'cloud-controller-manager', to: 'cloud-api' },
		{ id: 'cloud-lb', from: 'cloud-api', to: 'load-balancer' },
		{ id: 'user-lb', from: 'end-user', to: 'load-balancer', kind: 'data' },
		{ id: 'proxy1-pod-2a', from: 'kube-proxy-1', to: 'pod-2a', kind: 'data' },
		{ id: 'proxy3-pod-2d', from: 'kube-proxy-3', to: 'pod-2d', kind: 'data' },
		{ id: 'proxy1-pod-2c', from: 'kube-proxy-1', to: 'pod-2c', kind: 'data' },
		...nodeConnections,
		...podConnections
	],
	views: [
		view('full', 'The whole cluster', ['registry', 'end-user', 'load-balancer', 'cloud-api'], ['pod-1a', 'pod-2a', 'pod-3a']),
		view('full-replacing', 'The whole cluster: a replacement Pod on node-2', ['registry', 'end-user', 'load-balancer', 'cloud-api'], ['pod-1a', 'pod-2a', 'pod-2d', 'pod-3a']),
		view('full-replaced', 'The whole cluster after the replacement', ['registry', 'end-user', 'load-balancer', 'cloud-api'], ['pod-1a', 'pod-2d', 'pod-3a']),
		view('empty', 'Cluster with no Pods yet', ['registry'], []),
		view('one-pod', 'First Pod created', ['registry'], ['pod-1a']),
		view('three', 'Three nginx Pods', ['registry'], ['pod-1a', 'pod-2a', 'pod-3a']),
		view('five', 'Five nginx Pods', ['registry'], ['pod-1a', 'pod-1b', 'pod-2a', 'pod-2b', 'pod-3a']),
		view('two', 'Two nginx Pods', ['registry'], ['pod-1a', 'pod-3a']),
		// After `scale`, scaled back to three: w6q9t runs on node-2 (expose-service, node-failure).
		view('three-again', 'Three nginx Pods again', ['registry'], ['pod-1a', 'pod-2c', 'pod-3a']),
		view('three-again-cloud', 'Three nginx Pods again, and the cloud API', ['registry', 'cloud-api'], ['pod-1a', 'pod-2c', 'pod-3a']),
		// After node-failure: node-2 rebuilt but empty; sz2k2 stays on node-3 (crash-loop).
		view('rebuilt', 'node-2 rebuilt: two nginx Pods on node-1', ['registry'], ['pod-1a', 'pod-1c', 'pod-3a']),
		view('replaced', 'Replacement Pod on a healthy node', ['registry'], ['pod-1a', 'pod-1c', 'pod-2c', 'pod-3a']),
		view('replaced-cloud', 'Replacement Pod on a healthy node, and the cloud API', ['registry', 'cloud-api'], ['pod-1a', 'pod-1c', 'pod-2c', 'pod-3a']),
		view('service', 'Exposed through a load balancer', ['end-user', 'load-balancer', 'cloud-api'], ['pod-1a', 'pod-2c', 'pod-3a']),
		view('onprem', 'On-premises: no cloud controller', [], ['pod-1a', 'pod-2c', 'pod-3a'], ['cloud-controller-manager']),
		{
			...view('aks', 'Azure Kubernetes Service', [], ['pod-1d', 'pod-2e', 'pod-3b']),
			place: { 'control-plane': 'azure', 'node-1': 'node-pool', 'node-2': 'node-pool', 'node-3': 'node-pool' },
			partitions: { kubectl: 0, azure: 1, 'node-pool': 2 },
			unlinked: ['top', 'control-plane', 'node-pool']
		}
	]
};
