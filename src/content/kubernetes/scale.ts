import type { Walkthrough } from '$lib/model/types';
import { deployment, pods, POD, postPods, replicaSet, settledThree } from './tables';

// K2 in flows.md: scale to 5, then to 2 (which Pods go, and how they go). No Service exists yet in
// this story ("Expose a Service" comes next), so no Service or EndpointSlice is shown here.
// Victim order: ActivePodsWithRanks.Less in kubernetes/kubernetes pkg/controller/controller_utils.go.
const five = (status: Record<string, string> = {}) =>
	pods([
		[POD.a, status[POD.a] ?? 'Running', 'node-1', '10.244.1.5'],
		[POD.d, status[POD.d] ?? 'Running', 'node-1', '10.244.1.9'],
		[POD.b, status[POD.b] ?? 'Running', 'node-2', '10.244.2.7'],
		[POD.e, status[POD.e] ?? 'Running', 'node-2', '10.244.2.11'],
		[POD.c, status[POD.c] ?? 'Running', 'node-3', '10.244.3.4']
	]);

const threeRows = settledThree[2]!.rows.map((r) => r as [string, string, string, string]);
const terminating = { [POD.d]: 'Terminating', [POD.e]: 'Terminating', [POD.b]: 'Terminating' };

export const scale: Walkthrough = {
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
			tables: settledThree
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
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'PATCH deployments/nginx/scale {"spec":{"replicas":5}}' },
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'write Deployment nginx: replicas 5' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '200 OK' }
			],
			tables: [deployment('3/5', 3, 3), replicaSet(3, 3, 3), settledThree[2]!]
		},
		{
			id: 'controllers-up',
			title: 'Same template, same ReplicaSet: two more Pods',
			notes: 'Contrast with changing the image: that creates a new ReplicaSet (a rollout). Ask: what would kubectl set image deployment/nginx nginx=nginx:1.27 create here?',
			view: 'three',
			narration:
				'The Deployment controller sees the change. The Pod template is unchanged, so no new ReplicaSet is needed (that would be a rollout); it just sets the existing ReplicaSet\'s replicas to 5. The ReplicaSet controller then counts 3 of 5 and creates two Pods.',
			highlight: ['kube-controller-manager'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: Deployment nginx MODIFIED (replicas 5)' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'update ReplicaSet nginx-7d4b9: replicas 5' },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: ReplicaSet nginx-7d4b9 MODIFIED (replicas 5)' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: postPods([POD.d], 'batch 1') },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: postPods([POD.e], 'batch 2') }
			],
			tables: [deployment('3/5', 3, 3), replicaSet(5, 5, 3), pods([...threeRows, [POD.d, 'Pending', '<none>', '<none>'], [POD.e, 'Pending', '<none>', '<none>']])]
		},
		{
			id: 'schedule-up',
			title: 'Scheduled and started, as before',
			notes:
				'Misconception to expect: "the scheduler chose node-1 for a reason". For the first Pod every node already runs one nginx Pod, so the score plugins (NodeResourcesFit, NodeResourcesBalancedAllocation, PodTopologySpread\'s default spreading, ImageLocality) give equal scores, or differ only through other Pods such as CoreDNS, and selectHost picks at random among the best. For the second Pod the scheduler already counts k8jqz on node-1 (it assumes its own binding), so node-2 and node-3 score higher; random again between them. Ask: where would a sixth Pod go?',
			view: 'five',
			narration:
				'The same path as creating Pods. For k8jqz every node runs one nginx Pod, so all three score the same and the scheduler picks at random among the best: node-1. For r4t6n, node-1 holds two, so spreading favours node-2 and node-3; again a random pick: node-2. Each kubelet creates the sandbox, finds the image cached and starts nginx.',
			highlight: ['kube-scheduler', 'kubelet-1', 'kubelet-2', 'pod-1b', 'pod-2b'],
			badges: { 'pod-1b': 'ContainerCreating', 'pod-2b': 'ContainerCreating' },
			messages: [
				{ from: 'kube-apiserver', to: 'kube-scheduler', via: 'api-scheduler', kind: 'event', summary: 'watch: 2 Pods ADDED with no nodeName' },
				{ from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: `bind Pod ${POD.d} to node-1 (three nodes tied, random pick)` },
				{ from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: `bind Pod ${POD.e} to node-2 (node-2 and node-3 tied, random pick)` },
				{ from: 'kube-apiserver', to: 'kubelet-1', via: 'api-kubelet-1', kind: 'event', summary: `watch: Pod ${POD.d} bound to node-1` },
				{ from: 'kube-apiserver', to: 'kubelet-2', via: 'api-kubelet-2', kind: 'event', summary: `watch: Pod ${POD.e} bound to node-2` },
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'CRI RunPodSandbox, PullImage (manifest checked, layers cached), CreateContainer, StartContainer' },
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: 'CRI RunPodSandbox, PullImage (manifest checked, layers cached), CreateContainer, StartContainer' }
			],
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
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `PATCH Pod ${POD.d} status: Running, podIP 10.244.1.9, Ready=True` },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: `PATCH Pod ${POD.e} status: Running, podIP 10.244.2.11, Ready=True` },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: 2 Pods now Ready' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'update ReplicaSet nginx-7d4b9 status: readyReplicas 5; Deployment nginx status: availableReplicas 5' }
			],
			tables: [deployment('5/5', 5, 5), replicaSet(5, 5, 5), five()]
		},
		{
			id: 'scale-down',
			title: 'kubectl scale --replicas=2',
			notes: 'Ask the class to guess which three Pods will go before stepping on. Most guess "the newest three"; the node each Pod runs on matters first.',
			view: 'five',
			clock: 't = 0 s',
			narration:
				'Now scale down to 2. The same PATCH, then the Deployment controller sets the ReplicaSet to 2, and the ReplicaSet controller must choose three Pods to delete.',
			terminal: {
				command: 'kubectl scale deployment nginx --replicas=2',
				output: 'deployment.apps/nginx scaled',
				api: 'PATCH /apis/apps/v1/namespaces/default/deployments/nginx/scale {"spec":{"replicas":2}}'
			},
			highlight: ['kubectl', 'kube-apiserver', 'kube-controller-manager'],
			messages: [
				{ from: 'kubectl', to: 'kube-apiserver', via: 'kubectl-api', kind: 'request', summary: 'PATCH deployments/nginx/scale {"spec":{"replicas":2}}' },
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'write Deployment nginx: replicas 2' },
				{ from: 'kube-apiserver', to: 'kubectl', via: 'kubectl-api', kind: 'response', summary: '200 OK' },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: Deployment nginx MODIFIED (replicas 2)' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'update ReplicaSet nginx-7d4b9: replicas 2' }
			],
			tables: [deployment('5/2', 5, 5), replicaSet(2, 5, 5), five()]
		},
		{
			id: 'pick',
			title: 'Which three Pods go?',
			view: 'five',
			narration:
				'The ReplicaSet controller ranks its Pods and deletes from the front: unscheduled, then not running, not ready, lower pod-deletion-cost, on a node with more replicas, ready for less time, more restarts, newer. node-1 and node-2 hold two each, and k8jqz and r4t6n became ready a minute ago, so they go first. x2x1w and p5m7c tie; the tie falls to p5m7c. Three DELETEs follow.',
			notes:
				'The order is ActivePodsWithRanks.Less in pkg/controller/controller_utils.go. Ready times and creation times are compared on a log2 scale, so Pods made within moments of each other count as equal and fall to a pseudo-random order (by UID): on another run x2x1w could go instead. Demo: kubectl annotate pod <name> controller.kubernetes.io/pod-deletion-cost=-100 before scaling down makes that Pod go first. Ask: why prefer Pods on crowded nodes? (It evens out the spread.)',
			highlight: ['kube-controller-manager', 'pod-1b', 'pod-2b', 'pod-2a'],
			messages: [
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `DELETE Pod ${POD.d} (node with 2 replicas, ready for the shortest time)` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `DELETE Pod ${POD.e} (node with 2 replicas, ready for the shortest time)` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `DELETE Pod ${POD.b} (tied with ${POD.a}, pseudo-random pick)` }
			],
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
			clock: 't = 0 s',
			narration:
				'A DELETE does not remove a Pod at once. The API server sets a deletionTimestamp with a 30-second grace period, stores it in etcd and answers 200: the objects still exist, and kubectl shows them as Terminating. The ReplicaSet controller stops counting them and reports 2 of 2. Each kubelet hears that its Pods are being deleted.',
			highlight: ['kube-apiserver', 'kubelet-1', 'kubelet-2', 'pod-1b', 'pod-2b', 'pod-2a'],
			badges: { 'pod-1b': 'Terminating', 'pod-2b': 'Terminating', 'pod-2a': 'Terminating' },
			messages: [
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'write 3 Pods: deletionTimestamp set, grace 30 s (objects kept)' },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'response', summary: '200 OK ×3 (Pods returned with deletionTimestamp)' },
				{ from: 'kube-apiserver', to: 'kubelet-1', via: 'api-kubelet-1', kind: 'event', summary: `watch: Pod ${POD.d} MODIFIED (deletionTimestamp set, grace 30 s)` },
				{ from: 'kube-apiserver', to: 'kubelet-2', via: 'api-kubelet-2', kind: 'event', summary: `watch: Pods ${POD.e}, ${POD.b} MODIFIED (deletionTimestamp set, grace 30 s)` },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: 3 Pods MODIFIED (deletionTimestamp set)' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'update ReplicaSet nginx-7d4b9 status: replicas 2 (terminating Pods not counted)' }
			],
			tables: [deployment('2/2', 2, 2), replicaSet(2, 2, 2), five(terminating)]
		},
		{
			id: 'stop-containers',
			title: 'The kubelets stop the containers',
			notes:
				'This is why apps should handle their stop signal: finish in-flight requests, then exit within the grace period. Demo: an app that ignores SIGTERM takes the full 30 s and is then SIGKILLed (exit code 137). No Service selects these Pods yet; once one does ("Expose a Service"), a terminating Pod stays in the EndpointSlice marked terminating=true and ready=false, and kube-proxy stops sending it new connections.',
			view: 'five',
			clock: 't ≈ 1 s',
			narration:
				'Each kubelet runs any preStop hook (these Pods have none), then calls CRI StopContainer with the 30-second grace. The runtime sends the image\'s stop signal: SIGTERM by default, SIGQUIT for nginx. nginx finishes open requests and exits; a container still running at 30 seconds gets SIGKILL. Then StopPodSandbox: the CNI plugin\'s DEL frees each Pod\'s IP.',
			highlight: ['kubelet-1', 'kubelet-2', 'runtime-1', 'runtime-2', 'pod-1b', 'pod-2b', 'pod-2a'],
			badges: { 'pod-1b': 'Terminating', 'pod-2b': 'Terminating', 'pod-2a': 'Terminating' },
			messages: [
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: `CRI StopContainer(nginx in ${POD.d}, timeout 30 s)` },
				{ from: 'runtime-1', to: 'pod-1b', via: 'runtime-pod-1b', kind: 'request', summary: 'SIGQUIT (the image\'s STOPSIGNAL); SIGKILL only if still running after 30 s' },
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: `CRI StopContainer ×2 (${POD.e}, ${POD.b}; timeout 30 s)` },
				{ from: 'runtime-2', to: 'pod-2b', via: 'runtime-pod-2b', kind: 'request', summary: 'SIGQUIT' },
				{ from: 'runtime-2', to: 'pod-2a', via: 'runtime-pod-2a', kind: 'request', summary: 'SIGQUIT' },
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'CRI StopPodSandbox: CNI DEL frees 10.244.1.9' },
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: 'CRI StopPodSandbox ×2: CNI DEL frees 10.244.2.11 and 10.244.2.7' }
			],
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
			clock: 't ≈ 2 s',
			narration:
				'When a Pod\'s containers have stopped, its kubelet sends the final DELETE with grace period 0 and the API server removes the Pod object from etcd. Two Pods remain, one on node-1 and one on node-3: desired state and actual state agree again.',
			highlight: ['pod-1a', 'pod-3a'],
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `DELETE Pod ${POD.d} (grace 0): containers stopped` },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: `DELETE Pods ${POD.e}, ${POD.b} (grace 0): containers stopped` },
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'delete 3 Pod objects' }
			],
			tables: [deployment('2/2', 2, 2), replicaSet(2, 2, 2), pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.c, 'Running', 'node-3', '10.244.3.4']])]
		}
	]
};
