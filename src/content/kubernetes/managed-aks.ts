import type { Walkthrough } from '$lib/model/types';
import { recordWalkthrough, type Scenario } from '$lib/sim/kubernetes/scenario';
import { COURSE } from './create-deployment';
import { kubernetesScene } from './scene';
import { K8S_VERSION } from './tables';

// K6 in flows.md: the same cluster, with the line drawn between what Azure runs and what you own.
// On AKS the three nodes are VM scale set instances; the diagram keeps its short labels node-1..3.
// Versions are consistent examples for late 2026 (AKS calendar: 1.36 GA Jun 2026, 1.37 GA Oct 2026).
// Messages, tables, Pod badges are recorded from the simulator: a cluster of its own (seed k6, the
// course's components) whose Nodes have AKS's names and whose API server reaches the kubelets through
// konnectivity; the class creates the same Deployment, then runs kubectl get nodes and kubectl logs.
// The az commands talk to Azure Resource Manager, not to the Kubernetes API: they stay terminal text.
export const AKS_NODE = ['aks-nodepool1-20315813-vmss000000', 'aks-nodepool1-20315813-vmss000001', 'aks-nodepool1-20315813-vmss000002'] as const;
/** The Pods the run names, one per node (the scene's pod-1d, pod-2e, pod-3b). */
export const AKS_POD = { first: 'nginx-799cfcc968-bnfcq', second: 'nginx-799cfcc968-gg8lh', third: 'nginx-799cfcc968-rsnzb' } as const;
const NODE_VERSION = K8S_VERSION;
const AKS_TABLES = ['Deployments', 'ReplicaSets', 'Pods', 'Nodes'];

