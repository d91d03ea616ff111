import type { Walkthrough } from '$lib/model/types';
import { healthyNodes, settledThree } from './tables';

// K6 in flows.md: the same cluster, with the line drawn between what Azure runs and what you own.
export const managedAks: Walkthrough = {
	id: 'kubernetes/managed-aks',
	scene: 'kubernetes',
	title: 'Managed Kubernetes on AKS',
	summary: 'What Azure Kubernetes Service runs for you, and what you see, manage and pay for.',
	steps: [
		{
			id: 'split',
			title: 'Two halves, two owners',
			view: 'aks',
			narration:
				'On Azure Kubernetes Service the cluster has the same parts, but the control plane is managed by Azure: kube-apiserver, etcd, the scheduler, kube-controller-manager and a cloud-controller-manager for Azure run in Azure\'s own subscription. You cannot log in to them. You own the worker nodes.',
			notes: 'Ask: what do you no longer have to do? (Back up etcd, patch control-plane machines, keep them highly available.)',
			highlight: ['azure', 'node-pool'],
			tables: [healthyNodes]
		},
		{
			id: 'control-plane',
			title: 'What Azure runs for you',
			notes: 'Upgrades go through Azure, not kubectl: kubectl talks only to Kubernetes.',
			view: 'aks',
			narration:
				'Each cluster gets its own control plane. Azure keeps it running, backs up etcd and upgrades Kubernetes when you ask through the Azure CLI or portal. The Free tier has no uptime guarantee; Standard and Premium add an uptime SLA, and Premium adds long-term support.',
			highlight: ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager'],
			terminal: { prompt: '$', command: 'az aks upgrade -g demo-rg -n demo-aks --kubernetes-version 1.34.2', output: 'Kubernetes may be unavailable during cluster upgrades. Are you sure? (y/N): y', api: 'Azure Resource Manager: PUT managedClusters/demo-aks (not the Kubernetes API)' }
		},
		{
			id: 'nodes',
			title: 'What you see and pay for: node pools',
			notes: 'Show the MC_ resource group in the portal if you can: the VMs, disks and load balancer are there.',
			view: 'aks',
			narration:
				'Your nodes are VMs in a virtual machine scale set (a node pool), placed with their disks and the cluster\'s load balancer in a separate node resource group named MC_… . Each node runs kubelet, kube-proxy and containerd. kubectl get nodes lists only these machines: the control plane never appears.',
			highlight: ['node-1', 'node-2', 'node-3'],
			terminal: {
				command: 'kubectl get nodes',
				output: 'NAME                                STATUS   ROLES    AGE   VERSION\naks-nodepool1-20315813-vmss000000   Ready    <none>   5d    v1.34.2\naks-nodepool1-20315813-vmss000001   Ready    <none>   5d    v1.34.2\naks-nodepool1-20315813-vmss000002   Ready    <none>   5d    v1.34.2',
				api: 'GET /api/v1/nodes'
			},
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'GET /api/v1/nodes (to the AKS API server endpoint)' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '200 OK: 3 nodes, all in your node pool' }
			]
		},
		{
			id: 'kube-system',
			title: 'kube-system: add-ons Azure installs on your nodes',
			notes: 'kubectl get pods -n kube-system shows these add-ons running on your nodes.',
			view: 'aks',
			narration:
				'Some system Pods run on your nodes in the kube-system namespace: CoreDNS for Service names, metrics-server for kubectl top and autoscaling, and konnectivity-agent. The managed API server cannot reach your nodes directly, so for kubectl logs and exec it goes through the tunnel that konnectivity-agent holds open.',
			highlight: ['kube-apiserver', 'kubelet-1'],
			terminal: {
				command: 'kubectl logs nginx-7d4b9-x2x1w',
				output: '/docker-entrypoint.sh: Configuration complete; ready for start up',
				api: 'GET /api/v1/namespaces/default/pods/nginx-7d4b9-x2x1w/log'
			},
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'GET pods/nginx-7d4b9-x2x1w/log' },
				{ from: 'kube-apiserver', to: 'kubelet-1', via: 'api-kubelet-1', kind: 'request', summary: 'GET /containerLogs/default/nginx-7d4b9-x2x1w/nginx (through the konnectivity tunnel)' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'response', summary: 'log lines streamed back' }
			]
		},
		{
			id: 'same-flows',
			title: 'Everything else works the same',
			notes: 'Suggest replaying Create a Deployment with AKS in mind: every message is the same.',
			view: 'aks',
			narration:
				'Creating, scaling, failing over, exposing and crash-looping all happen exactly as in the other walkthroughs. Only two things differ: the API server\'s address (an Azure endpoint in your kubeconfig, from az aks get-credentials) and the load balancer, which the Azure cloud-controller-manager creates as an Azure Load Balancer.',
			highlight: ['azure', 'node-pool'],
			terminal: { command: 'az aks get-credentials -g demo-rg -n demo-aks', output: 'Merged "demo-aks" as current context in /home/student/.kube/config', api: 'Azure Resource Manager: POST managedClusters/demo-aks/listClusterUserCredential' },
			tables: [...settledThree, healthyNodes]
		}
	]
};
