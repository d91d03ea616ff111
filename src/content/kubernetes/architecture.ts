import type { Walkthrough } from '$lib/model/types';
import { recordWalkthrough, type Scenario } from '$lib/sim/kubernetes/scenario';
import { k1Scenario } from './create-deployment';
import { kubernetesScene } from './scene';
import { K8S_VERSION, POD, SVC } from './tables';

// A tour of each component, following one small story so every message has a cause: the cluster runs
// three nginx Pods behind a LoadBalancer Service; we delete one (bh954 on node-2) and watch each
// component play its part in replacing it (dnn5t, also on node-2). Terms are defined before they are
// used: Pod and Deployment (step 2), ReplicaSet (controllers), taint and affinity (scheduler), Service
// and EndpointSlice (kube-proxy). Where the deck is dated, the narration says so ("The deck says …";
// flows.md, "Where the deck is dated").
// Messages, tables, Pod badges and the clock are recorded from the simulator: the cluster of "Create a
// Deployment" (its run, same seed), exposed as the Service nginx and left a minute; then kubectl get
// nodes, kubectl delete pod, and the run until the replacement serves; one request from outside.
const OLD = POD.b; // nginx-799cfcc968-bh954 on node-2, 10.244.2.2: the Pod we delete
/** Its replacement, as the run names it (the scene's pod-2d). */
const NEW = 'nginx-799cfcc968-dnn5t';
const NEW_IP = '10.244.2.3';
const kcm = 'kube-controller-manager';
const proxy = /^kube-proxy-/;
const NODES = ['Pods', 'Nodes'];
const ALL = ['Deployments', 'ReplicaSets', 'Pods', 'Nodes'];

