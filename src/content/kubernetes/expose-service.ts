import type { Walkthrough } from '$lib/model/types';
import { endpointSlices, service, settledThree } from './tables';

// K4 in flows.md: kubectl expose … --type=LoadBalancer, then one request from outside.
export const exposeService: Walkthrough = {
	id: 'kubernetes/expose-service',
	scene: 'kubernetes',
	title: 'Expose a Service',
	summary: 'ClusterIP, NodePort, EndpointSlices, kube-proxy rules and a cloud load balancer, then one request from outside.',
	steps: [
		{
			id: 'expose',
			title: 'kubectl expose creates a Service',
			view: 'service',
			narration:
				'kubectl reads the Deployment to copy its Pod selector (app=nginx), then POSTs a Service of type LoadBalancer. The API server allocates a stable virtual ClusterIP and a NodePort in the range 30000–32767, and stores the Service. The external IP is still pending.',
			notes: 'A Service is just an object in etcd. Everything that makes it work is done by watchers.',
			terminal: {
				command: 'kubectl expose deployment nginx --port=80 --type=LoadBalancer',
				output: 'service/nginx exposed',
				api: 'GET /apis/apps/v1/namespaces/default/deployments/nginx, then POST /api/v1/namespaces/default/services'
			},
			highlight: ['kubectl', 'kube-apiserver'],
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'GET deployments/nginx (read its selector)' },
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'POST Service nginx (LoadBalancer, port 80, selector app=nginx)' },
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'write Service nginx: ClusterIP 10.0.171.239, NodePort 31380' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '201 Created' }
			],
			tables: [...settledThree, service('<pending>')]
		},
		{
			id: 'endpointslice',
			title: 'The EndpointSlice controller lists the Pods',
			view: 'service',
			narration:
				'The EndpointSlice controller (in kube-controller-manager) watches Services and Pods. It creates an EndpointSlice labelled kubernetes.io/service-name=nginx, listing the IPs of the ready Pods that match the selector, each marked ready, serving or terminating. One slice holds up to 100 endpoints.',
			notes: 'The deck\'s "endpoints controller": the old Endpoints API is deprecated since 1.33; EndpointSlices have been GA since 1.21.',
			highlight: ['kube-controller-manager'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: Service nginx ADDED' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'POST EndpointSlice nginx-6qkz2 (3 ready Pod IPs)' }
			],
			tables: [...settledThree, service('<pending>'), endpointSlices('10.244.1.5, 10.244.2.7, 10.244.3.4')]
		},
		{
			id: 'kube-proxy',
			title: 'kube-proxy programs every node',
			notes: 'Ask where the ClusterIP lives: on no interface at all; it exists only as rules on every node.',
			view: 'service',
			narration:
				'kube-proxy on every node sees the Service and its EndpointSlice and writes kernel rules: traffic to 10.0.171.239:80, or to port 31380 on any node, is rewritten (DNAT) to one of the three Pod IPs. It writes nothing back to the API server. CoreDNS, also watching, answers nginx.default.svc.cluster.local with the ClusterIP.',
			highlight: ['kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-proxy-1', via: 'api-proxy-1', kind: 'event', summary: 'watch: Service nginx + EndpointSlice (program iptables rules)' },
				{ from: 'kube-apiserver', to: 'kube-proxy-2', via: 'api-proxy-2', kind: 'event', summary: 'watch: Service nginx + EndpointSlice (program iptables rules)' },
				{ from: 'kube-apiserver', to: 'kube-proxy-3', via: 'api-proxy-3', kind: 'event', summary: 'watch: Service nginx + EndpointSlice (program iptables rules)' }
			],
			roles: { 'kube-proxy-1': 'Writes iptables (or nftables) rules for ClusterIP and NodePort on node-1. Writes nothing back.' }
		},
		{
			id: 'load-balancer',
			title: 'The cloud-controller-manager creates a load balancer',
			view: 'service',
			narration:
				"The service controller in the cloud-controller-manager sees a Service of type LoadBalancer. It calls the cloud provider's API to create a load balancer: a public frontend IP, a backend pool of the nodes, a health probe and a rule from port 80 to NodePort 31380. When the cloud reports the IP, it writes it into the Service's status.",
			notes: 'This is asynchronous and can take a minute; until then kubectl get svc shows <pending>.',
			highlight: ['cloud-controller-manager', 'cloud-api', 'load-balancer'],
			messages: [
				{ from: 'kube-apiserver', to: 'cloud-controller-manager', via: 'api-ccm', kind: 'event', summary: 'watch: Service nginx type LoadBalancer ADDED' },
				{ from: 'cloud-controller-manager', to: 'cloud-api', via: 'ccm-cloud', kind: 'request', summary: 'create load balancer: frontend IP, pool node-1..3, probe, 80 → 31380' },
				{ from: 'cloud-api', to: 'load-balancer', via: 'cloud-lb', kind: 'request', summary: 'provision with public IP 20.50.60.70' },
				{ from: 'cloud-controller-manager', to: 'kube-apiserver', via: 'api-ccm', kind: 'request', summary: 'PATCH Service nginx status.loadBalancer.ingress 20.50.60.70' }
			],
			choices: [
				{ label: 'Continue: a request from outside', to: 'request' },
				{ label: 'What happens on-premises?', to: 'on-prem' }
			],
			tables: [...settledThree, service('20.50.60.70'), endpointSlices('10.244.1.5, 10.244.2.7, 10.244.3.4')],
			terminal: {
				command: 'kubectl get service nginx',
				output: 'NAME    TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\nnginx   LoadBalancer   10.0.171.239   20.50.60.70   80:31380/TCP   52s',
				api: 'GET /api/v1/namespaces/default/services/nginx'
			}
		},
		{
			id: 'request',
			title: 'One request from the outside world',
			notes: 'Point out the extra hop: the load balancer chose node-1 but the Pod is on node-2.',
			view: 'service',
			narration:
				"A user opens http://20.50.60.70/. The load balancer picks a healthy node, here node-1, and sends the packet to port 31380. The kernel rules that kube-proxy wrote rewrite the destination to a Pod IP, which may be on another node: here nginx on node-2. The Pod's reply returns the same way.",
			highlight: ['end-user', 'load-balancer', 'kube-proxy-1', 'pod-2a'],
			messages: [
				{ from: 'end-user', to: 'load-balancer', via: 'user-lb', kind: 'data', summary: 'GET http://20.50.60.70/' },
				{ from: 'load-balancer', to: 'kube-proxy-1', via: 'lb-proxy-1', kind: 'data', summary: 'to node-1:31380 (NodePort)' },
				{ from: 'kube-proxy-1', to: 'pod-2a', via: 'proxy1-pod-2a', kind: 'data', summary: 'DNAT to 10.244.2.7:80 (kernel rules; kube-proxy itself not involved)' },
				{ from: 'pod-2a', to: 'kube-proxy-1', via: 'proxy1-pod-2a', kind: 'data', summary: 'HTTP 200 (nginx welcome page)' },
				{ from: 'load-balancer', to: 'end-user', via: 'user-lb', kind: 'data', summary: 'HTTP 200' }
			],
			roles: { 'kube-apiserver': 'Not involved: the data path never touches the control plane.' }
		},
		{
			id: 'summary',
			title: 'Three addresses, one Service',
			notes: 'Ask which of the three addresses a Pod inside the cluster should use (the Service name, via CoreDNS).',
			view: 'service',
			narration:
				'The Service now answers on three levels: the ClusterIP inside the cluster, the NodePort on every node, and the load balancer\'s public IP outside. None of the traffic passed through the control plane; it only set things up. If a Pod dies, the EndpointSlice changes and every kube-proxy updates its rules.',
			highlight: ['load-balancer', 'kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			end: true
		},
		{
			id: 'on-prem',
			title: 'Branch: on-premises, no cloud controller',
			view: 'onprem',
			narration:
				'On a plain on-premises cluster there is no cloud-controller-manager, so nobody creates a load balancer: EXTERNAL-IP stays <pending> for ever. The ClusterIP and the NodePort work exactly as before. Add-ons such as MetalLB fill the gap by announcing an external IP from the local network.',
			notes: 'Private clouds (OpenStack, vSphere) do run a cloud-controller-manager and can create load balancers.',
			highlight: ['kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			terminal: {
				command: 'kubectl get service nginx',
				output: 'NAME    TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\nnginx   LoadBalancer   10.0.171.239   <pending>     80:31380/TCP   12m',
				api: 'GET /api/v1/namespaces/default/services/nginx'
			},
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'GET services/nginx' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '200 OK: EXTERNAL-IP <pending>' }
			],
			tables: [...settledThree, service('<pending>'), endpointSlices('10.244.1.5, 10.244.2.7, 10.244.3.4')],
			end: true
		}
	]
};
