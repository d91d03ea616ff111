import type { WalkthroughEntry } from './registry';

// Every walkthrough promised in DESIGN.md, in teaching order. Entries whose content does not exist
// yet appear in the gallery as "coming soon" rather than as dead links.
export const catalog: WalkthroughEntry[] = [
	{ id: 'microservices/monolith-vs-microservices', title: 'Monolith vs microservices', summary: 'One e-commerce shop built two ways, and what each costs.' },
	{ id: 'stacks/overview', title: 'Physical machines, VMs and containers', summary: 'Follow one system call through a bare server, a VM and a container.' },
	{ id: 'docker/pull-and-run', title: 'docker pull and docker run', summary: 'From a command to a running container: socket, registry, layers, runtime.' },
	{ id: 'docker/build-and-push', title: 'Build and push an image', summary: 'A Dockerfile becomes layers, a tag and an upload.' },
	{ id: 'docker/push-to-acr', title: 'Push to Azure Container Registry', summary: 'az acr login, token exchange, tag and push.' },
	{ id: 'docker/inspect-containers', title: 'docker ps and docker exec', summary: 'List containers and open a shell inside one.' },
	{ id: 'kubernetes/architecture', title: 'Kubernetes architecture', summary: 'A tour of the control plane and the worker nodes.' },
	{ id: 'kubernetes/create-deployment', title: 'Create a Deployment', summary: 'From kubectl to three running Pods, through the API server.' },
	{ id: 'kubernetes/scale', title: 'Scale a Deployment', summary: 'Up to five replicas, and back down to two.' },
	{ id: 'kubernetes/node-failure', title: 'A node fails', summary: 'Leases, taints, eviction and replacement Pods.' },
	{ id: 'kubernetes/expose-service', title: 'Expose a Service', summary: 'ClusterIP, NodePort, EndpointSlices and a cloud load balancer.' },
	{ id: 'kubernetes/crash-loop', title: 'A container crash-loops', summary: 'Restarts in place and the back-off that grows to five minutes.' },
	{ id: 'kubernetes/managed-aks', title: 'Managed Kubernetes on AKS', summary: 'What Azure runs for you and what you see and pay for.' }
];
