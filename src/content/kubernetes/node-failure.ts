import type { Walkthrough } from '$lib/model/types';
import { recordWalkthrough, type Scenario } from '$lib/sim/kubernetes/scenario';
import { k4Scenario } from './expose-service';
import { kubernetesScene } from './scene';
import { getServiceOutput, POD, SVC } from './tables';

// K3 in flows.md, checked against kubernetes/kubernetes pkg/controller/nodelifecycle
// (tryUpdateNodeHealth, monitorNodeHealth, doNoExecuteTaintingPass), pkg/controller/tainteviction,
// pkg/controller/podgc (gcOrphaned, gcTerminating) and kubernetes/cloud-provider
// controllers/nodelifecycle (MonitorNodes). Times follow Kubernetes 1.32+: 50 s grace before
// Ready=Unknown (40 s before), NoExecute taint at the next 5 s check, 300 s default toleration.
// A recorded run continuing expose-service (its scenario): the Service nginx and its EndpointSlice
// exist from the first step. node-2's VM is powered off, not deleted: the Node is deleted only after
// the VM is; the walkthrough ends with the VM deleted, the Node gone and the old Pod force-deleted
// (crash-loop says how the class rebuilt node-2).
const kcm = 'kube-controller-manager';
const ccm = 'cloud-controller-manager';
const kubelet = /^kubelet-/;
const LEASE = /^PUT \S+\/leases\//;
const TABLES = ['Deployments', 'ReplicaSets', 'Nodes', 'Pods', 'Services', 'EndpointSlices'];

