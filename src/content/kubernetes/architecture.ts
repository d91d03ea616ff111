import type { StateTable, Walkthrough } from '$lib/model/types';
import { deployment, endpointSlices, healthyNodes, K8S_VERSION, pods, POD, postPods, replicaSet, service, SVC, threeRunning } from './tables';

// A tour of each component, following one small story so every message has a cause: the cluster runs
// three nginx Pods; we delete one (bh954 on node-2) and watch each component play its part in replacing
// it (2xftn, also on node-2). Terms are defined before they are used: Pod and Deployment (step 2),
// ReplicaSet (controllers), taint and affinity (scheduler), Service and EndpointSlice (kube-proxy).
// Where the deck is dated, the narration says so ("The deck says …"; flows.md, "Where the deck is dated").

const OLD = POD.b; // nginx-799cfcc968-bh954 on node-2, 10.244.2.2: the Pod we delete
const NEW = POD.e; // nginx-799cfcc968-2xftn on node-2: its replacement (the scene's pod-2b)
const NEW_IP = '10.244.2.3';

const podRows = (old: string | null, fresh: [string, string, string] | null): StateTable =>
	pods([
		[POD.a, 'Running', 'node-1', '10.244.1.2'],
		...(old ? [[OLD, old, 'node-2', '10.244.2.2'] as [string, string, string, string]] : []),
		[POD.c, 'Running', 'node-3', '10.244.3.2'],
		...(fresh ? [[NEW, ...fresh] as [string, string, string, string]] : [])
	]);

const replaced = podRows(null, ['Running', 'node-2', NEW_IP]);
const settledAfter = [deployment('3/3', 3, 3), replicaSet(3, 3, 3), replaced, healthyNodes];
const withService = [...settledAfter, service(SVC.externalIP), endpointSlices(`10.244.1.2, ${NEW_IP}, 10.244.3.2`)];

