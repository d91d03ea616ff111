import type { Walkthrough } from '$lib/model/types';
import { deployment, endpointSlices, POD, replicaSet, SCALE_BACK, service, threeAgain } from './tables';

// K4 in flows.md: kubectl expose … --type=LoadBalancer, then one request from outside.
// Comes straight after scale and starts from `threeAgain`: scale ended at two replicas and the class
// scaled back to three, so the Pods are 5bfnw (node-1), w6q9t (node-2) and sz2k2 (node-3). node-failure
// comes next and starts from the Service made here.
const settled = [deployment('3/3', 3, 3), replicaSet(3, 3, 3), threeAgain];
const allReady = '10.244.1.2, 10.244.2.4, 10.244.3.2';

/** What Azure does differently from the generic picture (cloud-provider-azure, azure_loadbalancer.go). */
const AZURE_RULE =
	'On Azure the default rule is 80 → 80 with floating IP (Direct Server Return): the packet reaches the node still addressed to 20.50.60.70:80, and kube-proxy\'s rules for the load-balancer IP send it to a Pod. The rule points at NodePort 31380 only when floating IP is disabled (annotation service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip: "true").';

export const exposeService: Walkthrough = {
	id: 'kubernetes/expose-service',
	scene: 'kubernetes',
	order: 4,
	title: 'Expose a Service',
	summary: 'ClusterIP, NodePort, EndpointSlices, kube-proxy rules and a cloud load balancer, then one request from outside.',
	steps: [
		{
			id: 'expose',
			title: 'kubectl expose creates a Service',
			view: 'service',
			narration: `"Scale a Deployment" ended at two replicas; the class scaled back to three (${SCALE_BACK}), so three nginx replicas run: 5bfnw on node-1, w6q9t on node-2 and sz2k2 on node-3. kubectl reads the Deployment to copy its Pod selector (app=nginx), then POSTs a Service of type LoadBalancer. The API server allocates a stable virtual ClusterIP and a NodePort in the range 30000–32767, and stores the Service. The external IP is still pending.`,
			notes: 'Ask: right after "201 Created", can anyone reach the Service yet? No: it is only a stored object until watchers act on it (the EndpointSlice controller, kube-proxy, the cloud controller). Misconception to expect: "kubectl expose starts a proxy process".',
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
			tables: [...settled, service('<pending>')]
		},
		{
			id: 'endpointslice',
			title: 'The EndpointSlice controller lists the Pods',
			view: 'service',
			narration:
				'The EndpointSlice controller in kube-controller-manager watches Services and Pods. It creates an EndpointSlice labelled kubernetes.io/service-name=nginx listing every matching Pod that has an IP, ready or not, each with the conditions ready, serving and terminating. A Pod that is not ready stays listed with ready=false; here all three are ready. The deck says an Endpoints controller joins Services and Pods; EndpointSlices took over that job (GA since 1.21) and the Endpoints API is deprecated since 1.33.',
			notes: 'Misconception to expect: "a Pod that is not ready is removed from the Service". It stays in the slice with ready=false, and kube-proxy skips it. Demo: kubectl get endpointslices -l kubernetes.io/service-name=nginx -o yaml and point at conditions. A slice holds up to 100 endpoints; the legacy Endpoints object is still filled for old clients.',
			highlight: ['kube-controller-manager'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: Service nginx ADDED' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'POST EndpointSlice nginx-6qkz2 (3 endpoints, each ready=true)' }
			],
			roles: {
				'kube-controller-manager': 'Its EndpointSlice controller lists every Pod that matches app=nginx and has an IP, with ready, serving and terminating conditions. Not-ready Pods are listed with ready=false, not left out.'
			},
			tables: [...settled, service('<pending>'), endpointSlices(allReady)]
		},
		{
			id: 'kube-proxy',
			title: 'kube-proxy programs every node',
			notes: 'Ask where the ClusterIP lives: on no interface at all; it exists only as rules on every node. Demo on a node: sudo iptables -t nat -S KUBE-SERVICES | grep nginx. On AKS with Azure CNI powered by Cilium there is no kube-proxy at all.',
			view: 'service',
			narration:
				'kube-proxy on every node sees the Service and its EndpointSlice and writes kernel rules: traffic to 10.0.171.239:80, or to port 31380 on any node, is rewritten (DNAT) to one of the ready Pod IPs. It writes nothing back. CoreDNS, also watching, answers nginx.default.svc.cluster.local with the ClusterIP. The deck says kube-proxy is a network proxy on each node; today it only programs the kernel, some network plugins replace it, and its IPVS mode is deprecated since 1.35.',
			highlight: ['kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-proxy-1', via: 'api-proxy-1', kind: 'event', summary: 'watch: Service nginx + EndpointSlice (program iptables rules)' },
				{ from: 'kube-apiserver', to: 'kube-proxy-2', via: 'api-proxy-2', kind: 'event', summary: 'watch: Service nginx + EndpointSlice (program iptables rules)' },
				{ from: 'kube-apiserver', to: 'kube-proxy-3', via: 'api-proxy-3', kind: 'event', summary: 'watch: Service nginx + EndpointSlice (program iptables rules)' }
			],
			roles: { 'kube-proxy-1': 'Writes iptables (or nftables) rules for the ClusterIP and NodePort on node-1, using only endpoints with ready=true. Writes nothing back.' }
		},
		{
			id: 'load-balancer',
			title: 'The cloud-controller-manager creates a load balancer',
			view: 'service',
			narration:
				"The service controller in the cloud-controller-manager sees a Service of type LoadBalancer. It calls the cloud provider's API to create a load balancer: a public frontend IP, a backend pool of the nodes, a health probe and a rule for port 80. When the cloud reports the IP, the controller PATCHes it into the Service's status, where kubectl and every kube-proxy see it.",
			notes: `Misconception to expect: "traffic flows through the cloud-controller-manager". It only configures the load balancer and writes the IP back; this can take a minute, and until then kubectl get svc shows <pending>. ${AZURE_RULE}`,
			highlight: ['cloud-controller-manager', 'cloud-api', 'load-balancer'],
			messages: [
				{ from: 'kube-apiserver', to: 'cloud-controller-manager', via: 'api-ccm', kind: 'event', summary: 'watch: Service nginx type LoadBalancer ADDED' },
				{ from: 'cloud-controller-manager', to: 'cloud-api', via: 'ccm-cloud', kind: 'request', summary: 'create load balancer: frontend IP, pool node-1..3, probe, rule for port 80' },
				{ from: 'cloud-api', to: 'load-balancer', via: 'cloud-lb', kind: 'request', summary: 'provision with public IP 20.50.60.70' },
				{ from: 'cloud-controller-manager', to: 'kube-apiserver', via: 'api-ccm', kind: 'request', summary: 'PATCH Service nginx status.loadBalancer.ingress 20.50.60.70' }
			],
			roles: {
				'load-balancer': `Generic picture: a rule from port 80 to NodePort 31380 on every healthy node. ${AZURE_RULE}`,
				'cloud-controller-manager': 'Its service controller watches Services and Nodes, calls the cloud API, and PATCHes status.loadBalancer. It never carries traffic.'
			},
			choices: [
				{ label: 'Continue: a request from outside', to: 'request' },
				{ label: 'What happens on-premises?', to: 'on-prem' }
			],
			tables: [...settled, service('20.50.60.70'), endpointSlices(allReady)],
			terminal: {
				command: 'kubectl get service nginx',
				output: 'NAME    TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\nnginx   LoadBalancer   10.0.171.239   20.50.60.70   80:31380/TCP   52s',
				api: 'GET /api/v1/namespaces/default/services/nginx'
			}
		},
		{
			id: 'request',
			title: 'One request from the outside world',
			notes: 'Point out the extra hop: the load balancer chose node-1 but the Pod is on node-2. Ask how to avoid it (externalTrafficPolicy: Local sends only to nodes that run a ready Pod, and keeps the client\'s source IP).',
			view: 'service',
			narration: `A user opens http://20.50.60.70/. The load balancer picks a healthy node, here node-1, and forwards the packet to it (in the generic picture, to NodePort 31380). The kernel rules that kube-proxy wrote rewrite the destination to a ready Pod's IP, which may be on another node: here ${POD.g} on node-2. The reply returns the same way, through node-1.`,
			highlight: ['end-user', 'load-balancer', 'kube-proxy-1', 'pod-2c'],
			messages: [
				{ from: 'end-user', to: 'load-balancer', via: 'user-lb', kind: 'data', summary: 'GET http://20.50.60.70/' },
				{ from: 'load-balancer', to: 'kube-proxy-1', via: 'lb-proxy-1', kind: 'data', summary: 'to node-1:31380 (NodePort; on Azure, 20.50.60.70:80 with floating IP)' },
				{ from: 'kube-proxy-1', to: 'pod-2c', via: 'proxy1-pod-2c', kind: 'data', summary: 'DNAT to 10.244.2.4:80 (kernel rules; kube-proxy itself not involved)' },
				{ from: 'pod-2c', to: 'kube-proxy-1', via: 'proxy1-pod-2c', kind: 'data', summary: 'HTTP 200 (nginx welcome page)' },
				{ from: 'kube-proxy-1', to: 'load-balancer', via: 'lb-proxy-1', kind: 'data', summary: 'HTTP 200 (reverse NAT on node-1)' },
				{ from: 'load-balancer', to: 'end-user', via: 'user-lb', kind: 'data', summary: 'HTTP 200' }
			],
			roles: {
				'kube-apiserver': 'Not involved: the data path never touches the control plane.',
				'kube-proxy-1': "Not involved either: node-1's kernel matches the rules, rewrites the destination to 10.244.2.4 and the source to node-1 (externalTrafficPolicy Cluster), so the reply comes back through node-1.",
				'load-balancer': AZURE_RULE
			}
		},
		{
			id: 'summary',
			title: 'Three addresses, one Service',
			notes: 'Ask which of the three addresses a Pod inside the cluster should use (the Service name, via CoreDNS).',
			view: 'service',
			narration:
				'The Service now answers on three levels: the ClusterIP inside the cluster, the NodePort on every node, and the load balancer\'s public IP outside. None of the traffic passed through the control plane; it only set things up. If a Pod dies or stops being ready, the EndpointSlice changes and every kube-proxy updates its rules.',
			highlight: ['load-balancer', 'kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			end: true
		},
		{
			id: 'on-prem',
			title: 'Branch: on-premises, no cloud controller',
			view: 'onprem',
			narration:
				'On a plain on-premises cluster there is no cloud-controller-manager, so nobody creates a load balancer: EXTERNAL-IP stays <pending> for ever. The ClusterIP and the NodePort work exactly as before. Add-ons such as MetalLB fill the gap by announcing an external IP from the local network. The deck says on-premises clusters have no cloud-controller-manager; that is the default, but private clouds such as OpenStack and vSphere run one and create load balancers.',
			notes: 'Ask: without a load balancer, how could a user reach nginx right now? (Any node\'s IP on port 31380.) Then ask why that is a poor answer for production: fixed high port, and clients must know which nodes are alive.',
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
			tables: [...settled, service('<pending>'), endpointSlices(allReady)],
			end: true
		}
	]
};
