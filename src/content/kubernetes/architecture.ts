import type { Walkthrough } from '$lib/model/types';
import { healthyNodes, settledThree } from './tables';

// A tour of each component, in the deck's order (master, then node components), saying where the
// deck is dated (flows.md, "Where the deck is dated").
export const architecture: Walkthrough = {
	id: 'kubernetes/architecture',
	scene: 'kubernetes',
	title: 'Kubernetes architecture',
	summary: 'A tour of the control plane and the worker nodes, and what has changed since the slides.',
	steps: [
		{
			id: 'overview',
			title: 'Control plane and worker nodes',
			view: 'full',
			narration:
				'A Kubernetes cluster has two halves. The control plane (the deck\'s "master") decides what should run and stores the cluster\'s state. Worker nodes are the machines that run your containers, grouped in Pods. You describe what you want; the cluster keeps working to make it so.',
			notes: 'Start by pointing at the two halves. Ask: which half would you lose sleep over if it went down?',
			highlight: ['control-plane', 'node-1', 'node-2', 'node-3'],
			tables: [...settledThree, healthyNodes]
		},
		{
			id: 'hub',
			title: 'The hub: kube-apiserver',
			view: 'full',
			narration:
				'Every conversation goes through the API server: kubectl, the scheduler, the controllers and every kubelet talk only to it, never to each other. It authenticates and authorises each request, runs admission checks, stores the result and pushes changes to whoever is watching.',
			notes: 'Hub and spoke is the single most useful picture to leave students with.',
			highlight: ['kube-apiserver'],
			terminal: { command: 'kubectl get nodes', output: 'NAME     STATUS   ROLES    AGE   VERSION\nnode-1   Ready    <none>   12d   v1.34.2\nnode-2   Ready    <none>   12d   v1.34.2\nnode-3   Ready    <none>   12d   v1.34.2', api: 'GET /api/v1/nodes' },
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'GET /api/v1/nodes' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '200 OK: 3 Nodes (served from its watch cache)' }
			],
			roles: { 'kube-apiserver': 'Answers the request; lists like this come from its cache, which it keeps fresh through its own watch on etcd.' }
		},
		{
			id: 'etcd',
			title: 'etcd: the cluster\'s memory',
			view: 'full',
			narration:
				'etcd is a consistent, replicated key-value store that holds every object: what you asked for and what the nodes report. Only the API server reads or writes it. Lose etcd without a backup and the cluster forgets everything it was meant to be running.',
			notes: 'In production, etcd runs as three or five members so a majority survives a failure.',
			highlight: ['etcd', 'kube-apiserver'],
			messages: [
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'write /registry/pods/default/nginx-7d4b9-x2x1w' },
				{ from: 'etcd', to: 'kube-apiserver', via: 'api-etcd', kind: 'response', summary: 'committed at revision 51007' }
			]
		},
		{
			id: 'scheduler',
			title: 'kube-scheduler: where should this Pod run?',
			notes: 'Misconception to address: the scheduler does not start Pods, it only writes a decision.',
			view: 'full',
			narration:
				'The scheduler watches for Pods that have no node yet. For each one it filters out nodes that cannot take it (not enough CPU or memory, taints, affinity rules), scores the rest, and records its choice by binding the Pod to a node through the API server. It never starts anything itself.',
			highlight: ['kube-scheduler'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-scheduler', via: 'api-scheduler', kind: 'event', summary: 'watch: Pod nginx-7d4b9-p5m7c ADDED, no nodeName' },
				{ from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: 'bind Pod nginx-7d4b9-p5m7c to node-2' }
			]
		},
		{
			id: 'controllers',
			title: 'kube-controller-manager: the control loops',
			view: 'full',
			narration:
				'One process runs many control loops. Each compares what you asked for with what exists and acts on the difference: the Deployment controller creates ReplicaSets, the ReplicaSet controller keeps the Pod count, the node lifecycle controller watches heartbeats, the EndpointSlice controller tracks which Pods back a Service. Controllers never call each other: each writes objects that others watch.',
			notes: 'Dated in the deck: "replication controller" is now the ReplicaSet controller (ReplicationController is legacy); "endpoints controller" is now EndpointSlices (Endpoints API deprecated since 1.33); the token controller no longer creates token Secrets since 1.24, Pods get short-lived projected tokens.',
			highlight: ['kube-controller-manager'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: ReplicaSet nginx-7d4b9 has 2 Pods, wants 3' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'POST Pod nginx-7d4b9-h3v8s' }
			],
			roles: { 'kube-controller-manager': 'Inside: Deployment, ReplicaSet, node lifecycle, taint-eviction, EndpointSlice and ServiceAccount controllers, among others.' }
		},
		{
			id: 'cloud-controller',
			title: 'cloud-controller-manager: talking to the cloud',
			view: 'full',
			narration:
				"The cloud-controller-manager holds the loops that need the cloud provider's API: the node controller (does this VM still exist?), the route controller and the service controller, which creates a cloud load balancer for a Service of type LoadBalancer. It is the only part of the cluster that calls the cloud's API.",
			notes: 'The deck says it is absent on-premises. True by default, but private clouds such as OpenStack or vSphere run one; cloud code inside Kubernetes itself was removed in 1.31.',
			highlight: ['cloud-controller-manager', 'cloud-api'],
			messages: [
				{ from: 'kube-apiserver', to: 'cloud-controller-manager', via: 'api-ccm', kind: 'event', summary: 'watch: Service nginx type LoadBalancer' },
				{ from: 'cloud-controller-manager', to: 'cloud-api', via: 'ccm-cloud', kind: 'request', summary: 'create load balancer for Service nginx' }
			]
		},
		{
			id: 'kubelet',
			title: 'kubelet: the agent on every node',
			notes: 'Heartbeats are small Lease updates; full node status goes out only on change or every 5 minutes.',
			view: 'full',
			narration:
				'Each node runs a kubelet. It watches the API server for Pods bound to its node, asks the container runtime to run them, reports their status back, and renews a Lease object every 10 seconds as its heartbeat. If the heartbeats stop, the control plane notices.',
			highlight: ['kubelet-1', 'kubelet-2', 'kubelet-3'],
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PUT Lease kube-node-lease/node-1 (heartbeat, every 10 s)' },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: 'PUT Lease kube-node-lease/node-2' },
				{ from: 'kubelet-3', to: 'kube-apiserver', via: 'api-kubelet-3', kind: 'request', summary: 'PUT Lease kube-node-lease/node-3' }
			]
		},
		{
			id: 'runtime',
			title: 'The container runtime',
			view: 'full',
			narration:
				'The kubelet drives a container runtime through the Container Runtime Interface (CRI). Today that is usually containerd or CRI-O, which pull images and start containers through runc. Docker Engine is no longer built in: the dockershim was removed in Kubernetes 1.24, so using Docker needs the separate cri-dockerd adapter.',
			notes: 'Dated in the deck: "we are using Docker" as the runtime, and rkt as an alternative. rkt was archived by the CNCF in 2019. Images built with Docker still run everywhere: they are standard OCI images.',
			highlight: ['runtime-1', 'runtime-2', 'runtime-3'],
			messages: [
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: 'CRI ListPodSandbox, ContainerStatus' },
				{ from: 'runtime-2', to: 'kubelet-2', via: 'kubelet-runtime-2', kind: 'response', summary: '1 sandbox, nginx running' }
			]
		},
		{
			id: 'kube-proxy',
			title: 'kube-proxy: Services on every node',
			view: 'full',
			narration:
				'kube-proxy watches Services and EndpointSlices and writes kernel forwarding rules on its node (iptables by default, nftables since 1.33), so a packet for a Service address reaches one of its ready Pods. The kernel forwards the packets; kube-proxy only writes the rules. Some network plugins replace it entirely.',
			notes: 'Dated in the deck: kube-proxy is optional now, and its IPVS mode is deprecated (1.35).',
			highlight: ['kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-proxy-1', via: 'api-proxy-1', kind: 'event', summary: 'watch: EndpointSlice nginx-6qkz2 changed' },
				{ from: 'kube-apiserver', to: 'kube-proxy-3', via: 'api-proxy-3', kind: 'event', summary: 'watch: EndpointSlice nginx-6qkz2 changed' }
			]
		},
		{
			id: 'pods',
			title: 'Pods',
			notes: 'Ask why Kubernetes schedules Pods rather than single containers (shared network and volumes for helpers).',
			view: 'full',
			narration:
				'A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and storage and are scheduled together. Pods are disposable. You rarely create them directly: a Deployment asks for a number of identical Pods, and controllers replace any that disappear.',
			highlight: ['pod-1a', 'pod-2a', 'pod-3a']
		},
		{
			id: 'traffic',
			title: 'From the outside world to a Pod',
			notes: 'Note that none of this traffic passes through the control plane.',
			view: 'full',
			narration:
				"A Service gives the Pods one stable address. For a Service of type LoadBalancer, the cloud's load balancer sends a user's request to a node's NodePort; rules written by kube-proxy forward it to a ready Pod, which may be on another node.",
			highlight: ['end-user', 'load-balancer', 'kube-proxy-1', 'pod-2a'],
			messages: [
				{ from: 'end-user', to: 'load-balancer', via: 'user-lb', kind: 'data', summary: 'GET http://20.50.60.70/' },
				{ from: 'load-balancer', to: 'kube-proxy-1', via: 'lb-proxy-1', kind: 'data', summary: 'to node-1:31380 (NodePort)' },
				{ from: 'kube-proxy-1', to: 'pod-2a', via: 'proxy1-pod-2a', kind: 'data', summary: 'DNAT to 10.244.2.7:80 by kernel rules' }
			]
		},
		{
			id: 'loop',
			title: 'Desired state, actual state',
			notes: 'Ask students to name, for one command, which component acts first and what it writes.',
			view: 'full',
			narration:
				'That is the whole design: you declare the desired state; it is stored in etcd through the API server; controllers, the scheduler and the kubelets each watch for the part they own and work until the actual state matches. The other walkthroughs follow this loop through real commands.',
			highlight: ['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'kubelet-1']
		}
	]
};
