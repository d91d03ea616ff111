import type { Walkthrough } from '$lib/model/types';
import { deployment, pods, POD, replicaSet, settledThree } from './tables';

// K2 in flows.md: scale to 5, then to 2 (which Pods go, and how they go).
const five = (status: Record<string, string> = {}) =>
	pods([
		[POD.a, status[POD.a] ?? 'Running', 'node-1', '10.244.1.5'],
		[POD.d, status[POD.d] ?? 'Running', 'node-1', '10.244.1.9'],
		[POD.b, status[POD.b] ?? 'Running', 'node-2', '10.244.2.7'],
		[POD.e, status[POD.e] ?? 'Running', 'node-2', '10.244.2.11'],
		[POD.c, status[POD.c] ?? 'Running', 'node-3', '10.244.3.4']
	]);

export const scale: Walkthrough = {
	id: 'kubernetes/scale',
	scene: 'kubernetes',
	title: 'Scale a Deployment',
	summary: 'Up to five replicas and back down to two: which Pods are chosen, and how they shut down gracefully.',
	steps: [
		{
			id: 'start',
			title: 'Three replicas running',
			view: 'three',
			narration:
				'We start where "Create a Deployment" ended: the nginx Deployment owns one ReplicaSet, which owns three running Pods, one on each node. Scaling changes one number in the desired state; controllers do the rest.',
			notes: 'Ask the class to predict which components will act when the number changes.',
			tables: settledThree
		},
		{
			id: 'scale-up',
			title: 'kubectl scale --replicas=5',
			notes: 'kubectl scale changes one field; editing the YAML and applying it does the same.',
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
			tables: [deployment('3/5', 3, 3, 5), replicaSet(3, 3, 3), settledThree[2]!]
		},
		{
			id: 'controllers-up',
			title: 'Same template, same ReplicaSet: two more Pods',
			notes: 'Contrast with changing the image: that creates a new ReplicaSet (a rollout).',
			view: 'three',
			narration:
				'The Deployment controller sees the change. The Pod template is unchanged, so no new ReplicaSet is needed (that would be a rollout); it just sets the existing ReplicaSet\'s replicas to 5. The ReplicaSet controller then counts 3 of 5 and creates two Pods.',
			highlight: ['kube-controller-manager'],
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: Deployment nginx replicas 5' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PATCH ReplicaSet nginx-7d4b9 replicas 5' },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: ReplicaSet nginx-7d4b9 replicas 5' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `POST Pod ${POD.d}, POST Pod ${POD.e}` }
			],
			tables: [deployment('3/5', 3, 3, 5), replicaSet(5, 5, 3), pods([...settledThree[2]!.rows.map((r) => r as [string, string, string, string]), [POD.d, 'Pending', '<none>', '<none>'], [POD.e, 'Pending', '<none>', '<none>']])]
		},
		{
			id: 'schedule-up',
			title: 'Scheduled and started, as before',
			notes: 'Ask why the scheduler picked node-1 and node-2 (spreading: node-3 already runs one).',
			view: 'five',
			narration:
				'From here it is the same path as creating Pods: the scheduler binds the two new Pods (here to node-1 and node-2), each kubelet hears of its Pod, creates the sandbox, checks the image (the layers are already cached on the node, so only the manifest is fetched) and starts nginx.',
			highlight: ['kube-scheduler', 'kubelet-1', 'kubelet-2', 'pod-1b', 'pod-2b'],
			badges: { 'pod-1b': 'ContainerCreating', 'pod-2b': 'ContainerCreating' },
			messages: [
				{ from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: `bind Pod ${POD.d} to node-1` },
				{ from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: `bind Pod ${POD.e} to node-2` },
				{ from: 'kube-apiserver', to: 'kubelet-1', via: 'api-kubelet-1', kind: 'event', summary: `watch: Pod ${POD.d} bound here` },
				{ from: 'kube-apiserver', to: 'kubelet-2', via: 'api-kubelet-2', kind: 'event', summary: `watch: Pod ${POD.e} bound here` },
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'CRI RunPodSandbox, PullImage (cached), CreateContainer, StartContainer' },
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: 'CRI RunPodSandbox, PullImage (cached), CreateContainer, StartContainer' }
			]
		},
		{
			id: 'five-running',
			title: 'Five of five',
			notes: 'kubectl get pods -o wide shows the new Pods and their nodes.',
			view: 'five',
			narration:
				'Both kubelets report Running and Ready, the ReplicaSet counts five ready Pods, and the Deployment shows 5/5. Nothing but one number in etcd changed at the start; everything else was controllers reacting.',
			highlight: ['pod-1b', 'pod-2b'],
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `PATCH Pod ${POD.d} status: Running, Ready` },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: `PATCH Pod ${POD.e} status: Running, Ready` }
			],
			tables: [deployment('5/5', 5, 5, 5), replicaSet(5, 5, 5), five()]
		},
		{
			id: 'scale-down',
			title: 'kubectl scale --replicas=2',
			notes: 'Ask the class to guess which three Pods will go before stepping on.',
			view: 'five',
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
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: Deployment nginx replicas 2' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PATCH ReplicaSet nginx-7d4b9 replicas 2' }
			],
			tables: [deployment('5/2', 5, 5, 2), replicaSet(2, 5, 5), five()]
		},
		{
			id: 'pick',
			title: 'Which three Pods go?',
			view: 'five',
			narration:
				'The ReplicaSet controller ranks Pods for deletion: unscheduled Pods first, then lower pod-deletion-cost, then Pods on nodes running more replicas, then the newest. node-1 and node-2 each run two, so their Pods go first, newest first: k8jqz and r4t6n, then p5m7c. It sends three DELETEs.',
			notes: 'The ranking is why scale-down tends to even out spreading across nodes. Ties are broken at random.',
			highlight: ['kube-controller-manager', 'pod-1b', 'pod-2b', 'pod-2a'],
			messages: [
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `DELETE Pod ${POD.d}` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `DELETE Pod ${POD.e}` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `DELETE Pod ${POD.b}` }
			]
		},
		{
			id: 'terminating',
			title: 'Graceful termination',
			notes: 'This is why apps should handle SIGTERM: finish requests, then exit within 30 seconds.',
			view: 'five',
			narration:
				'A DELETE does not remove a Pod at once. The API server sets a deletionTimestamp with a 30-second grace period, and the Pods show Terminating. Each kubelet hears it, runs any preStop hook, and asks the runtime to stop the container: SIGTERM now, SIGKILL if it is still running when the grace period ends. Meanwhile the EndpointSlice controller and kube-proxy stop sending traffic to these Pods.',
			highlight: ['kubelet-1', 'kubelet-2', 'pod-1b', 'pod-2b', 'pod-2a'],
			badges: { 'pod-1b': 'Terminating', 'pod-2b': 'Terminating', 'pod-2a': 'Terminating' },
			messages: [
				{ from: 'kube-apiserver', to: 'kubelet-1', via: 'api-kubelet-1', kind: 'event', summary: `watch: Pod ${POD.d} deletionTimestamp set (grace 30 s)` },
				{ from: 'kube-apiserver', to: 'kubelet-2', via: 'api-kubelet-2', kind: 'event', summary: `watch: Pods ${POD.e}, ${POD.b} deletionTimestamp set` },
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'CRI StopContainer (SIGTERM; SIGKILL after 30 s), StopPodSandbox (CNI DEL)' },
				{ from: 'kubelet-2', to: 'runtime-2', via: 'kubelet-runtime-2', kind: 'request', summary: 'CRI StopContainer ×2, StopPodSandbox ×2' },
				{ from: 'kube-apiserver', to: 'kube-proxy-3', via: 'api-proxy-3', kind: 'event', summary: 'watch: EndpointSlice nginx without the 3 terminating Pods' }
			],
			tables: [deployment('2/2', 2, 2, 2), replicaSet(2, 2, 2), five({ [POD.d]: 'Terminating', [POD.e]: 'Terminating', [POD.b]: 'Terminating' })]
		},
		{
			id: 'gone',
			title: 'Two replicas',
			notes: 'Desired and actual state agree again; nothing else changed.',
			view: 'two',
			narration:
				'When a container has stopped, its kubelet sends the final DELETE with grace period 0 and the Pod object is removed from etcd. Two Pods remain, one on node-1 and one on node-3: desired state and actual state agree again.',
			highlight: ['pod-1a', 'pod-3a'],
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `DELETE Pod ${POD.d} (grace 0): removed` },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: `DELETE Pods ${POD.e}, ${POD.b} (grace 0): removed` },
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'delete 3 Pod objects' }
			],
			tables: [deployment('2/2', 2, 2, 2), replicaSet(2, 2, 2), pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.c, 'Running', 'node-3', '10.244.3.4']])]
		}
	]
};