export const k6Scenario: Scenario = {
	title: 'K6: a cluster on AKS-named nodes (konnectivity), kubectl create deployment nginx --replicas=3, then kubectl get nodes and kubectl logs',
	start: { cluster: { seed: 'k6', ...COURSE, nodeNames: [...AKS_NODE], konnectivity: true } },
	steps: [
		{
			step: 'split',
			actions: [{ until: { started: true } }, { kubectl: 'create deployment', name: 'nginx', image: 'nginx', replicas: 3 }, { until: { settled: true } }, { wait: 60_000 }],
			tables: AKS_TABLES
		},
		{ step: 'control-plane', tables: AKS_TABLES },
		{
			step: 'nodes',
			actions: [{ kubectl: 'get nodes' }],
			until: { answered: { from: 'kubectl', summary: /^GET \/api\/v1\/nodes$/ } },
			show: [{ from: 'kubectl' }, { to: 'kubectl' }],
			tables: AKS_TABLES
		},
		{
			step: 'kube-system',
			actions: [{ kubectl: 'logs', name: AKS_POD.first }],
			until: { answered: { from: 'kubectl', summary: /\/log$/ } },
			show: [{ from: 'kubectl' }, { to: /^kubelet-/, summary: /^GET \/containerLogs\// }, { from: /^kubelet-/, to: 'kube-apiserver', summary: /log/ }, { to: 'kubectl' }],
			tables: AKS_TABLES
		},
		{ step: 'same-flows', tables: AKS_TABLES }
	]
};

const pad = (s: string, n: number) => s.padEnd(n);

const written: Walkthrough = {
	id: 'kubernetes/managed-aks',
	scene: 'kubernetes',
	order: 7,
	title: 'Managed Kubernetes on AKS',
	summary: 'What Azure Kubernetes Service runs for you, and what you see, manage and pay for.',
	deckCorrections: [
		{ step: 'nodes', text: 'The deck says "We are using Docker" as the runtime; AKS nodes run containerd, and Kubernetes dropped Docker Engine support (dockershim) in 1.24.' }
	],
	steps: [
		{
			id: 'split',
			title: 'Two halves, two owners',
			view: 'aks',
			narration:
				"Here is the course's nginx Deployment on a cluster of its own, on Azure Kubernetes Service: three replicas Running, bnfcq, gg8lh and rsnzb, one on each node. It has the same parts, but the control plane is managed by Azure: kube-apiserver, etcd, the scheduler, kube-controller-manager and a cloud-controller-manager for Azure run in Azure's own subscription. You cannot log in to them. You own the worker nodes.",
			notes: 'Ask: what do you no longer have to do? (Back up etcd, patch control-plane machines, keep them highly available.) Then ask what you still must do: upgrade when asked, size the node pools, secure your workloads.',
			highlight: ['azure', 'node-pool'],
		},
		{
			id: 'control-plane',
			checkpoint: {
				question: 'On AKS, where do etcd and kube-scheduler run?',
				kind: 'choice',
				options: [
					{ value: 'On Azure\'s machines, out of your reach' },
					{ value: 'On your node pool VMs', misconception: 'The control plane runs on your nodes. Azure runs it elsewhere; you never see those machines.' },
					{ value: 'Nowhere: AKS does without them', misconception: 'A managed cluster has no control plane. It has the same one; Azure runs it.' }
				],
				answer: 'On Azure\'s machines, out of your reach',
				feedback: 'Azure runs a control plane per cluster (kube-apiserver, etcd, the scheduler and both controller managers), keeps it running and upgrades it when you ask.'
			},
			title: 'What Azure runs for you',
			notes: 'Misconception to expect: "kubectl upgrades the cluster". kubectl talks only to Kubernetes; upgrades are an Azure operation. Demo: az aks get-upgrades, then (on a lab cluster) az aks upgrade to the version it lists.',
			view: 'aks',
			narration:
				'Each cluster gets its own control plane. Azure keeps it running and backed up, and upgrades Kubernetes when you ask through the Azure CLI or portal. Here the cluster runs 1.36.4 and Azure offers 1.37: az aks upgrade upgrades the control plane first, then the nodes one by one. The Free tier has no uptime guarantee; Standard and Premium add an uptime SLA, and Premium adds long-term support.',
			highlight: ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager'],
			terminal: {
				prompt: '$',
				command: 'az aks get-upgrades -g demo-rg -n demo-aks -o table',
				output: `${pad('Name', 9)}${pad('ResourceGroup', 17)}${pad('MasterVersion', 17)}Upgrades\n${pad('-------', 9)}${pad('---------------', 17)}${pad('---------------', 17)}--------------\n${pad('default', 9)}${pad('demo-rg', 17)}${pad('1.36.4', 17)}1.37.1, 1.37.2`,
				api: 'Azure Resource Manager: GET managedClusters/demo-aks/upgradeProfiles/default (not the Kubernetes API)'
			}
		},
		{
			id: 'nodes',
			checkpoint: {
				question: 'kubectl get nodes on AKS: which machines are listed?',
				kind: 'choice',
				options: [
					{ value: 'Your node pool\'s VMs and Azure\'s control-plane machines', misconception: 'Control-plane machines show up as nodes. On AKS they are hidden.' },
					{ value: 'Only your node pool\'s VMs' },
					{ value: 'None: AKS hides nodes', misconception: 'A managed cluster hides its nodes. The nodes are yours: you see them and pay for them.' }
				],
				answer: 'Only your node pool\'s VMs',
				feedback: 'kubectl get nodes lists only the VMs of your node pools, the machines you see and pay for; the managed control plane is not a node of your cluster.'
			},
			title: 'What you see and pay for: node pools',
			notes: 'Show the MC_ resource group in the portal if you can: the VMs, disks and load balancer are there. Ask why a node is named …vmss000000: it is instance 0 of the scale set.',
			view: 'aks',
			narration: `Your nodes are VMs in a virtual machine scale set (a node pool), kept with their disks and the cluster's load balancer in a separate node resource group named MC_… . kubectl get nodes lists only these machines, named aks-nodepool1-…-vmss000000 to …-vmss000002 (node-1 to node-3 in the diagram). Each runs kubelet, kube-proxy and containerd. The deck says "We are using Docker" as the runtime; AKS nodes run containerd, and Kubernetes dropped Docker Engine support (dockershim) in 1.24.`,
			highlight: ['node-1', 'node-2', 'node-3'],
			terminal: {
				command: 'kubectl get nodes',
				// AGE: the run's Nodes were registered when it began, 63 s before this command (a test checks).
				output: ['NAME                                STATUS   ROLES    AGE   VERSION', ...AKS_NODE.map((n) => `${n}   Ready    <none>   63s   ${NODE_VERSION}`)].join('\n'),
				api: 'GET /api/v1/nodes'
			},
		},
		{
			id: 'kube-system',
			checkpoint: {
				question: 'kubectl logs on AKS: how does the API server reach the kubelet on your node?',
				kind: 'choice',
				options: [
					{ value: 'Directly, as on any cluster', misconception: 'The managed API server can open connections to your nodes. It cannot reach them directly.' },
					{ value: 'Through the tunnel konnectivity-agent opened from your nodes' },
					{ value: 'It reads the logs from etcd', misconception: 'Logs are kept in etcd. etcd holds objects; container logs stay on the node.' }
				],
				answer: 'Through the tunnel konnectivity-agent opened from your nodes',
				feedback: 'konnectivity-agent, a kube-system Pod on your nodes, dials out to the control plane; the API server sends its log request back through that tunnel.'
			},
			title: 'kube-system: add-ons Azure installs on your nodes',
			notes: 'Demo: kubectl get pods -n kube-system -o wide shows CoreDNS, metrics-server and konnectivity-agent running on your own nodes, using your capacity. Ask: if the konnectivity-agent Pods were down, which kubectl commands would still work? (get and apply yes; logs and exec no.)',
			view: 'aks',
			narration: `Some system Pods run on your nodes in the kube-system namespace: CoreDNS for Service names, metrics-server for kubectl top and autoscaling, and konnectivity-agent. The managed API server cannot reach your nodes directly, so the agents dial out to it and hold a tunnel open; kubectl logs and exec travel through it. Here the logs of bnfcq come from the kubelet on vmss000000.`,
			highlight: ['kube-apiserver', 'kubelet-1'],
			terminal: {
				command: `kubectl logs ${AKS_POD.first}`,
				// The lines the run's kubelet returned (cluster/kubectl-logs.ts): nginx started 1 s into the run (a test checks).
				output: '/docker-entrypoint.sh: Configuration complete; ready for start up\n2026/01/01 00:00:01 [notice] 1#1: start worker processes',
				api: `GET /api/v1/namespaces/default/pods/${AKS_POD.first}/log`
			},
		},
		{
			id: 'same-flows',
			title: 'Everything else works the same',
			notes: 'Suggest replaying Create a Deployment with AKS in mind and asking, at each message, "who runs this component here: Azure or you?"',
			view: 'aks',
			narration:
				"Creating, scaling, failing over, exposing and crash-looping all happen exactly as in the other walkthroughs. Only two things differ: the API server's address (an Azure endpoint in your kubeconfig, from az aks get-credentials) and the load balancer, which the Azure cloud-controller-manager creates as an Azure Load Balancer.",
			highlight: ['azure', 'node-pool'],
			terminal: { command: 'az aks get-credentials -g demo-rg -n demo-aks', output: 'Merged "demo-aks" as current context in /home/student/.kube/config', api: 'Azure Resource Manager: POST managedClusters/demo-aks/listClusterUserCredential' },
		}
	]
};

/** The recorded run (steps with their full trace), for the golden test. */
export const k6Recording = recordWalkthrough(k6Scenario, written, kubernetesScene);
export const managedAks = k6Recording.walkthrough;
