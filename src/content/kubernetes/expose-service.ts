import type { Walkthrough } from '$lib/model/types';
import { recordWalkthrough, type Scenario } from '$lib/sim/kubernetes/scenario';
import { kubernetesScene } from './scene';
import { k2Scenario } from './scale';
import { getServiceOutput, POD, SCALE_BACK, SVC } from './tables';

// K4 in flows.md: kubectl expose … --type=LoadBalancer, then one request from outside.
// Comes straight after scale and continues its run (same cluster, with the EndpointSlice controller,
// kube-proxy and a cloud switched on since create-deployment): scale ended at two replicas, the class
// scales back to three, then exposes. Messages, tables, Pod badges are recorded from the simulator.
// node-failure continues from the Service made here.
const kcm = 'kube-controller-manager';
const ccm = 'cloud-controller-manager';
const proxy = /^kube-proxy-/;
const SERVICE_TABLES = ['Deployments', 'ReplicaSets', 'Pods', 'Services', 'EndpointSlices'];

export const k4Scenario: Scenario = {
	title: 'K4: from K2 (scaled back to three), kubectl expose deployment nginx --port=80 --type=LoadBalancer, one request',
	start: { continues: k2Scenario },
	steps: [
		{
			step: 'expose',
			actions: [{ kubectl: 'scale deployment', name: 'nginx', replicas: 3 }, { until: { settled: true } }, { wait: 60_000 }, { kubectl: 'expose deployment', name: 'nginx', port: 80, type: 'LoadBalancer' }],
			until: { answered: { from: 'kubectl', summary: /^POST \S+\/services / } },
			show: [{ from: 'kubectl', summary: /deployments\/nginx \(read|services/ }, { to: 'etcd', cause: /^POST \S+\/services / }, { to: 'kubectl', cause: /^POST \S+\/services |etcd|committed/, last: 1 }],
			tables: ['Deployments', 'ReplicaSets', 'Pods', 'Services']
		},
		{
			step: 'endpointslice',
			until: { answered: { from: kcm, summary: /^POST \S+endpointslices/ } },
			show: [{ to: kcm, summary: /^watch: Service / }, { from: kcm, summary: /^POST \S+endpointslices/ }, { to: kcm, summary: /^201 Created: nginx-[a-z0-9]{5} / }],
			tables: SERVICE_TABLES
		},
		{
			step: 'kube-proxy',
			until: { note: /^programmed rules: .* → \d+ endpoints/, count: 3 },
			show: [{ to: proxy, summary: /^watch: (Service|EndpointSlice) / }],
			tables: SERVICE_TABLES
		},
		{
			step: 'load-balancer',
			until: { answered: { from: ccm, summary: /^PATCH / } },
			show: [{ to: ccm, summary: /^watch: Service \S+ ADDED/ }, { from: ccm, to: 'cloud-api' }, { from: 'cloud-api' }, { from: ccm, summary: /^PATCH / }],
			tables: SERVICE_TABLES
		},
		{
			step: 'request',
			actions: [{ request: 'nginx' }],
			until: { message: { from: 'load-balancer', to: 'end-user' } },
			show: [{ kind: 'data' }],
			tables: SERVICE_TABLES
		},
		{ step: 'summary', tables: SERVICE_TABLES },
		{
			step: 'on-prem',
			branch: { from: 'kube-proxy', cluster: { cloud: false } },
			actions: [{ wait: 600_000 }, { kubectl: 'get services' }],
			until: { answered: { from: 'kubectl', summary: /^GET \S+\/services$/ } },
			show: [{ from: 'kubectl', summary: /^GET \S+\/services$/ }, { to: 'kubectl', summary: /^200 / , last: 1 }],
			tables: SERVICE_TABLES
		}
	]
};

/** What Azure does differently from the generic picture (cloud-provider-azure, azure_loadbalancer.go). */
const AZURE_RULE =
	`On Azure the default rule is 80 → 80 with floating IP (Direct Server Return): the packet reaches the node still addressed to ${SVC.externalIP}:80, and kube-proxy's rules for the load-balancer IP send it to a Pod. The rule points at NodePort ${SVC.nodePort} only when floating IP is disabled (annotation service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip: "true").`;

const written: Walkthrough = {
	id: 'kubernetes/expose-service',
	scene: 'kubernetes',
	order: 4,
	title: 'Expose a Service',
	summary: 'ClusterIP, NodePort, EndpointSlices, kube-proxy rules and a cloud load balancer, then one request from outside.',
	deckCorrections: [
		{ step: 'endpointslice', text: 'The deck says an Endpoints controller joins Services and Pods; EndpointSlices took over that job (GA since 1.21) and the Endpoints API is deprecated since 1.33.' },
		{ step: 'kube-proxy', text: 'The deck says kube-proxy is a network proxy on each node; today it only programs the kernel, some network plugins replace it, and its IPVS mode is deprecated since 1.35.' },
		{ step: 'on-prem', text: 'The deck says on-premises clusters have no cloud-controller-manager; that is the default, but private clouds such as OpenStack and vSphere run one and create load balancers.' }
	],
	steps: [
		{
			id: 'expose',
			title: 'kubectl expose creates a Service',
			view: 'service',
			narration: `"Scale a Deployment" ended at two replicas; the class scaled back to three (${SCALE_BACK}: a new Pod, ${POD.g}, on node-2, the only node without one), so three nginx replicas run: 5bfnw on node-1, cvl77 on node-2 and sz2k2 on node-3. kubectl reads the Deployment to copy its Pod selector (app=nginx), then POSTs a Service of type LoadBalancer. The API server allocates a stable virtual ClusterIP and a NodePort in the range 30000–32767, and stores the Service. The external IP is still pending.`,
			notes: 'Ask: right after "201 Created", can anyone reach the Service yet? No: it is only a stored object until watchers act on it (the EndpointSlice controller, kube-proxy, the cloud controller). Misconception to expect: "kubectl expose starts a proxy process".',
			terminal: {
				command: 'kubectl expose deployment nginx --port=80 --type=LoadBalancer',
				output: 'service/nginx exposed',
				api: 'GET /apis/apps/v1/namespaces/default/deployments/nginx, then POST /api/v1/namespaces/default/services'
			},
			highlight: ['kubectl', 'kube-apiserver'],
		},
		{
			id: 'endpointslice',
			checkpoint: {
				question: 'Service nginx exists. Which component writes down the Pod addresses it leads to?',
				kind: 'component',
				options: [
					{ value: 'kube-controller-manager' },
					{ value: 'kube-proxy-1', misconception: 'kube-proxy keeps the list of Pods. It only reads EndpointSlices and writes nothing back.' },
					{ value: 'kubectl', misconception: 'kubectl expose lists the Pods. It sent only the Service, with a selector.' },
					{ value: 'kube-apiserver', misconception: 'The API server fills in endpoints as it stores a Service. A controller does that, watching.' }
				],
				answer: 'kube-controller-manager',
				feedback: 'The EndpointSlice controller in kube-controller-manager sees the new Service and POSTs an EndpointSlice with the IPs of the Pods its selector matches.'
			},
			title: 'The EndpointSlice controller lists the Pods',
			view: 'service',
			narration:
				'The EndpointSlice controller in kube-controller-manager watches Services and Pods. It creates an EndpointSlice labelled kubernetes.io/service-name=nginx listing every matching Pod that has an IP, ready or not, each with the conditions ready, serving and terminating. A Pod that is not ready stays listed with ready=false; here all three are ready. The deck says an Endpoints controller joins Services and Pods; EndpointSlices took over that job (GA since 1.21) and the Endpoints API is deprecated since 1.33.',
			notes: 'Misconception to expect: "a Pod that is not ready is removed from the Service". It stays in the slice with ready=false, and kube-proxy skips it. Demo: kubectl get endpointslices -l kubernetes.io/service-name=nginx -o yaml and point at conditions. A slice holds up to 100 endpoints. The older Endpoints object (deprecated since 1.33) is still kept by its own controller for old clients; this picture leaves that write out.',
			highlight: ['kube-controller-manager'],
			roles: {
				'kube-controller-manager': 'Its EndpointSlice controller lists every Pod that matches app=nginx and has an IP, with ready, serving and terminating conditions. Not-ready Pods are listed with ready=false, not left out.'
			},
		},
		{
			id: 'kube-proxy',
			title: 'kube-proxy programs every node',
			notes: 'Ask where the ClusterIP lives: on no interface at all; it exists only as rules on every node. Demo on a node: sudo iptables -t nat -S KUBE-SERVICES | grep nginx. Each kube-proxy hears the Service a moment before its EndpointSlice and first writes a rule that rejects connections (no endpoints yet); it syncs at most once a second (--iptables-min-sync-period), so the Pod IPs follow a second later. On AKS with Azure CNI powered by Cilium there is no kube-proxy at all.',
			view: 'service',
			narration:
				`kube-proxy on every node sees the Service and its EndpointSlice and writes kernel rules: traffic to ${SVC.clusterIP}:80, or to port ${SVC.nodePort} on any node, is rewritten (DNAT) to one of the ready Pod IPs. It writes nothing back. CoreDNS, also watching, answers nginx.default.svc.cluster.local with the ClusterIP. The deck says kube-proxy is a network proxy on each node; today it only programs the kernel, some network plugins replace it, and its IPVS mode is deprecated since 1.35.`,
			highlight: ['kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			roles: { 'kube-proxy-1': 'Writes iptables (or nftables) rules for the ClusterIP and NodePort on node-1, using only endpoints with ready=true. Writes nothing back.' }
		},
		{
			id: 'load-balancer',
			checkpoint: {
				question: 'The Service is of type LoadBalancer. Which component asks the cloud for a load balancer?',
				kind: 'component',
				options: [
					{ value: 'cloud-controller-manager' },
					{ value: 'kube-controller-manager', misconception: 'kube-controller-manager calls the cloud. Cloud calls live in the cloud-controller-manager.' },
					{ value: 'kube-proxy-1', misconception: 'kube-proxy creates the load balancer. It programs rules on its own node only.' },
					{ value: 'kubectl', misconception: 'kubectl creates cloud resources. It only created the Service object.' }
				],
				answer: 'cloud-controller-manager',
				feedback: 'The service controller in cloud-controller-manager watches Services, calls the cloud\'s API to create the load balancer, then PATCHes the Service\'s status with its IP.'
			},
			title: 'The cloud-controller-manager creates a load balancer',
			view: 'service',
			narration:
				"The service controller in the cloud-controller-manager sees a Service of type LoadBalancer. It calls the cloud provider's API to create a load balancer: a public frontend IP, a backend pool of the nodes, a health probe and a rule for port 80. When the cloud reports the IP, the controller PATCHes it into the Service's status, where kubectl and every kube-proxy see it.",
			notes: `Misconception to expect: "traffic flows through the cloud-controller-manager". It only configures the load balancer and writes the IP back; this can take a minute, and until then kubectl get svc shows <pending>. ${AZURE_RULE}`,
			highlight: ['cloud-controller-manager', 'cloud-api', 'load-balancer'],
			roles: {
				'load-balancer': `Generic picture: a rule from port 80 to NodePort ${SVC.nodePort} on every healthy node. ${AZURE_RULE}`,
				'cloud-controller-manager': 'Its service controller watches Services and Nodes, calls the cloud API, and PATCHes status.loadBalancer. It never carries traffic.'
			},
			choices: [
				{ label: 'Continue: a request from outside', to: 'request' },
				{ label: 'What happens on-premises?', to: 'on-prem' }
			],
			terminal: {
				command: 'kubectl get service nginx',
				output: getServiceOutput(SVC.externalIP, '7s'),
				api: 'GET /api/v1/namespaces/default/services/nginx'
			}
		},
		{
			id: 'request',
			checkpoint: {
				question: 'A user\'s request arrives at node-3\'s NodePort. What forwards it to an nginx Pod?',
				kind: 'choice',
				options: [
					{ value: 'The kernel\'s rules that kube-proxy wrote' },
					{ value: 'The kube-proxy process, packet by packet', misconception: 'kube-proxy is a proxy on the data path. It writes kernel rules; the kernel forwards each packet.' },
					{ value: 'kube-apiserver', misconception: 'User traffic goes through the control plane. It never touches the API server.' }
				],
				answer: 'The kernel\'s rules that kube-proxy wrote',
				feedback: 'kube-proxy programmed DNAT rules earlier; the node\'s kernel rewrites the packet to a Pod IP, here 10.244.3.2, with no Kubernetes process in the way.'
			},
			title: 'One request from the outside world',
			notes: 'The rules pick among all three ready Pods, so two requests in three go to a Pod on another node: an extra hop through the Pod network. Ask how to avoid it (externalTrafficPolicy: Local sends only to nodes that run a ready Pod, only to Pods on that node, and keeps the client\'s source IP).',
			view: 'service',
			narration: `A user opens http://${SVC.externalIP}/. The load balancer picks a healthy node, here node-3, and forwards the packet to it (in the generic picture, to NodePort ${SVC.nodePort}). The kernel rules that kube-proxy wrote rewrite the destination to a ready Pod's IP, which may be on another node; this time they picked ${POD.c}, on node-3 itself. The reply returns the same way, through node-3.`,
			highlight: ['end-user', 'load-balancer', 'kube-proxy-3', 'pod-3a'],
			roles: {
				'kube-apiserver': 'Not involved: the data path never touches the control plane.',
				'kube-proxy-3': "Not involved either: node-3's kernel matches the rules, rewrites the destination to 10.244.3.2 and the source to node-3 (externalTrafficPolicy Cluster), so the reply comes back through node-3.",
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
			notes: `Ask: without a load balancer, how could a user reach nginx right now? (Any node's IP on port ${SVC.nodePort}.) Then ask why that is a poor answer for production: fixed high port, and clients must know which nodes are alive.`,
			highlight: ['kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			terminal: {
				command: 'kubectl get services',
				output: getServiceOutput('<pending>', '10m'),
				api: 'GET /api/v1/namespaces/default/services'
			},
			end: true
		}
	]
};

/** The recorded run (steps with their full trace), for the golden test; node-failure continues it. */
export const k4Recording = recordWalkthrough(k4Scenario, written, kubernetesScene);
export const exposeService = k4Recording.walkthrough;
