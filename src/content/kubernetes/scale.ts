import type { Walkthrough } from '$lib/model/types';
import { recordWalkthrough, type Scenario } from '$lib/sim/kubernetes/scenario';
import { k1Scenario } from './create-deployment';
import { kubernetesScene } from './scene';

// K2 in flows.md: scale to 5, then to 2 (which Pods go, and how they go). No Service exists yet in
// this story ("Expose a Service" comes next), so no Service or EndpointSlice is shown here.
// Victim order: ActivePodsWithRanks.Less in kubernetes/kubernetes pkg/controller/controller_utils.go.
// Messages, tables, Pod badges and the clock are recorded from the simulator, continuing the run of
// "Create a Deployment" (its scenario, same seed): a minute after it settled, scale to 5; once 5/5,
// a minute later, scale to 2.
const kcm = 'kube-controller-manager';
const kubelet = /^kubelet-/;
const runtime = /^runtime-/;

export const k2Scenario: Scenario = {
	title: 'K2: from K1 settled, scale to 5, then to 2',
	start: { continues: k1Scenario },
	steps: [
		{ step: 'start', actions: [{ wait: 60_000 }] },
		{
			step: 'scale-up',
			zero: true,
			actions: [{ kubectl: 'scale deployment', name: 'nginx', replicas: 5 }],
			until: { message: { to: 'kubectl' } },
			show: [{ from: 'kubectl' }, { to: 'etcd', cause: /^PATCH/ }, { to: 'kubectl' }]
		},
		{
			step: 'controllers-up',
			until: { message: { to: kcm, summary: /^201 Created: / }, count: 2 },
			show: [
				{ to: kcm, summary: /^watch: Deployment \S+ MODIFIED/, first: 1 },
				{ from: kcm, summary: /^PUT \S+\/replicasets\/\S+ \(replicas/ },
				{ to: kcm, summary: /^watch: ReplicaSet \S+ MODIFIED/, first: 1 },
				{ from: kcm, summary: /^POST \S+\/pods / },
				{ to: kcm, summary: /^201 Created: / }
			]
		},
		{
			step: 'schedule-up',
			until: { message: { from: runtime, to: kubelet, summary: /^StartContainer: OK/ }, count: 2 },
			show: [
				{ to: 'kube-scheduler', summary: /^watch: Pod \S+ ADDED/ },
				{ from: 'kube-scheduler', summary: /\/binding /, alone: true },
				{ to: kubelet, summary: /^watch: Pod \S+ ADDED/ },
				{ from: kubelet, to: runtime, summary: /PullImage/ }
			]
		},
		{
			step: 'five-running',
			until: { settled: true },
			show: [{ from: kubelet, summary: /status \(Running/ }, { from: kcm, summary: /status \(replicas 5, (updated 5, )?ready 5/ }]
		},
		{
			step: 'scale-down',
			actions: [{ wait: 60_000 }, { kubectl: 'scale deployment', name: 'nginx', replicas: 2 }],
			until: { answered: { from: kcm, summary: /^PUT \S+\/replicasets\/\S+ \(replicas 2/ } },
			show: [{ from: 'kubectl' }, { to: 'etcd', cause: /^PATCH/ }, { to: 'kubectl' }, { to: kcm, summary: /^watch: Deployment \S+ MODIFIED/, first: 1 }, { from: kcm, summary: /^PUT \S+\/replicasets\/\S+ \(replicas/ }]
		},
		{ step: 'pick', until: { message: { from: kcm, summary: /^DELETE / }, count: 3 }, show: [{ from: kcm, summary: /^DELETE /, alone: true }] },
		{
			step: 'terminating',
			until: { answered: { from: kcm, summary: /replicasets\/\S+\/status \(replicas 2/ } },
			show: [
				{ to: 'etcd', cause: /^DELETE / },
				{ to: kcm, summary: /^200 OK \(Pod is Terminating/ },
				{ to: kubelet, summary: /^watch: Pod \S+ MODIFIED/, first: 3 },
				{ from: kcm, summary: /replicasets\/\S+\/status \(replicas 2/ }
			]
		},
		{
			step: 'stop-containers',
			until: { message: { from: runtime, summary: /^CNI DEL/ }, count: 3 },
			show: [{ from: kubelet, to: runtime, summary: /StopContainer/ }, { from: runtime, summary: /^SIG/ }, { from: runtime, summary: /^CNI DEL/ }]
		},
		{ step: 'gone', until: { settled: true }, show: [{ from: kubelet, summary: /^DELETE / }, { to: 'etcd', cause: /^DELETE .*gracePeriodSeconds=0/ }] }
	]
};

const written: Walkthrough = {
	id: 'kubernetes/scale',
	scene: 'kubernetes',
	order: 3,
	title: 'Scale a Deployment',
	summary: 'Up to five replicas and back down to two: which Pods are chosen, and how they shut down gracefully.',
	steps: [
		{
			id: 'start',
			title: 'Three replicas running',
			view: 'three',
			narration:
				'We start where "Create a Deployment" ended: the nginx Deployment owns one ReplicaSet, which owns three running Pods, one on each node. Scaling changes one number in the desired state; controllers do the rest.',
			notes: 'Ask the class to predict which components will act when the number changes. Expect "kubectl starts two Pods"; in fact kubectl only changes one field and exits.',
		},
		{
			id: 'scale-up',
			title: 'kubectl scale --replicas=5',
			notes: 'kubectl scale changes one field; editing replicas in the YAML and running kubectl apply does the same. Demo: run kubectl get deployment nginx -w in a second terminal before scaling.',
			view: 'three',
			narration:
				'kubectl sends a PATCH to the Deployment\'s scale subresource setting spec.replicas to 5. The API server admits it and stores it in etcd. Nothing else is touched yet.',
			terminal: {
				command: 'kubectl scale deployment nginx --replicas=5',
				output: 'deployment.apps/nginx scaled',
				api: 'PATCH /apis/apps/v1/namespaces/default/deployments/nginx/scale {"spec":{"replicas":5}}'
			},
			highlight: ['kubectl', 'kube-apiserver', 'etcd'],
		},
		{
			id: 'controllers-up',
			checkpoint: {
				question: 'Replicas go from 3 to 5. What does the Deployment controller do?',
				kind: 'choice',
				options: [
					{ value: 'Creates a new ReplicaSet with 5 replicas', misconception: 'Every change to a Deployment makes a new ReplicaSet. Only a change to the Pod template does.' },
					{ value: 'Sets the existing ReplicaSet to 5' },
					{ value: 'Creates the 2 extra Pods itself', misconception: 'The Deployment controller makes Pods. It manages ReplicaSets; the ReplicaSet controller makes the Pods.' }
				],
				answer: 'Sets the existing ReplicaSet to 5',
				feedback: 'The template did not change, so the same ReplicaSet is scaled to 5; the ReplicaSet controller then creates the two missing Pods.'
			},
			title: 'Same template, same ReplicaSet: two more Pods',
			notes: 'Contrast with changing the image: that creates a new ReplicaSet (a rollout). Ask: what would kubectl set image deployment/nginx nginx=nginx:1.27 create here?',
			view: 'three',
			narration:
				'The Deployment controller sees the change. The Pod template is unchanged, so no new ReplicaSet is needed (that would be a rollout); it just sets the existing ReplicaSet\'s replicas to 5. The ReplicaSet controller then counts 3 of 5 and creates two Pods.',
			highlight: ['kube-controller-manager'],
		},
		{
			id: 'schedule-up',
			title: 'Scheduled and started, as before',
			notes:
				'Misconception to expect: "the scheduler chose node-1 for a reason". For the first Pod every node already runs one nginx Pod, so the score plugins (NodeResourcesFit, NodeResourcesBalancedAllocation, PodTopologySpread\'s default spreading, ImageLocality) give equal scores, or differ only through other Pods such as CoreDNS, and selectHost picks at random among the best. For the second Pod the scheduler already counts 55647 on node-1 (it assumes its own binding), so node-2 and node-3 score higher; random again between them. Ask: where would a sixth Pod go?',
			view: 'five',
			narration:
				'The same path as creating Pods. For the first new Pod, 55647, every node runs one nginx Pod, so all three score the same and the scheduler picks at random among the best: node-1. For 2xftn, node-1 holds two, so spreading favours node-2 and node-3; again a random pick: node-2. Each kubelet creates the sandbox and calls PullImage, which now only checks the manifest (the layers are cached), and starts nginx.',
			highlight: ['kube-scheduler', 'kubelet-1', 'kubelet-2', 'pod-1b', 'pod-2b'],
			roles: { 'kube-scheduler': 'Filters the nodes, scores the rest, and binds each Pod to a node with the highest score, choosing at random when several share it.' }
		},
		{
			id: 'five-running',
			title: 'Five of five',
			notes: 'Demo: kubectl get pods -o wide shows the new Pods and their nodes. Ask: what changed in etcd because of our command, and what changed because controllers reacted?',
			view: 'five',
			narration:
				'Both kubelets report Running and Ready, the ReplicaSet counts five ready Pods, and the Deployment shows 5/5. Nothing but one number in etcd changed at the start; everything else was controllers reacting.',
			highlight: ['pod-1b', 'pod-2b'],
		},
		{
			id: 'scale-down',
			title: 'kubectl scale --replicas=2',
			notes: 'Ask the class to guess which three Pods will go before stepping on. Most guess "the newest three"; the node each Pod runs on matters first.',
			view: 'five',
			narration:
				'Now scale down to 2. The same PATCH, then the Deployment controller sets the ReplicaSet to 2, and the ReplicaSet controller must choose three Pods to delete.',
			terminal: {
				command: 'kubectl scale deployment nginx --replicas=2',
				output: 'deployment.apps/nginx scaled',
				api: 'PATCH /apis/apps/v1/namespaces/default/deployments/nginx/scale {"spec":{"replicas":2}}'
			},
			highlight: ['kubectl', 'kube-apiserver', 'kube-controller-manager'],
		},
		{
			id: 'pick',
			checkpoint: {
				question: 'Five Pods, two wanted. Which Pods does the ReplicaSet controller delete first?',
				kind: 'choice',
				options: [
					{ value: 'The oldest ones, like a queue', misconception: 'Scale-down removes the oldest first. Pods ready for less time go before older ones.' },
					{ value: 'The two that became ready a minute ago, then one from a crowded node' },
					{ value: 'Three at random', misconception: 'Scale-down picks at random. Chance only breaks a tie left after the ranking.' }
				],
				answer: 'The two that became ready a minute ago, then one from a crowded node',
				feedback: 'The controller ranks Pods and deletes from the front: among ready Pods, those on nodes with more replicas and those ready for less time go first, so 55647 and 2xftn go, then bh954.'
			},
			title: 'Which three Pods go?',
			view: 'five',
			narration:
				'The ReplicaSet controller ranks its Pods and deletes from the front: unscheduled, then not running, not ready, lower pod-deletion-cost, on a node with more replicas, ready for less time, more restarts, newer. node-1 and node-2 hold two each, and 55647 and 2xftn became ready a minute ago, so they go first. 5bfnw and bh954 tie; the tie falls to bh954. Three DELETEs follow.',
			notes:
				'The order is ActivePodsWithRanks.Less in pkg/controller/controller_utils.go. Ready times and creation times are compared on a log2 scale, so Pods made within moments of each other count as equal and fall to a pseudo-random order (by UID): on another run 5bfnw could go instead. Demo: kubectl annotate pod <name> controller.kubernetes.io/pod-deletion-cost=-100 before scaling down makes that Pod go first. Ask: why prefer Pods on crowded nodes? (It evens out the spread.)',
			highlight: ['kube-controller-manager', 'pod-1b', 'pod-2b', 'pod-2a'],
			roles: {
				'kube-controller-manager':
					'ReplicaSet controller: ranks the five Pods (unscheduled, phase, readiness, pod-deletion-cost, replicas on the same node, time ready, restarts, age) and deletes the first three.'
			}
		},
		{
			id: 'terminating',
			title: 'DELETE marks the Pods Terminating',
			notes:
				'Misconception to expect: "kubectl delete removes the Pod at once". Demo: kubectl delete pod <name> in one terminal with kubectl get pods -w in another: Terminating first, gone a moment later. Ask: why does the ReplicaSet already report 2 of 2 while three Pods still exist?',
			view: 'five',
			narration:
				'A DELETE does not remove a Pod at once. The API server sets a deletionTimestamp with a 30-second grace period, stores it in etcd and answers 200: the objects still exist, and kubectl shows them as Terminating. The ReplicaSet controller stops counting them and reports 2 of 2. Each kubelet hears that its Pods are being deleted.',
			highlight: ['kube-apiserver', 'kubelet-1', 'kubelet-2', 'pod-1b', 'pod-2b', 'pod-2a'],
		},
		{
			id: 'stop-containers',
			checkpoint: {
				question: 'The Pods are Terminating. Which component tells node-2\'s runtime to stop their containers?',
				kind: 'component',
				options: [
					{ value: 'kubelet-2' },
					{ value: 'kube-controller-manager', misconception: 'The ReplicaSet controller stops the containers. It only DELETEs the Pod objects.' },
					{ value: 'kube-apiserver', misconception: 'The API server reaches into nodes to kill containers. It only marks the Pods; kubelets watch and act.' }
				],
				answer: 'kubelet-2',
				feedback: 'Each kubelet hears its Pods marked for deletion on its watch and calls CRI StopContainer; the runtime sends nginx\'s stop signal and releases the IP.'
			},
			title: 'The kubelets stop the containers',
			notes:
				'This is why apps should handle their stop signal: finish in-flight requests, then exit within the grace period. Demo: an app that ignores SIGTERM takes the full 30 s and is then SIGKILLed (exit code 137). No Service selects these Pods yet; once one does ("Expose a Service"), a terminating Pod stays in the EndpointSlice marked terminating=true and ready=false, and kube-proxy stops sending it new connections.',
			view: 'five',
			narration:
				'Each kubelet runs any preStop hook (these Pods have none), then calls CRI StopContainer with the 30-second grace. The runtime sends the image\'s stop signal: SIGTERM by default, SIGQUIT for nginx. nginx finishes open requests and exits; a container still running at 30 seconds gets SIGKILL. Then StopPodSandbox: the CNI plugin\'s DEL frees each Pod\'s IP.',
			highlight: ['kubelet-1', 'kubelet-2', 'runtime-1', 'runtime-2', 'pod-1b', 'pod-2b', 'pod-2a'],
			roles: {
				'kubelet-1': 'Stops its terminating Pod: preStop hook (none here), StopContainer with the remaining grace period, then StopPodSandbox.',
				'kubelet-2': 'Stops its two terminating Pods the same way.',
				'runtime-1': 'Sends the stop signal through the shim, waits up to the timeout, then SIGKILL; tears down the sandbox and calls CNI DEL.',
				'runtime-2': 'Sends the stop signal through the shim, waits up to the timeout, then SIGKILL; tears down the sandboxes and calls CNI DEL.'
			}
		},
		{
			id: 'gone',
			title: 'Two replicas',
			notes: 'Ask: who removes the Pod object from etcd, the controller that sent DELETE or the kubelet? (The kubelet, once its containers have stopped.) A force delete (--grace-period=0 --force) skips that confirmation, which is why it is risky.',
			view: 'two',
			narration:
				'When a Pod\'s containers have stopped, its kubelet sends the final DELETE with grace period 0 and the API server removes the Pod object from etcd. Two Pods remain, one on node-1 and one on node-3: desired state and actual state agree again.',
			highlight: ['pod-1a', 'pod-3a'],
		}
	]
};

/** The recorded run (steps with their full trace), for the golden test. */
export const k2Recording = recordWalkthrough(k2Scenario, written, kubernetesScene);
export const scale = k2Recording.walkthrough;