export const k3Scenario: Scenario = {
	title: 'K3: from K4, node-2 powered off; 300 s later its Pod evicted and replaced; then its VM deleted',
	start: { continues: k4Scenario },
	steps: [
		{ step: 'heartbeats', until: { message: { to: kcm, summary: /^watch: Lease / }, count: 3 }, show: [{ from: kubelet, summary: LEASE }, { to: kcm, summary: /^watch: Lease / }], tables: TABLES },
		{ step: 'dies', zero: true, actions: [{ powerOff: 'node-2' }, { wait: 10_500 }], show: [{ from: kubelet, summary: LEASE }, { to: kcm, summary: /^watch: Lease / }], tables: TABLES },
		{ step: 'waiting', actions: [{ wait: 35_000 }], show: [{ from: 'kubelet-1', summary: LEASE, last: 1 }, { from: 'kubelet-3', summary: LEASE, last: 1 }, { to: kcm, summary: /^watch: Lease /, last: 2 }], tables: TABLES },
		{
			step: 'tainted',
			until: { answered: { from: kcm, summary: /^PATCH \S+nodes\/node-2 \(taint \S+unreachable:NoSchedule/ } },
			show: [{ from: kcm, summary: /nodes\/node-2\/status/ }, { from: kcm, summary: /pods\/\S+\/status \(Ready=False/ }, { to: kcm, summary: /^watch: Node node-2 MODIFIED/, first: 1 }, { from: kcm, summary: /unreachable:NoSchedule/ }],
			tables: TABLES
		},
		{
			step: 'traffic',
			until: { note: /^programmed rules: .* → 2 endpoints/, count: 2 },
			show: [{ to: 'kube-scheduler', summary: /^watch: Node node-2 MODIFIED/, last: 1 }, { to: kcm, summary: /^watch: Pod \S+ MODIFIED/, first: 1 }, { from: kcm, summary: /endpointslices/ }, { to: /^kube-proxy-/, summary: /^watch: EndpointSlice / }],
			tables: TABLES
		},
		{
			step: 'noexecute',
			until: { answered: { from: kcm, summary: /unreachable:NoExecute/ } },
			show: [{ from: kcm, summary: /unreachable:NoExecute/ }, { to: kcm, summary: /^watch: Node node-2 MODIFIED/, last: 1 }],
			tables: TABLES
		},
		{
			step: 'cloud-check',
			until: { answered: { from: ccm, summary: /shutdown/ } },
			show: [{ from: ccm, to: 'cloud-api' }, { from: 'cloud-api', to: ccm }, { from: ccm, summary: /shutdown/ }],
			tables: TABLES
		},
		{
			step: 'evict',
			until: { answered: { from: kcm, summary: /endpointslices.*terminating/ } },
			show: [{ from: kcm, summary: /pods\/\S+\/status \(.*DisruptionTarget/ }, { from: kcm, summary: /^DELETE \S+pods/ }, { to: kcm, summary: /^200 OK \(Pod is Terminating/ }, { from: kcm, summary: /endpointslices.*terminating/ }],
			tables: TABLES
		},
		{
			step: 'replace',
			until: { answered: { from: kcm, summary: /endpointslices.*3 ready/ } },
			show: [
				{ from: kcm, summary: /^POST \S+\/pods / },
				{ to: kcm, summary: /^201 Created: nginx-799cfcc968-/ },
				{ from: 'kube-scheduler', summary: /\/binding / },
				{ to: kubelet, summary: /^watch: Pod \S+ ADDED/ },
				{ from: kubelet, summary: /status \(Running/ },
				{ from: kcm, summary: /endpointslices.*3 ready/ }
			],
			tables: TABLES
		},
		{ step: 'stuck', actions: [{ wait: 240_000 }], tables: TABLES },
		{
			step: 'cleanup',
			actions: [{ deleteVm: 'node-2' }, { until: { settled: true } }],
			show: [{ from: ccm, to: 'cloud-api', first: 1 }, { from: 'cloud-api', to: ccm, first: 1 }, { from: ccm, summary: /^DELETE / }, { from: kcm, summary: /pods\/\S+\/status \(Failed/ }, { from: kcm, summary: /^DELETE \S+pods/ }, { from: kcm, summary: /endpointslices/ }],
			tables: TABLES
		}
	]
};

const written: Walkthrough = {
	id: 'kubernetes/node-failure',
	scene: 'kubernetes',
	order: 5,
	title: 'A node fails',
	summary: 'Heartbeats stop; after 50 s the node is marked and tainted; 300 s later its Pod is evicted and replaced; a powered-off node\'s Pod stays Terminating until its VM is deleted.',
	deckCorrections: [
		{ step: 'noexecute', text: 'The deck says the node controller responds when nodes go down; today one controller taints, another evicts, and the old 5-minute pod-eviction-timeout flag was removed in 1.27.' }
	],
	steps: [
		{
			id: 'heartbeats',
			title: 'Three replicas behind the Service; a heartbeat every 10 seconds',
			view: 'three-again',
			narration:
				`We start where "Expose a Service" ended: three nginx replicas, 5bfnw on node-1, cvl77 on node-2 and sz2k2 on node-3. The Service from "Expose a Service" sends traffic to all three, at ${SVC.externalIP}. Each kubelet renews its node's Lease in kube-node-lease every 10 seconds: that small write is the heartbeat, and the node lifecycle controller watches the Leases. Full node status follows only on change, or every 5 minutes.`,
			notes:
				'The clock in the corner is simulated: it jumps ahead so nobody waits six minutes. Ask: why a separate tiny Lease instead of sending the whole node status every 10 seconds? (Status is large; with thousands of nodes the small Lease keeps etcd and the API server quiet.)',
			terminal: {
				command: 'kubectl get service nginx',
				output: getServiceOutput(SVC.externalIP, '12s'),
				api: 'GET /api/v1/namespaces/default/services/nginx'
			},
			highlight: ['kubelet-1', 'kubelet-2', 'kubelet-3'],
			roles: {
				'kube-controller-manager': 'Node lifecycle controller: each time its Lease watch shows a renewed Lease, it notes the time on its own clock for that node.'
			},
		},
		{
			id: 'dies',
			checkpoint: {
				question: 'node-2 loses power. How does the control plane find out?',
				kind: 'choice',
				options: [
					{ value: 'node-2 sends a "going down" message', misconception: 'A failing node reports its own failure. A stopped machine sends nothing.' },
					{ value: 'Its heartbeats stop arriving' },
					{ value: 'The scheduler pings every node', misconception: 'The control plane polls nodes. Kubelets renew their Leases; silence is the only sign.' }
				],
				answer: 'Its heartbeats stop arriving',
				feedback: 'Each kubelet renews its Lease every 10 s; node-2\'s renewals simply stop while node-1 and node-3 keep theirs going.'
			},
			title: 'node-2 stops responding',
			notes: 'Ask how the cluster can know a node is dead when the node cannot tell it. (Only by silence, and silence has to be noticed by someone with a clock.)',
			view: 'three-again',
			narration:
				'node-2\'s VM is shut down (say, stopped in the portal): the VM itself still exists in the cloud. A stopped machine sends nothing, so nothing announces the failure: the only sign is that node-2\'s heartbeats stop arriving while node-1 and node-3 keep renewing theirs.',
			highlight: ['node-2'],
			badges: { 'node-2': 'powered off' },
		},
		{
			id: 'waiting',
			title: 'The node lifecycle controller checks its own clock',
			notes:
				'Misconception to expect: "the API server tells the controller that node-2 is dead". A silence cannot be sent; the controller notices it with its own timer (--node-monitor-period 5 s). Ask: why wait 50 s (--node-monitor-grace-period) instead of 10? A flaky network would otherwise evict healthy Pods.',
			view: 'three-again',
			narration:
				'Nothing about node-2 arrives, so nothing can be pushed: the node lifecycle controller in kube-controller-manager has to look. Every 5 seconds it goes through the Nodes in its own cache and compares, for each, when it last saw the Lease renewed with its own clock. node-2 went off 45 seconds ago; its last renewal is 48 seconds old. A missed heartbeat or two is not a failure, so it waits for a grace period of 50 seconds (40 seconds before Kubernetes 1.32).',
			highlight: ['kube-controller-manager', 'node-2'],
			badges: { 'node-2': 'powered off', 'kube-controller-manager': 'node-2 silent 48 s' },
			roles: {
				'kube-controller-manager':
					'Node lifecycle controller: a local check every 5 s, with no message involved. node-1 and node-3 were renewed seconds ago; node-2 was last renewed 48 s ago, under the 50 s grace period.'
			}
		},
		{
			id: 'tainted',
			checkpoint: {
				question: 'How long after node-2\'s last heartbeat is it marked Ready=Unknown?',
				kind: 'choice',
				options: [
					{ value: 'About 10 s: one missed heartbeat', misconception: 'One missed heartbeat marks a node down. The controller allows a grace period.' },
					{ value: 'About 50 s' },
					{ value: '5 minutes', misconception: 'The deck\'s 5-minute pod-eviction-timeout decides. That flag was removed in 1.27; 300 s is the Pods\' toleration, later.' }
				],
				answer: 'About 50 s',
				feedback: 'The node lifecycle controller checks every 5 s and acts once a node has been silent for its 50 s grace period (40 s before v1.32): Ready=Unknown and an unreachable taint.'
			},
			title: '50 s: Ready=Unknown and a NoSchedule taint',
			view: 'three-again',
			narration:
				'At its first check after 50 silent seconds, the controller writes node-2\'s status itself: Ready becomes Unknown ("Kubelet stopped posting node status"), which kubectl shows as NotReady. Seeing the new condition, it adds the taint node.kubernetes.io/unreachable with effect NoSchedule (no new Pods go there) and marks the Pod on node-2 Ready=False, so the ReplicaSet counts two ready. Nothing is deleted yet.',
			notes: 'Ask: the controller cannot know whether nginx on node-2 still runs. Why is "Unknown" the honest value, and why is Ready=False on the Pod still the safe choice?',
			highlight: ['kube-controller-manager', 'node-2'],
			badges: { 'node-2': 'NotReady', 'pod-2c': 'Ready=False' },
		},
		{
			id: 'traffic',
			title: 'Traffic and scheduling avoid node-2',
			notes: 'Users are protected after about 50 seconds; the Pod is replaced only after about 6 minutes. Demo: kubectl get endpointslices -l kubernetes.io/service-name=nginx -o yaml shows the endpoint still listed with ready: false.',
			view: 'three-again',
			narration:
				'Because of the NoSchedule taint, the scheduler now filters node-2 out. The EndpointSlice controller sees that cvl77 is not ready and marks its endpoint ready=false in the Service\'s EndpointSlice: still listed, but not to be used. kube-proxy on node-1 and node-3 rewrites its rules without 10.244.2.4. Users stop being sent to the dead node about a minute after it died.',
			highlight: ['kube-scheduler', 'kube-controller-manager', 'kube-proxy-1', 'kube-proxy-3'],
			badges: { 'node-2': 'NotReady', 'pod-2c': 'Ready=False' },
		},
		{
			id: 'noexecute',
			title: '55 s: the NoExecute taint starts a 300 s timer',
			notes:
				'Rate limits (kube-controller-manager flags): --node-eviction-rate 0.1 nodes per second; --secondary-node-eviction-rate 0.01 when at least 55% of a zone\'s nodes (and more than two) are not ready, and 0 there in clusters of 50 nodes or fewer; no NoExecute taints at all when every node is down, since then the control plane is the likelier fault. Ask: why would tainting every node at once be dangerous?',
			view: 'three-again',
			narration:
				'At the next check the controller queues node-2 for a second taint, unreachable:NoExecute. That queue is rate-limited (one node every 10 seconds by default), so a network split cannot evict a whole zone at once. The taint-eviction controller sees the taint and starts a timer: every Pod tolerates it for 300 seconds by default. The deck says the node controller responds when nodes go down; today one controller taints, another evicts, and the old 5-minute pod-eviction-timeout flag was removed in 1.27.',
			highlight: ['kube-controller-manager', 'node-2'],
			badges: { 'node-2': 'NotReady', 'pod-2c': 'Ready=False', 'kube-controller-manager': `${POD.g}: evict at ≈355 s` },
			roles: {
				'kube-controller-manager':
					'Node lifecycle controller: adds the NoExecute taint through its rate-limited queue. Taint-eviction controller (separate since 1.29): finds the Pod\'s toleration of 300 s for this taint and schedules its deletion for about t = 355 s.'
			},
		},
		{
			id: 'cloud-check',
			title: 'The cloud says: the VM is stopped, not gone',
			notes: 'This is the deck\'s cloud "node controller", which checks the cloud when a node stops responding. Ask: why not delete a Node whose VM is merely stopped? (It may be started again, with its disks and its Pods\' data.) Before its PATCH it reads the Node from the API server\'s cache (GET ?resourceVersion=0, not shown), so it patches a fresh copy carrying the NoExecute taint added a moment before; had another write slipped in between, the API server would answer 409 Conflict and it would read again and retry, as every controller does.',
			view: 'three-again-cloud',
			narration:
				'The cloud-controller-manager runs its own 5-second check. For every Node that is not Ready it asks the cloud\'s API about the VM behind it. node-2\'s VM still exists but is powered off, so it adds the taint node.cloudprovider.kubernetes.io/shutdown with effect NoSchedule, and it does not delete the Node: a stopped VM may be started again.',
			highlight: ['cloud-controller-manager', 'cloud-api', 'node-2'],
			badges: { 'node-2': 'NotReady', 'pod-2c': 'Ready=False' },
			roles: {
				'cloud-controller-manager':
					'Cloud node lifecycle controller: asked the cloud API whether node-2\'s VM exists (yes) and whether it is shut down (yes), so it taints the Node and keeps it.'
			},
		},
		{
			id: 'evict',
			checkpoint: {
				question: 'When is the nginx Pod on node-2 evicted?',
				kind: 'choice',
				options: [
					{ value: 'At once, when the NoExecute taint appears', misconception: 'A NoExecute taint evicts at once. Pods get a default 300 s toleration of an unreachable node.' },
					{ value: 'About 300 s after the NoExecute taint' },
					{ value: 'Never: it waits for node-2 to return', misconception: 'Pods wait for their node. The taint-eviction controller deletes them when the toleration runs out.' }
				],
				answer: 'About 300 s after the NoExecute taint',
				feedback: 'Admission gave the Pod a 300 s toleration of node.kubernetes.io/unreachable; when it runs out, the taint-eviction controller DELETEs the Pod.'
			},
			title: '≈355 s: the toleration runs out, the Pod is evicted',
			view: 'three-again',
			narration:
				'300 seconds after the NoExecute taint appeared, the toleration runs out. The taint-eviction controller records why on the Pod, then sends DELETE. The API server sets deletionTimestamp with the usual 30-second grace and the Pod shows Terminating. The EndpointSlice still lists it, now also terminating=true. But node-2\'s kubelet is off, so nothing stops the container or confirms it stopped.',
			notes: 'The 300 s comes from kube-apiserver --default-unreachable-toleration-seconds, added to every Pod at admission. Ask: a database Pod might want 30 s, a cache 3600 s. Where would you set that? (tolerationSeconds in the Pod template.)',
			highlight: ['kube-controller-manager', 'pod-2c'],
			badges: { 'node-2': 'NotReady' },
		},
		{
			id: 'replace',
			checkpoint: {
				question: 'The Pod on node-2 is being deleted. Which component creates its replacement?',
				kind: 'component',
				options: [
					{ value: 'kube-controller-manager' },
					{ value: 'kube-scheduler', misconception: 'The scheduler moves the Pod to a healthy node. Pods never move; a new one is created, then scheduled.' },
					{ value: 'kubelet-1', misconception: 'A healthy kubelet takes over the lost Pod. It runs only Pods bound to its node.' },
					{ value: 'kubelet-2', misconception: 'node-2\'s kubelet hands its Pod over. node-2 is off and sends nothing.' }
				],
				answer: 'kube-controller-manager',
				feedback: 'The ReplicaSet controller no longer counts a Pod being deleted, sees 2 of 3 and POSTs a new Pod, which the scheduler then binds to a healthy node.'
			},
			title: 'A replacement on a healthy node',
			notes: 'The new Pod has a new name and IP: Pods are replaced, never moved. Ask: why may the replacement start while the old Pod might, for all anyone knows, still be running? (A Deployment accepts that; a StatefulSet does not, and waits.)',
			view: 'replaced',
			narration:
				`The ReplicaSet controller does not count a Pod that is being deleted, so it sees 2 of 3 and creates ${POD.f}. The scheduler filters out the tainted node-2; node-1 and node-3 each run one nginx Pod, a tie it breaks at random: node-1. The kubelet there starts it (the image is cached), and once it is ready the EndpointSlice controller adds 10.244.1.4. The Deployment is back to 3 available.`,
			highlight: ['kube-controller-manager', 'kube-scheduler', 'kubelet-1', 'pod-1c'],
			badges: { 'node-2': 'NotReady' },
		},
		{
			id: 'stuck',
			title: 'The old Pod stays Terminating',
			notes:
				'Common in real clusters: a Pod "stuck in Terminating" on a dead node. For a node known to be off, the documented way out is kubectl taint nodes node-2 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute: the Pod garbage collector then force-deletes its terminating Pods (and volumes are detached). Ask: why is kubectl delete pod --force dangerous if the node might still be running?',
			view: 'replaced',
			narration:
				'Minutes later cvl77 is still Terminating, long past its 30-second grace. Only its own kubelet may confirm that the containers stopped, and node-2 is off. Its Node object still exists, because the VM still exists, so nothing cleans up. There are three ways out: start the VM again (its kubelet then finishes the deletion), mark the node out of service with a taint, or delete the VM.',
			highlight: ['pod-2c', 'node-2'],
			badges: { 'node-2': 'NotReady' },
			roles: {
				'kube-controller-manager':
					'Pod garbage collector (every 20 s): force-deletes Pods whose Node no longer exists, or terminating Pods on a NotReady Node tainted out-of-service. node-2 is neither, so it leaves the Pod alone.'
			}
		},
		{
			id: 'cleanup',
			title: 'The VM is deleted; the Node and the old Pod go',
			notes: 'DaemonSet Pods (log agents, kube-proxy on some clusters) are not evicted by these taints: they tolerate them, because they belong on every node. Ask: on AKS, what would delete the VM for you? (Scaling the node pool in, or the cluster autoscaler.)',
			view: 'replaced-cloud',
			narration:
				'Here the admin decides node-2 is not coming back and deletes its VM. At its next check the cloud-controller-manager finds no VM behind node-2 and deletes the Node object. The Pod garbage collector in kube-controller-manager finds a Pod bound to a Node that no longer exists and, after a 40-second safety wait, marks it Failed and force-deletes it (grace 0). Only now does 10.244.2.4 leave the EndpointSlice.',
			terminal: {
				command: 'az vm delete --resource-group rg-class --name node-2 --yes',
				api: 'DELETE https://management.azure.com/subscriptions/…/resourceGroups/rg-class/providers/Microsoft.Compute/virtualMachines/node-2'
			},
			highlight: ['cloud-controller-manager', 'kube-controller-manager', 'node-2'],
			badges: { 'node-2': 'VM deleted' },
			roles: {
				'cloud-controller-manager': 'Cloud node lifecycle controller: the cloud API no longer knows node-2\'s VM, so the Node object goes too.',
				'kube-controller-manager': 'Pod garbage collector: a Pod bound to a Node that has been gone for 40 s is marked Failed and deleted with grace 0.'
			},
		}
	]
};


/** The recorded run (steps with their full trace), for the golden test. */
export const k3Recording = recordWalkthrough(k3Scenario, written, kubernetesScene);
export const nodeFailure = k3Recording.walkthrough;