export const architecture: Walkthrough = {
	id: 'kubernetes/architecture',
	scene: 'kubernetes',
	order: 1,
	title: 'Kubernetes architecture',
	summary: 'A tour of the control plane and the worker nodes, following one deleted Pod as it is replaced, and what has changed since the slides.',
	steps: [
		{
			id: 'overview',
			title: 'An orchestrator: control plane and worker nodes',
			view: 'full',
			narration:
				'Kubernetes is a container orchestrator: you declare what should run, and it decides where, starts it and keeps it running across many machines. The name is Greek, κυβερνήτης, the helmsman who steers a ship. A cluster has two halves: the control plane (the deck\'s "master") decides and remembers; worker nodes run your containers. This cluster already runs three copies of the nginx web server, reachable from the internet through a cloud load balancer.',
			notes: 'Ask: without an orchestrator, what would you do by hand at 3 a.m. when one of three servers dies? Keep the answers on the board; the tour shows which component does each of those jobs.',
			highlight: ['control-plane', 'node-1', 'node-2', 'node-3'],
			tables: [threeRunning, healthyNodes]
		},
		{
			id: 'pods',
			title: 'Pods: what Kubernetes runs',
			view: 'full',
			narration:
				'Kubernetes does not run bare containers; it runs Pods. A Pod is one or more containers that share an IP address and storage and always run together on one node; here each Pod holds one nginx container. Pods are disposable: a lost Pod is not repaired but replaced by a new one with a new name and IP. So you rarely create Pods yourself: a Deployment says "keep three nginx Pods running", and Kubernetes does the rest.',
			notes: 'Misconception to expect: "a Pod is a container". Ask when two containers belong in one Pod (a helper that must share the network or files, such as a log shipper). Demo: kubectl get pods -o wide shows each Pod\'s IP and node.',
			highlight: ['pod-1a', 'pod-2a', 'pod-3a'],
			tables: [deployment('3/3', 3, 3), threeRunning, healthyNodes],
			roles: { 'pod-2a': 'One of three identical nginx Pods. In a moment we delete it and watch the cluster replace it.' }
		},
		{
			id: 'hub',
			title: 'The hub: kube-apiserver',
			view: 'full',
			narration:
				'Every conversation goes through the API server: kubectl, the scheduler, the controllers and every kubelet talk only to it, never to each other. It checks who is asking and whether they are allowed, runs admission checks, stores the result and pushes changes to whoever is watching. Here kubectl lists the nodes.',
			notes: 'Ask: if kubectl never talks to nodes, how does kubectl logs reach a container? (The API server opens a connection to that node\'s kubelet.) Misconception to expect: "the hub only ever answers". It also calls out: to kubelets for logs, exec, attach and port-forward, to admission webhooks, and to aggregated APIs such as metrics-server (kubectl top).',
			highlight: ['kube-apiserver'],
			terminal: {
				command: 'kubectl get nodes',
				output: ['NAME     STATUS   ROLES    AGE   VERSION', ...[1, 2, 3].map((n) => `node-${n}   Ready    <none>   12d   ${K8S_VERSION}`)].join('\n'),
				api: 'GET /api/v1/nodes'
			},
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'GET /api/v1/nodes' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '200 OK: 3 Nodes (served from its watch cache)' }
			],
			roles: { 'kube-apiserver': 'Answers the request; lists like this come from its cache, which it keeps fresh through its own watch on etcd.' }
		},
		{
			id: 'etcd',
			checkpoint: {
				question: 'Which components read and write etcd?',
				kind: 'choice',
				options: [
					{ value: 'Only kube-apiserver' },
					{ value: 'Every control-plane component', misconception: 'The deck draws etcd talking to the others. The API server is etcd\'s only client.' },
					{ value: 'Any component that needs cluster state', misconception: 'Components fetch state from etcd. They watch the API server, which serves from its cache.' }
				],
				answer: 'Only kube-apiserver',
				feedback: 'etcd never calls anyone and only the API server calls it; everyone else reads and writes objects through the API server.'
			},
			title: 'etcd: the cluster\'s memory',
			view: 'full',
			narration:
				'etcd is a consistent, replicated key-value store holding every object: what you asked for and what the nodes report. The deck says etcd talks with the API server like the other components; etcd never calls anyone: the API server is its only client. Now we delete one Pod, nginx-799cfcc968-bh954. The API server does not erase it at once: it stores a deletion time, giving the Pod 30 seconds to shut down cleanly, and answers 200 OK. The Pod shows Terminating.',
			notes: 'In production etcd runs three or five members so a majority survives a failure. Ask why the Pod is Terminating rather than gone (it gets time to finish its requests). Demo: kubectl delete pod, then kubectl get pods -w in a second terminal.',
			highlight: ['etcd', 'kube-apiserver'],
			terminal: {
				command: `kubectl delete pod ${OLD}`,
				output: `pod "${OLD}" deleted from default namespace`,
				api: `DELETE /api/v1/namespaces/default/pods/${OLD}`
			},
			badges: { 'pod-2a': 'Terminating' },
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: `DELETE Pod ${OLD}` },
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: `write /registry/pods/default/${OLD}: deletionTimestamp, grace 30 s` },
				{ from: 'etcd', to: 'kube-apiserver', via: 'api-etcd', kind: 'response', summary: 'committed at revision 51007' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '200 OK (Pod is Terminating)' }
			],
			tables: [deployment('3/3', 3, 3), podRows('Terminating', null), healthyNodes],
			roles: { etcd: 'Stores the Pod with its deletion time; the object stays until the node confirms the containers have stopped.' }
		},
		{
			id: 'controllers',
			checkpoint: {
				question: 'A Pod of the Deployment was deleted. What makes a new one appear?',
				kind: 'choice',
				options: [
					{ value: 'The ReplicaSet controller sees too few Pods and creates one' },
					{ value: 'The kubelet repairs the deleted Pod', misconception: 'A lost Pod is repaired. It is replaced by a new Pod with a new name and IP.' },
					{ value: 'Nothing until you run kubectl again', misconception: 'You must recreate it yourself. A control loop does it; that is the point of desired state.' }
				],
				answer: 'The ReplicaSet controller sees too few Pods and creates one',
				feedback: 'The ReplicaSet controller compares the Pods it has with the number wanted and POSTs a replacement through the API server.'
			},
			title: 'kube-controller-manager: the control loops',
			view: 'full',
			narration:
				'One process runs many control loops; each compares what you asked for with what exists and acts on the difference. A Deployment keeps its Pods through a ReplicaSet, an object that holds a set number of identical Pods. The ReplicaSet controller ignores the Pod being deleted, counts 2 of 3, and creates a replacement. The deck says "replication controller" and "token controller": ReplicaSets replaced the first, and since 1.24 no long-lived token Secrets are made: Pods get short-lived tokens.',
			notes: 'Misconception to expect: "the Deployment controller creates Pods". It creates ReplicaSets; the ReplicaSet controller creates Pods. Demo: delete a Pod and run kubectl get pods at once: the replacement is there before the old Pod is gone. Controllers never call each other; each writes objects the others watch.',
			highlight: ['kube-controller-manager'],
			badges: { 'pod-2a': 'Terminating' },
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: `watch: Pod ${OLD} MODIFIED (deletionTimestamp set)` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: postPods([NEW], 'ReplicaSet nginx-799cfcc968 has 2 of 3') }
			],
			tables: [deployment('2/3', 3, 2), replicaSet(3, 3, 2), podRows('Terminating', ['Pending', '<none>', '<none>']), healthyNodes],
			roles: {
				'kube-controller-manager':
					'Inside: Deployment, ReplicaSet, node lifecycle, taint-eviction, EndpointSlice and ServiceAccount controllers, among others. Here the ReplicaSet controller creates the replacement Pod. It does not pick the name: it sends generateName nginx-799cfcc968- and the API server adds a random suffix, 2xftn.'
			}
		},
		{
			id: 'scheduler',
			checkpoint: {
				question: 'The replacement Pod has no node yet. How does kube-scheduler place it?',
				kind: 'choice',
				options: [
					{ value: 'It tells the chosen node\'s kubelet to start it', misconception: 'The scheduler talks to kubelets. It writes a binding; the kubelet hears it by watch.' },
					{ value: 'It POSTs a binding to the API server' },
					{ value: 'It starts the container itself', misconception: 'The scheduler runs Pods. It only decides where; the kubelet and runtime start them.' }
				],
				answer: 'It POSTs a binding to the API server',
				feedback: 'The scheduler filters and scores nodes, then writes a binding through the API server; the chosen node\'s kubelet learns of it on its watch.'
			},
			title: 'kube-scheduler: where should this Pod run?',
			view: 'full-replacing',
			narration:
				'The scheduler watches for Pods with no node yet, like the replacement. It filters out nodes that cannot take it: too little free CPU or memory, a taint (a "keep away" mark on a node) the Pod does not tolerate, or affinity rules (a wish to run on, or away from, certain nodes or Pods). It scores the rest and binds the Pod to the winner, node-2, through the API server. The deck says the scheduler distributes containers; it places whole Pods and starts nothing: the kubelet does that.',
			notes: 'Ask why node-2 wins. It is a score, not a rule: the spreading score ignores Pods that are terminating, so node-2 now has the fewest nginx Pods. Misconception to expect: the scheduler starts the Pod. It only writes a decision.',
			highlight: ['kube-scheduler'],
			badges: { 'pod-2a': 'Terminating', 'pod-2b': 'Pending' },
			messages: [
				{ from: 'kube-apiserver', to: 'kube-scheduler', via: 'api-scheduler', kind: 'event', summary: `watch: Pod ${NEW} ADDED, no nodeName` },
				{ from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: `POST pods/${NEW}/binding: node-2` }
			],
			tables: [deployment('2/3', 3, 2), replicaSet(3, 3, 2), podRows('Terminating', ['Pending', 'node-2', '<none>']), healthyNodes],
			roles: { 'kube-scheduler': 'Filters and scores the nodes, then binds the replacement Pod to node-2.' }
		},
		{
			id: 'kubelet',
			title: 'kubelet: the agent on every node',
			view: 'full-replacing',
			narration:
				'Each node runs a kubelet. It watches the API server for Pods bound to its own node. node-2\'s kubelet heard the first change as soon as the deletion was stored, before any replacement existed: the old Pod is to stop. Now it hears the second: the replacement is bound here. The kubelet drives the container runtime to start and stop Pods, reports their status back, and renews a Lease object every 10 seconds as its heartbeat. If the heartbeats stop, the control plane notices.',
			notes: 'Ask: if the kubelet process crashes but the node stays up, do the containers stop? (No: they keep running, and the kubelet picks them up again when it restarts.) Heartbeats are small Lease updates; full node status goes out only on change or every 5 minutes.',
			highlight: ['kubelet-1', 'kubelet-2', 'kubelet-3'],
			badges: { 'pod-2a': 'Terminating', 'pod-2b': 'Pending' },
			messages: [
				{ from: 'kube-apiserver', to: 'kubelet-2', via: 'api-kubelet-2', kind: 'event', summary: `earlier, at the DELETE: watch: Pod ${OLD} MODIFIED (deletionTimestamp set, grace 30 s)` },
				{ from: 'kube-apiserver', to: 'kubelet-2', via: 'api-kubelet-2', kind: 'event', summary: `now: watch: Pod ${NEW} bound to node-2` },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PUT Lease kube-node-lease/node-1 (heartbeat, every 10 s)' },
				{ from: 'kubelet-3', to: 'kube-apiserver', via: 'api-kubelet-3', kind: 'request', summary: 'PUT Lease kube-node-lease/node-3' }
			],
			roles: { 'kubelet-2': 'Heard of the deletion first, the moment it was stored, and began stopping the old Pod; now it hears of the replacement bound to its node.' }
		},
		{
			id: 'runtime',
			title: 'The container runtime',
			view: 'full-replacing',
			narration:
				'The kubelet drives a container runtime, usually containerd or CRI-O, through the Container Runtime Interface (CRI). On node-2 it has containerd stop the old Pod\'s container and start the new Pod: sandbox, image, container, through runc. Then it reports the new Pod Running and deletes the old Pod object. The deck says "we are using Docker", with rkt as an alternative: Kubernetes 1.24 removed the dockershim, its built-in Docker support (Docker Engine now needs the cri-dockerd adapter), and rkt was archived in 2019.',
			notes: 'Images built with Docker still run everywhere: they are standard OCI images, so "Kubernetes dropped Docker" does not mean your Dockerfiles stop working. Ask the class what the nginx image\'s stop signal is (SIGQUIT, set by STOPSIGNAL in its Dockerfile), and what happens after 30 s (SIGKILL).',
			highlight: ['kubelet-2', 'runtime-2', 'pod-2b'],
			badges: { 'pod-2a': 'Deleted', 'pod-2b': 'Running' },
			messages: [
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: `CRI StopContainer (${OLD}: stop signal, kill after 30 s), StopPodSandbox` },
				{ from: 'runtime-2', to: 'pod-2a', via: 'runtime-pod-2a', kind: 'request', summary: 'SIGQUIT (nginx\'s STOPSIGNAL): nginx finishes its requests and exits; sandbox removed' },
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: `CRI RunPodSandbox, PullImage, CreateContainer, StartContainer (${NEW})` },
				{ from: 'runtime-2', to: 'pod-2b', via: 'runtime-pod-2b', kind: 'request', summary: `sandbox with IP ${NEW_IP} (CNI); runc starts nginx` },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: `PATCH Pod ${NEW} status: Running, podIP ${NEW_IP}, Ready=True` },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: `DELETE Pod ${OLD} (grace 0: its containers have stopped)` }
			],
			tables: settledAfter,
			roles: {
				'runtime-2': 'containerd: stops the old container, creates the new sandbox (the CNI plugin gives it its IP), checks the nginx image with the registry and starts the container through a shim and runc.',
				'kubelet-2': 'Drives the runtime through the CRI, then reports the result to the API server.'
			}
		},
		{
			id: 'kube-proxy',
			title: 'Services, EndpointSlices and kube-proxy',
			view: 'full-replaced',
			narration:
				'A Service gives a changing set of Pods one stable address; this cluster\'s nginx Pods already have one. Its list of Pod addresses lives in EndpointSlices, kept by the EndpointSlice controller: it now swaps the old Pod\'s address for the new one. kube-proxy on every node watches both and rewrites that node\'s kernel forwarding rules (iptables, or nftables since 1.33). The deck says an "Endpoints controller" fills Endpoints objects; kube-proxy reads EndpointSlices instead. That controller still fills Endpoints for old clients, but the Endpoints API is deprecated since 1.33.',
			notes: 'While the old Pod was Terminating, its slice entry stayed with ready=false and terminating=true, so kube-proxy sent it no new connections; now it is removed. Demo: kubectl get endpointslices -l kubernetes.io/service-name=nginx before and after deleting a Pod.',
			highlight: ['kube-controller-manager', 'kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: `watch: Pod ${NEW} Ready; Pod ${OLD} deleted` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `update EndpointSlice ${SVC.slice}: add ${NEW_IP}, remove 10.244.2.2` },
				{ from: 'kube-apiserver', to: 'kube-proxy-1', via: 'api-proxy-1', kind: 'event', summary: `watch: EndpointSlice ${SVC.slice} changed` },
				{ from: 'kube-apiserver', to: 'kube-proxy-2', via: 'api-proxy-2', kind: 'event', summary: `watch: EndpointSlice ${SVC.slice} changed` },
				{ from: 'kube-apiserver', to: 'kube-proxy-3', via: 'api-proxy-3', kind: 'event', summary: `watch: EndpointSlice ${SVC.slice} changed` }
			],
			tables: withService,
			roles: {
				'kube-controller-manager': 'Its EndpointSlice controller keeps the Service\'s list of Pod addresses current.',
				'kube-proxy-1': 'Rewrites node-1\'s forwarding rules for the Service; it does not carry traffic itself.'
			}
		},
		{
			id: 'traffic',
			title: 'From the outside world to a Pod',
			view: 'full-replaced',
			narration:
				`For a Service of type LoadBalancer, the cloud's load balancer sends a user's request to a node; in the generic picture to a port opened on every node (the NodePort, ${SVC.nodePort} here). The rules kube-proxy wrote forward it to a ready Pod, which may be on another node: here the new Pod on node-2. The deck says kube-proxy runs on each node; today it is optional, since some network plugins (such as Cilium) replace it.`,
			notes: 'None of this traffic passes through the control plane, and kube-proxy itself is idle: the kernel forwards. On Azure the load-balancing rule is 80 → 80 with floating IP, so packets arrive addressed to the public IP and the same kernel rules catch them; the NodePort hop is the generic cloud picture. kube-proxy\'s IPVS mode is deprecated since 1.35.',
			highlight: ['end-user', 'load-balancer', 'kube-proxy-1', 'pod-2b'],
			messages: [
				{ from: 'end-user', to: 'load-balancer', via: 'user-lb', kind: 'data', summary: `GET http://${SVC.externalIP}/` },
				{ from: 'load-balancer', to: 'kube-proxy-1', via: 'lb-proxy-1', kind: 'data', summary: `to node-1:${SVC.nodePort} (NodePort)` },
				{ from: 'kube-proxy-1', to: 'pod-2b', via: 'proxy1-pod-2b', kind: 'data', summary: `DNAT to ${NEW_IP}:80 by kernel rules` }
			]
		},
		{
			id: 'cloud-controller',
			title: 'cloud-controller-manager: talking to the cloud',
			view: 'full-replaced',
			narration:
				"The cloud-controller-manager runs the loops that need the cloud's API: the node controller (does each VM still exist, what are its addresses?), the route controller, and the service controller, which created this Service's load balancer. It is not the cluster's only caller of the cloud: on AKS the storage (CSI) drivers, the cluster autoscaler and the kubelet's credential provider for ACR call Azure too. The deck says on-premises clusters have none; that is the default, but private clouds such as OpenStack or vSphere run one.",
			notes: 'Ask: when a Pod asks for a persistent disk, who calls Azure to create and attach it? (The Azure Disk CSI driver, not the cloud-controller-manager.) Since 1.31 no cloud-provider code is left inside Kubernetes itself: every cloud ships its own cloud-controller-manager.',
			highlight: ['cloud-controller-manager', 'cloud-api'],
			messages: [
				{ from: 'cloud-controller-manager', to: 'cloud-api', via: 'ccm-cloud', kind: 'request', summary: 'node controller: VMs of node-1..3: addresses? (every 5 min)' },
				{ from: 'cloud-api', to: 'cloud-controller-manager', via: 'ccm-cloud', kind: 'response', summary: '3 VMs running, addresses unchanged' }
			],
			roles: {
				'cloud-controller-manager': 'Node, route and service controllers for this cloud. Here its node controller refreshes what it knows about the VMs.',
				'cloud-api': 'Answers the cloud-controller-manager, and also the storage drivers, the cluster autoscaler and the kubelets\' ACR credential provider.'
			}
		},
		{
			id: 'loop',
			title: 'Desired state, actual state',
			view: 'full-replaced',
			narration:
				'That is the whole design, and the deleted Pod showed it: you declare the desired state; it is stored in etcd through the API server; controllers, the scheduler and the kubelets each watch for the part they own and act until the actual state matches. Nobody told the cluster to replace the Pod: three replicas was the desired state. The other walkthroughs follow this loop through real commands.',
			notes: 'Ask students to retell the replacement in order: who acted, and what did each one write? (ReplicaSet controller: a Pod; scheduler: a binding; kubelet: status and the final delete; EndpointSlice controller: the slice.)',
			highlight: ['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'kubelet-2']
		}
	]
};
