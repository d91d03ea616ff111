import type { Walkthrough } from '$lib/model/types';
import { recordWalkthrough, type Scenario } from '$lib/sim/kubernetes/scenario';
import { kubernetesScene } from './scene';

// K1 in flows.md: from one kubectl command to three running Pods. Everything after the 201 is
// asynchronous: components react to watch events and write back through the API server. The words are
// written here; every message, table, Pod badge and the clock are recorded from the simulator (the
// scenario below), at build time. Seed k1-3: the first Pod goes to node-1, as the narration follows it.
const kcm = 'kube-controller-manager';
const early = ['Deployments', 'Nodes'];

/**
 * The cluster the whole course runs on, from this first walkthrough on: expose-service needs the
 * EndpointSlice controller, the garbage collector, kube-proxy and a cloud (cloud-controller-manager, a
 * load balancer), node-failure the node lifecycle controllers. A real cluster runs them all from the
 * start; here they only add their own watches before the command (no write until a Service exists or
 * a node fails), so K1 and K2 show the same messages.
 */
export const COURSE = { endpoints: true, garbageCollector: true, kubeProxy: true, nodeLifecycle: true, cloud: true } as const;

/** The run behind this walkthrough; `scale` continues its main path. */
export const k1Scenario: Scenario = {
	title: 'K1: kubectl create deployment nginx --image=nginx --replicas=3',
	start: { cluster: { seed: 'k1-3', ...COURSE } },
	steps: [
		{ step: 'watches', until: { started: true }, tables: early },
		{ step: 'post', zero: true, actions: [{ kubectl: 'create deployment', name: 'nginx', image: 'nginx', replicas: 3 }], until: { message: { from: 'kubectl' } }, show: [{ from: 'kubectl' }], tables: early },
		{ step: 'admission', until: { note: /^authenticated student/ }, tables: early },
		{ step: 'store', until: { message: { to: 'kubectl' } }, show: [{ to: 'etcd', first: 1 }, { from: 'etcd', first: 1 }, { to: 'kubectl' }], tables: early },
		{
			step: 'deployment-controller',
			until: { message: { to: kcm, summary: /^201 Created/ } },
			show: [{ to: kcm, summary: /^watch: Deployment \S+ ADDED/ }, { from: kcm, summary: /^POST \S+replicasets/ }, { to: 'etcd', summary: /replicasets/ }],
			tables: ['Deployments', 'ReplicaSets', 'Nodes']
		},
		{
			step: 'replicaset-controller',
			until: { message: { to: kcm, summary: /^201 Created: / }, count: 3 },
			show: [{ to: kcm, summary: /^watch: ReplicaSet \S+ ADDED/ }, { from: kcm, summary: /^POST \S+\/pods / }, { to: kcm, summary: /^201 Created: / }]
		},
		{
			step: 'schedule',
			until: { message: { to: 'kube-scheduler', summary: /bound to/ }, count: 3 },
			show: [{ to: 'kube-scheduler', summary: /^watch: Pod \S+ ADDED/ }, { from: 'kube-scheduler', summary: /\/binding / , alone: true }]
		},
		{
			step: 'kubelet-hears',
			until: { message: { from: /^kubelet-/, summary: /status \(Pending/ }, count: 3 },
			show: [{ to: /^kubelet-/, summary: /^watch: Pod \S+ ADDED/ }, { from: 'kubelet-1', summary: /status \(Pending/ }]
		},
		{ step: 'cri', until: { message: { from: 'kubelet-1', summary: /RunPodSandbox/ } }, show: [{ from: 'kubelet-1', summary: /RunPodSandbox/ }] },
		{ step: 'sandbox', until: { message: { to: 'pod-1a', summary: /network namespace/ } }, show: [{ to: 'pod-1a', summary: /network namespace/ }] },
		{
			step: 'cni',
			until: { message: { from: 'runtime-1', to: 'kubelet-1', summary: /^sandbox .* ready/ } },
			show: [{ from: 'runtime-1', to: 'pod-1a' }, { from: 'runtime-1', to: 'kubelet-1', summary: /^sandbox/ }]
		},
		{
			step: 'pull',
			until: { message: { from: 'runtime-1', summary: /^PullImage: done/ } },
			show: [
				{ from: 'kubelet-1', to: 'runtime-1', summary: /PullImage/ },
				{ from: 'runtime-1', to: 'registry' },
				{ from: 'registry', to: 'runtime-1', summary: /^401|^200: image index|^layer/ }
			]
		},
		{
			step: 'start',
			until: { message: { to: 'pod-1a', summary: /start nginx/ } },
			show: [{ from: 'kubelet-1', to: 'runtime-1', summary: /CreateContainer|StartContainer/ }, { from: 'runtime-1', to: 'kubelet-1', summary: /^CreateContainer/ }, { to: 'pod-1a', summary: /start nginx/ }]
		},
		{
			step: 'status',
			until: { pods: 'Running' },
			show: [{ from: /^kubelet-/, summary: /status \(Running/ }, { from: 'kubelet-1', summary: /events \((Pulled|Created|Started)/, alone: true }]
		},
		{
			step: 'available',
			actions: [{ until: { settled: true } }, { kubectl: 'get deployment', name: 'nginx' }],
			until: { message: { to: 'kubectl', summary: /^200 OK/ } },
			show: [{ from: kcm, summary: /status \(replicas 3, (updated 3, )?ready 3/ }, { from: 'kubectl', summary: /^GET/ }, { to: 'kubectl', summary: /^200 OK/ }]
		},
		{
			step: 'forbidden',
			branch: { from: 'admission', cluster: { student: 'view' } },
			until: { message: { to: 'kubectl' } },
			show: [{ to: 'kubectl' }],
			tables: early
		}
	]
};

const written: Walkthrough = {
	id: 'kubernetes/create-deployment',
	scene: 'kubernetes',
	order: 2,
	title: 'Create a Deployment',
	summary: 'From kubectl to three running Pods: admission, etcd, controllers, scheduler, kubelets and the runtime.',
	deckCorrections: [
		{ step: 'cri', text: 'The deck says "we are using Docker": Kubernetes 1.24 removed the dockershim, its built-in Docker support; today containerd or CRI-O is typical, and AKS uses containerd.' }
	],
	steps: [
		{
			id: 'watches',
			title: 'Before the command: everyone is watching',
			view: 'empty',
			narration:
				'On a fresh cluster (or after kubectl delete deployment,service nginx, which removes what the tour left running), before anything is typed, each component has already opened long-lived watch streams to the API server (the dashed lines): the controllers watch Deployments, ReplicaSets and Pods, the scheduler watches Pods and Nodes, and each kubelet watches the Pods bound to its own node. Nobody polls; changes are pushed down these streams.',
			notes: 'Hub and spoke: point out that no dashed line runs between two workers or two controllers. Everything goes through kube-apiserver. There are more watchers than the narration names: kube-controller-manager also watches Nodes, Leases, Services and EndpointSlices, each kube-proxy watches Services and EndpointSlices, the cloud-controller-manager Services and Nodes; they stay quiet until "Expose a Service" and "A node fails".',
			highlight: ['kube-apiserver', 'kube-scheduler', 'kube-controller-manager', 'kubelet-1', 'kubelet-2', 'kubelet-3'],
			roles: {
				'kube-apiserver': 'Holds open watch streams to every controller, the scheduler and each kubelet.',
				etcd: 'Stores the cluster state; the API server keeps its own watch on it to feed everyone else.'
			}
		},
		{
			id: 'post',
			title: 'kubectl sends one REST request',
			notes: 'Show kubectl create deployment ... --dry-run=client -o yaml to reveal the object kubectl sends.',
			view: 'empty',
			narration:
				'kubectl turns the command into a Deployment object and sends it to the API server: one HTTPS POST, authenticated with the credentials in your kubeconfig. That is all kubectl does; it never talks to nodes.',
			terminal: {
				command: 'kubectl create deployment nginx --image=nginx --replicas=3',
				api: 'POST /apis/apps/v1/namespaces/default/deployments'
			},
			highlight: ['kubectl', 'kube-apiserver'],
			roles: { kubectl: 'Builds the Deployment object and POSTs it.', 'kube-apiserver': 'Receives the request.' }
		},
		{
			id: 'admission',
			title: 'Authentication, authorisation, admission',
			view: 'empty',
			narration:
				'Inside the API server the request passes a chain of checks: who are you (authentication), may you create Deployments in this namespace (RBAC authorisation), mutating admission (which can fill in defaults), schema validation, and validating admission. Any failure ends here with an error and nothing stored.',
			notes: 'Misconception to expect: kubectl checks your permissions. It does not; the API server checks every request. Demo: kubectl auth can-i create deployments. Then offer the branch: what if RBAC says no?',
			highlight: ['kube-apiserver'],
			badges: { 'kube-apiserver': 'authn → authz → admission' },
			choices: [
				{ label: 'Allowed: store it', to: 'store' },
				{ label: 'What if RBAC says no?', to: 'forbidden' }
			],
			roles: { 'kube-apiserver': 'Runs authentication, authorisation, mutating admission, validation and validating admission, in that order.' }
		},
		{
			id: 'store',
			checkpoint: {
				question: 'kubectl sent the POST. When does it get 201 Created and exit?',
				kind: 'choice',
				options: [
					{ value: 'When the three Pods are running', misconception: 'kubectl waits for the Pods. Everything after the write is asynchronous.' },
					{ value: 'As soon as the Deployment is stored in etcd' },
					{ value: 'When the scheduler has placed the Pods', misconception: 'Creating a Deployment places Pods first. No Pod exists yet when kubectl gets its answer.' }
				],
				answer: 'As soon as the Deployment is stored in etcd',
				feedback: 'The API server answers once the object is written to etcd; the controllers, the scheduler and the kubelets do the rest afterwards, watching.'
			},
			title: 'Stored in etcd: 201 Created',
			notes: 'Misconception to expect: "created" means running. Demo: run kubectl get pods straight after the create; the Pods may not exist yet. 201 means stored; everything after is asynchronous.',
			view: 'empty',
			narration:
				'The API server writes the Deployment to etcd under /registry/deployments/default/nginx. The etcd revision becomes the object\'s resourceVersion. Only then does kubectl get 201 Created, and it exits. No Pod exists yet: everything from here on happens asynchronously.',
			terminal: {
				command: 'kubectl create deployment nginx --image=nginx --replicas=3',
				output: 'deployment.apps/nginx created',
				api: 'POST /apis/apps/v1/namespaces/default/deployments → 201 Created'
			},
			highlight: ['kube-apiserver', 'etcd'],
			roles: { etcd: 'Stores the desired state: a Deployment asking for 3 replicas.', kubectl: 'Prints "created" and exits. It does not wait for Pods.' }
		},
		{
			id: 'deployment-controller',
			checkpoint: {
				question: 'Deployment nginx is stored. Which component creates its ReplicaSet?',
				kind: 'component',
				options: [
					{ value: 'kube-controller-manager' },
					{ value: 'kube-apiserver', misconception: 'The API server expands a Deployment when it stores it. It only stores objects; controllers act on them.' },
					{ value: 'kubectl', misconception: 'kubectl creates the ReplicaSet and the Pods. It sent one Deployment and exited.' },
					{ value: 'kube-scheduler', misconception: 'The scheduler creates workloads. It only picks nodes for Pods that already exist.' }
				],
				answer: 'kube-controller-manager',
				feedback: 'The Deployment controller, a loop inside kube-controller-manager, hears "Deployment ADDED" on its watch and POSTs a ReplicaSet to the API server.'
			},
			title: 'The Deployment controller creates a ReplicaSet',
			notes: 'Ask why there is a ReplicaSet at all: it lets Deployments roll out a new template beside the old one.',
			view: 'empty',
			narration:
				'The Deployment controller (one of the loops inside kube-controller-manager) hears "Deployment nginx ADDED" on its watch. It creates a ReplicaSet, nginx-799cfcc968, asking for 3 replicas and owned by the Deployment. The name ends in a hash of the Pod template: the part of the Deployment that describes each Pod (its image, labels and ports). It writes through the API server, never to etcd directly.',
			highlight: ['kube-controller-manager', 'kube-apiserver'],
			roles: { 'kube-controller-manager': 'Its Deployment controller turns the Deployment into a ReplicaSet.' }
		},
		{
			id: 'replicaset-controller',
			title: 'The ReplicaSet controller creates three Pods',
			view: 'empty',
			narration:
				'The ReplicaSet controller hears "ReplicaSet ADDED", counts 0 Pods against 3 wanted, and creates them in slow-start batches: one Pod first, then, if that worked, two at once (then 4, 8…), so a refused Pod fails once, not many times. Admission adds two default tolerations to each Pod: permission to stay 300 seconds on a node marked not-ready, and 300 on one marked unreachable, before being evicted. Each Pod is created without a node: Pending. The scheduler is already placing the first while the second batch is created.',
			notes: 'Demo: kubectl get pod <name> -o yaml and find the two tolerations nobody wrote (node.kubernetes.io/not-ready and node.kubernetes.io/unreachable, NoExecute, 300 s), added by the DefaultTolerationSeconds admission plugin. Ask why the batches start at one (quota or admission may refuse every Pod; then only one request is wasted).',
			highlight: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
			roles: {
				'kube-controller-manager':
					'Its ReplicaSet controller creates the missing Pods, one batch at a time. It does not choose their names: each POST carries generateName nginx-799cfcc968- and the API server appends a random five-character suffix, returned in its 201 answer.',
				'kube-apiserver': 'Admits each Pod; the DefaultTolerationSeconds admission plugin adds the not-ready and unreachable tolerations (300 s each).'
			}
		},
		{
			id: 'schedule',
			checkpoint: {
				question: 'Three Pods exist with no node. Which component decides where each runs?',
				kind: 'component',
				options: [
					{ value: 'kube-scheduler' },
					{ value: 'kube-controller-manager', misconception: 'The ReplicaSet controller places the Pods it creates. It creates them without a node.' },
					{ value: 'kubelet-1', misconception: 'Kubelets grab unassigned Pods they have room for. A kubelet only runs Pods already bound to its node.' },
					{ value: 'kube-apiserver', misconception: 'The API server assigns nodes. It records the binding the scheduler posts.' }
				],
				answer: 'kube-scheduler',
				feedback: 'The scheduler filters and scores the nodes for each Pod and POSTs a binding; the API server then sets spec.nodeName.'
			},
			title: 'The scheduler binds each Pod to a node',
			notes: 'Ask: how does node-1 learn that it has work? Nobody sends it a message: the binding is a write to the API server, and node-1\'s kubelet is watching. Misconception to expect: the scheduler starts the Pod.',
			view: 'three',
			narration:
				'The scheduler sees three Pods with no node. For each it filters out nodes that cannot run it (too little CPU or memory, a taint it does not tolerate, affinity rules it breaks), scores the rest, and binds the Pod to the best one with a POST to the Pod\'s binding subresource. The API server records spec.nodeName and PodScheduled=True. The scheduler starts nothing itself.',
			highlight: ['kube-scheduler', 'kube-apiserver'],
			roles: { 'kube-scheduler': 'Filters and scores nodes, then binds each Pod by writing to the API server.' }
		},
		{
			id: 'kubelet-hears',
			title: 'Each kubelet hears about its Pod',
			notes: 'Ask what would change if every kubelet polled the API server every 10 seconds instead (slower reactions, and thousands of nodes loading the API server). Watches are why Kubernetes reacts within a second.',
			view: 'three',
			narration:
				'Each kubelet is watching for Pods whose spec.nodeName is its own node, so the binding reaches it within moments as a watch event (not by polling). The kubelet on node-1 takes the Pod and records that in its status: still in phase Pending (kubectl shows ContainerCreating), now with the node\'s IP and a start time. The kubelets on node-2 and node-3 do the same in parallel. We follow node-1.',
			highlight: ['kubelet-1', 'kubelet-2', 'kubelet-3'],
			roles: { 'kubelet-1': 'Receives its Pod from the watch stream, records in its status that it has taken it, and starts working on it.' }
		},
		{
			id: 'cri',
			checkpoint: {
				question: 'node-1\'s Pod must be created. Which component sends the first request to make it on node-1?',
				kind: 'component',
				options: [
					{ value: 'kubelet-1' },
					{ value: 'runtime-1', misconception: 'The container runtime watches the API server for Pods. It waits to be called by the kubelet over CRI.' },
					{ value: 'kube-apiserver', misconception: 'The API server starts containers on nodes. It only stores the Pod; the node acts on it.' },
					{ value: 'kube-proxy-1', misconception: 'kube-proxy starts Pods. It only writes Service rules.' }
				],
				answer: 'kubelet-1',
				feedback: 'The kubelet calls its container runtime through the CRI, a gRPC API over a local socket; the first call, RunPodSandbox, makes the Pod\'s sandbox.'
			},
			title: 'kubelet to runtime: the CRI',
			view: 'three',
			narration:
				'The kubelet does not start containers itself. It calls the container runtime on its node (containerd here) through the Container Runtime Interface (CRI): a gRPC API, that is, remote procedure calls over a local socket. Its first call is RunPodSandbox. The deck says "we are using Docker": Kubernetes 1.24 removed the dockershim, its built-in Docker support; today containerd or CRI-O is typical, and AKS uses containerd.',
			notes: 'Demo on a node: crictl pods and crictl ps list sandboxes and containers; docker ps shows nothing on a containerd node. Images built with Docker still run: they are standard OCI images.',
			highlight: ['kubelet-1', 'runtime-1'],
			roles: { 'kubelet-1': 'Drives the runtime through the CRI; it never runs containers itself.', 'runtime-1': 'containerd: receives the CRI call on its local socket.' }
		},
		{
			id: 'sandbox',
			title: 'The Pod sandbox: a shared network namespace',
			view: 'three',
			narration:
				'The sandbox is the Pod\'s shared home. containerd creates its network namespace (the Pod\'s own network stack: interfaces, routes, ports) itself and pins it with a bind mount under /var/run/netns, so it exists on its own, whatever process comes or goes. Every container of the Pod joins it, which is why the containers of one Pod reach each other on localhost. So far it has only a loopback interface.',
			notes: 'Ask: two containers in one Pod both want port 80. What happens? (The second fails to bind: they share one network namespace.) That is the practical meaning of "a Pod has one IP".',
			highlight: ['runtime-1', 'pod-1a'],
			roles: { 'runtime-1': 'containerd\'s CRI plugin: creates and pins the Pod\'s network namespace before any process runs in it.', 'pod-1a': 'Exists now as a sandbox with its own network namespace, but no IP and no nginx yet.' }
		},
		{
			id: 'cni',
			title: 'CNI: the Pod gets its IP',
			view: 'three',
			narration:
				'To connect the sandbox, containerd calls the CNI plugin (Container Network Interface) with ADD. The plugin wires the namespace into the cluster network and gives the Pod its IP, 10.244.1.2, reachable from every node. Since Kubernetes 1.24 the runtime, not the kubelet, calls CNI. Then containerd starts the pause container in the namespace, the sandbox\'s tiny placeholder process, and tells the kubelet the sandbox is ready.',
			notes: 'Ask where the address came from: each node gets a range (10.244.1.0/24 for node-1 here) and the CNI plugin hands out addresses from it. On AKS the plugin is usually Azure CNI.',
			highlight: ['runtime-1', 'pod-1a'],
			roles: { 'runtime-1': 'Calls the CNI plugin for the Pod\'s network and IP, then starts the pause container.', 'pod-1a': 'Has its IP, 10.244.1.2; still no nginx container.' }
		},
		{
			id: 'pull',
			title: 'Pull the image',
			notes: "Ask: three nodes each pull nginx. How many pulls count against Docker Hub's anonymous limit, and from which address? (Three, usually from the cluster's one outbound IP.)",
			view: 'three',
			narration:
				'The image is nginx with no tag, meaning nginx:latest, so the pull policy is Always. As in "Pull and run", the runtime first sends a HEAD for the tag; Docker Hub answers 401, so it fetches an anonymous token and repeats the HEAD, which returns the digest. It GETs the index by that digest, picks this node\'s platform (linux/amd64), then fetches the config and the layers it lacks, in parallel, checking every digest.',
			highlight: ['runtime-1', 'registry'],
			roles: { registry: 'Serves the image manifest and layers.', 'runtime-1': 'Pulls and unpacks the layers.' }
		},
		{
			id: 'start',
			title: 'Create and start the container',
			notes: 'Link back to docker/pull-and-run: the same containerd → shim → runc chain starts the process; only the caller differs (the kubelet over the CRI instead of dockerd). Ask what runc does after the process starts (it exits; the shim stays as the parent).',
			view: 'three',
			narration:
				'With the image present, the kubelet asks for the container to be created and started inside the sandbox. containerd hands it to a shim, and runc starts the nginx process in the Pod\'s namespaces (joining the sandbox\'s network namespace, so nginx listens on 10.244.1.2:80) and in a cgroup that measures, and can limit, its CPU and memory.',
			highlight: ['kubelet-1', 'runtime-1', 'pod-1a'],
			roles: { 'pod-1a': 'Its nginx container is now running.' }
		},
		{
			id: 'status',
			title: 'Kubelets report: Running',
			notes: 'Misconception to expect: Running means ready to serve. Ask what could make a Running Pod not Ready (a readiness probe that fails). Demo: kubectl get events --sort-by=.lastTimestamp shows Scheduled, Pulling, Pulled, Created, Started in order.',
			view: 'three',
			narration:
				'Each kubelet reports back to the API server: phase Running, the Pod IP, Ready=True. Along the way it has also posted Events (Pulling, Pulled, Created, Started), small separate objects that kubectl describe shows. The other two nodes did the same work in parallel. The API server stores it all in etcd, where controllers and kubectl can read it.',
			highlight: ['kubelet-1', 'kubelet-2', 'kubelet-3', 'kube-apiserver'],
			roles: { 'kubelet-1': 'Reports the Pod\'s real state: the "actual" half of desired vs actual.' }
		},
		{
			id: 'available',
			title: 'Desired equals actual: 3/3 available',
			notes: 'Run kubectl get deploy,rs,pods to show the three objects and their owner links.',
			view: 'three',
			narration:
				'The ReplicaSet controller sees three ready Pods and updates the ReplicaSet\'s status; the Deployment controller, watching ReplicaSets, then marks the Deployment 3/3 available. From now on these loops keep comparing desired with actual state and act whenever they differ.',
			terminal: {
				command: 'kubectl get deployment nginx',
				output: 'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     3            3           3s',
				api: 'GET /apis/apps/v1/namespaces/default/deployments/nginx'
			},
			highlight: ['kube-controller-manager'],
			end: true
		},
		{
			id: 'forbidden',
			title: 'Branch: the request is refused',
			notes: 'Ask what RBAC rule would allow it (a Role with create on deployments in apps, bound to the user).',
			view: 'empty',
			narration:
				'Had your user lacked permission, the API server would answer 403 Forbidden. Nothing is written to etcd, no watcher hears anything, and no Pod is ever created. Use Previous to go back and take the allowed path.',
			terminal: {
				command: 'kubectl create deployment nginx --image=nginx --replicas=3',
				output: 'error: failed to create deployment: deployments.apps is forbidden: User "student" cannot create resource "deployments" in API group "apps" in the namespace "default"',
				api: 'POST /apis/apps/v1/namespaces/default/deployments → 403'
			},
			highlight: ['kubectl', 'kube-apiserver'],
			end: true
		}
	]
};

/** The recorded run (steps with their full trace), for the golden test. */
export const k1Recording = recordWalkthrough(k1Scenario, written, kubernetesScene);
export const createDeployment = k1Recording.walkthrough;