export const architectureScenario: Scenario = {
	title: 'Architecture: from K1 settled and exposed, kubectl get nodes, kubectl delete pod (bh954), until its replacement serves; one request',
	start: { continues: k1Scenario },
	steps: [
		{
			step: 'overview',
			actions: [{ kubectl: 'expose deployment', name: 'nginx', port: 80, type: 'LoadBalancer' }, { until: { settled: true } }, { wait: 60_000 }],
			tables: NODES
		},
		{ step: 'pods', tables: ['Deployments', ...NODES] },
		{
			step: 'hub',
			actions: [{ kubectl: 'get nodes' }],
			until: { answered: { from: 'kubectl', summary: /^GET \/api\/v1\/nodes$/ } },
			show: [{ from: 'kubectl' }, { to: 'kubectl' }],
			tables: ['Deployments', ...NODES]
		},
		{
			step: 'etcd',
			zero: true,
			actions: [{ kubectl: 'delete pod', name: OLD }],
			until: { answered: { from: 'kubectl', summary: /^DELETE / } },
			show: [{ from: 'kubectl' }, { to: 'etcd', cause: /^DELETE / }, { from: 'etcd', cause: /^write \/registry\/pods\// }, { to: 'kubectl' }],
			tables: ['Deployments', ...NODES]
		},
		{
			step: 'controllers',
			until: { answered: { from: kcm, summary: /^POST \S+\/pods / } },
			show: [{ to: kcm, summary: new RegExp(`^watch: Pod ${OLD} MODIFIED`), first: 1 }, { from: kcm, summary: /^POST \S+\/pods / }, { to: kcm, summary: /^201 Created: / }],
			tables: ALL
		},
		{
			step: 'scheduler',
			until: { answered: { from: 'kube-scheduler', summary: /\/binding / } },
			show: [{ to: 'kube-scheduler', summary: /^watch: Pod \S+ ADDED/ }, { from: 'kube-scheduler', summary: /\/binding / }],
			tables: ALL
		},
		{
			step: 'kubelet',
			until: { message: { to: 'kubelet-2', summary: /^watch: Pod \S+ ADDED/ } },
			show: [{ to: 'kubelet-2', summary: new RegExp(`^watch: Pod ${OLD} MODIFIED`), first: 1 }, { to: 'kubelet-2', summary: new RegExp(`^watch: Pod ${NEW} ADDED`) }],
			tables: ALL
		},
		{
			step: 'runtime',
			until: { answered: { from: 'kubelet-2', summary: /^DELETE .*gracePeriodSeconds=0/ } },
			show: [
				{ from: 'kubelet-2', to: 'runtime-2', summary: /StopContainer|RunPodSandbox|PullImage|CreateContainer|StartContainer|StopPodSandbox/ },
				{ from: 'runtime-2', to: /^pod-/, summary: /^SIGQUIT|^CNI|start nginx/ },
				{ from: /^pod-/, to: 'runtime-2' },
				{ from: 'kubelet-2', to: 'kube-apiserver', summary: /\/status \((Running|containers terminated)|^DELETE /, alone: true }
			],
			tables: ALL
		},
		{
			step: 'kube-proxy',
			// Every kube-proxy has written rules with the new Pod's address (the earlier three had the old one's).
			until: { note: new RegExp(`^programmed rules: .* → 3 endpoints \\(.*${NEW_IP.replace(/\./g, '\\.')}`), count: 3 },
			show: [{ from: kcm, summary: /endpointslices/, alone: true }, { to: proxy, summary: /^watch: EndpointSlice /, last: 3 }],
			tables: [...ALL, 'Services', 'EndpointSlices']
		},
		{
			step: 'traffic',
			actions: [{ request: 'nginx' }],
			until: { message: { from: 'load-balancer', to: 'end-user' } },
			show: [{ kind: 'data' }],
			tables: [...ALL, 'Services', 'EndpointSlices']
		},
		{ step: 'cloud-controller', tables: [...ALL, 'Services', 'EndpointSlices'] },
		{ step: 'loop', tables: [...ALL, 'Services', 'EndpointSlices'] }
	]
};

const written: Walkthrough = {
	id: 'kubernetes/architecture',
	scene: 'kubernetes',
	order: 1,
	title: 'Kubernetes architecture',
	summary: 'A tour of the control plane and the worker nodes, following one deleted Pod as it is replaced, and what has changed since the slides.',
	deckCorrections: [
		{ step: 'etcd', text: 'The deck says etcd talks with the API server like the other components; etcd never calls anyone: the API server is its only client.' },
		{ step: 'controllers', text: 'The deck says "replication controller" and "token controller": ReplicaSets replaced the first, and since 1.24 no long-lived token Secrets are made: Pods get short-lived tokens.' },
		{ step: 'scheduler', text: 'The deck says the scheduler distributes containers; it places whole Pods and starts nothing: the kubelet does that.' },
		{ step: 'runtime', text: 'The deck says "we are using Docker", or rkt: Kubernetes 1.24 removed the dockershim (built-in Docker support), and rkt was archived in 2019.' },
		{ step: 'kube-proxy', text: 'The deck says an "Endpoints controller" fills Endpoints objects; kube-proxy reads EndpointSlices. That controller still fills Endpoints for old clients, but the Endpoints API is deprecated since 1.33.' },
		{ step: 'traffic', text: 'The deck says kube-proxy runs on each node; today it is optional, since some network plugins (such as Cilium) replace it.' },
		{ step: 'cloud-controller', text: 'The deck says on-premises clusters have none; that is the default, but private clouds such as OpenStack or vSphere run one.' }
	],
	steps: [
		{
			id: 'overview',
			title: 'An orchestrator: control plane and worker nodes',
			view: 'full',
			narration:
				'Kubernetes is a container orchestrator: you declare what should run, and it decides where, starts it and keeps it running across many machines. The name is Greek, κυβερνήτης, the helmsman who steers a ship. A cluster has two halves: the control plane (the deck\'s "master") decides and remembers; worker nodes run your containers. This cluster already runs three copies of the nginx web server, reachable from the internet through a cloud load balancer.',
			notes: 'Ask: without an orchestrator, what would you do by hand at 3 a.m. when one of three servers dies? Keep the answers on the board; the tour shows which component does each of those jobs.',
			highlight: ['control-plane', 'node-1', 'node-2', 'node-3'],
		},
		{
			id: 'pods',
			title: 'Pods: what Kubernetes runs',
			view: 'full',
			narration:
				'Kubernetes does not run bare containers; it runs Pods. A Pod is one or more containers that share an IP address and storage and always run together on one node; here each Pod holds one nginx container. Pods are disposable: a lost Pod is not repaired but replaced by a new one with a new name and IP. So you rarely create Pods yourself: a Deployment says "keep three nginx Pods running", and Kubernetes does the rest.',
			notes: 'Misconception to expect: "a Pod is a container". Ask when two containers belong in one Pod (a helper that must share the network or files, such as a log shipper). Demo: kubectl get pods -o wide shows each Pod\'s IP and node.',
			highlight: ['pod-1a', 'pod-2a', 'pod-3a'],
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
				// AGE: the run's Nodes were registered when it began, 64 s before this command (a test checks).
				output: ['NAME     STATUS   ROLES    AGE   VERSION', ...[1, 2, 3].map((n) => `node-${n}   Ready    <none>   64s   ${K8S_VERSION}`)].join('\n'),
				api: 'GET /api/v1/nodes'
			},
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
			roles: {
				'kube-controller-manager':
					'Inside: Deployment, ReplicaSet, node lifecycle, taint-eviction, EndpointSlice and ServiceAccount controllers, among others. Here the ReplicaSet controller creates the replacement Pod. It does not pick the name: it sends generateName nginx-799cfcc968- and the API server adds a random suffix, dnn5t.'
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
			notes: 'Ask why node-2 wins. It is a score, not a rule: the spreading score ignores Pods that are terminating, so node-2 now has the fewest nginx Pods (the binding shows its score, 591, against 491 for the others). Misconception to expect: the scheduler starts the Pod. It only writes a decision.',
			highlight: ['kube-scheduler'],
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
			roles: { 'kubelet-2': 'Heard of the deletion first, the moment it was stored, and began stopping the old Pod; now it hears of the replacement bound to its node.' }
		},
		{
			id: 'runtime',
			title: 'The container runtime',
			view: 'full-replacing',
			narration:
				'The kubelet drives a container runtime, usually containerd or CRI-O, through the Container Runtime Interface (CRI). On node-2 both run at once: containerd stops the old nginx and starts the new Pod (a sandbox with IP 10.244.2.3, the image, the container through runc). Once the old container has exited, the kubelet sends the final DELETE with grace period 0 and the old Pod object is gone. The deck says "we are using Docker", or rkt: Kubernetes 1.24 removed the dockershim (built-in Docker support), and rkt was archived in 2019.',
			notes: 'Docker Engine now needs the cri-dockerd adapter. Images built with Docker still run everywhere: they are standard OCI images, so "Kubernetes dropped Docker" does not mean your Dockerfiles stop working. Ask the class what the nginx image\'s stop signal is (SIGQUIT, set by STOPSIGNAL in its Dockerfile), and what happens after 30 s (SIGKILL).',
			highlight: ['kubelet-2', 'runtime-2', 'pod-2a', 'pod-2d'],
			// Not a STATUS (kubectl no longer lists the Pod): the box stays in this view to show where it was.
			badges: { 'pod-2a': 'Deleted' },
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
				'A Service gives a changing set of Pods one stable address. Its Pod addresses live in EndpointSlices, kept by the EndpointSlice controller: the deleted Pod\'s entry turned terminating, the new Pod joined once Ready, and the old entry went with its Pod. kube-proxy on every node watches both and rewrites the node\'s kernel forwarding rules (iptables, or nftables since 1.33). The deck says an "Endpoints controller" fills Endpoints objects; kube-proxy reads EndpointSlices. That controller still fills Endpoints for old clients, but the Endpoints API is deprecated since 1.33.',
			notes: 'While the old Pod was Terminating, its slice entry stayed with ready=false and terminating=true, so kube-proxy sent it no new connections; it stopped serving when its container stopped, and went when the kubelet deleted the Pod object: four slice updates in all. kube-proxy rewrote its rules twice: at once without the old Pod (two endpoints), then about a second later with the new one, because it syncs at most once a second and takes every change since in one go. Demo: kubectl get endpointslices -l kubernetes.io/service-name=nginx before and after deleting a Pod.',
			highlight: ['kube-controller-manager', 'kube-proxy-1', 'kube-proxy-2', 'kube-proxy-3'],
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
				`For a Service of type LoadBalancer, the cloud's load balancer sends a user's request to a node; in the generic picture to a port opened on every node (the NodePort, ${SVC.nodePort} here). The rules kube-proxy wrote forward it to a ready Pod, which may be on another node: here the load balancer chose node-3, whose rules sent the request on to the new Pod on node-2. The deck says kube-proxy runs on each node; today it is optional, since some network plugins (such as Cilium) replace it.`,
			notes: 'None of this traffic passes through the control plane, and kube-proxy itself is idle: the kernel forwards. On Azure the load-balancing rule is 80 → 80 with floating IP, so packets arrive addressed to the public IP and the same kernel rules catch them; the NodePort hop is the generic cloud picture. kube-proxy\'s IPVS mode is deprecated since 1.35.',
			highlight: ['end-user', 'load-balancer', 'kube-proxy-3', 'pod-2d'],
		},
		{
			id: 'cloud-controller',
			title: 'cloud-controller-manager: talking to the cloud',
			view: 'full-replaced',
			narration:
				"The cloud-controller-manager runs the loops that need the cloud's API: the node controller (does each VM still exist, what are its addresses?), the route controller, and the service controller, which made this Service's load balancer before the tour began. It is not the cluster's only caller of the cloud: on AKS the storage (CSI) drivers, the cluster autoscaler and the kubelet's credential provider for ACR call Azure too. The deck says on-premises clusters have none; that is the default, but private clouds such as OpenStack or vSphere run one.",
			notes: 'Nothing in this story needed it, so it sent nothing: no VM failed and no node came or went ("A node fails" shows it at work). Ask: when a Pod asks for a persistent disk, who calls Azure to create and attach it? (The Azure Disk CSI driver, not the cloud-controller-manager.) Since 1.31 no cloud-provider code is left inside Kubernetes itself: every cloud ships its own cloud-controller-manager.',
			highlight: ['cloud-controller-manager', 'cloud-api'],
			roles: {
				'cloud-controller-manager': 'Node, route and service controllers for this cloud. Its service controller made this Service\'s load balancer (EnsureLoadBalancer, then the Service\'s external IP); it acts again when a VM fails or the nodes change.',
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

/** The recorded run (steps with their full trace), for the golden test. */
export const architectureRecording = recordWalkthrough(architectureScenario, written, kubernetesScene);
export const architecture = architectureRecording.walkthrough;
