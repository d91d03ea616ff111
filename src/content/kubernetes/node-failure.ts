import type { Walkthrough } from '$lib/model/types';
import { deployment, endpointSlices, nodes, pods, POD, replicaSet } from './tables';

// K3 in flows.md. Times follow Kubernetes 1.32+: 50 s grace before Ready=Unknown (40 s before),
// then the default 300 s toleration before eviction. The clock jumps instead of making anyone wait.
const down = nodes([
	['node-1', 'Ready', '<none>'],
	['node-2', 'NotReady', 'unreachable:NoSchedule, unreachable:NoExecute'],
	['node-3', 'Ready', '<none>']
]);

export const nodeFailure: Walkthrough = {
	id: 'kubernetes/node-failure',
	scene: 'kubernetes',
	title: 'A node fails',
	summary: 'Heartbeats stop; 50 s later the node is tainted; 300 s after that its Pods are evicted and replaced.',
	steps: [
		{
			id: 'heartbeats',
			title: 'Healthy: a heartbeat every 10 seconds',
			view: 'three',
			clock: 'healthy',
			narration:
				'Each kubelet renews its node\'s Lease object in the kube-node-lease namespace every 10 seconds, and updates the full node status when something changes (or every 5 minutes). The Lease is the heartbeat: small, frequent and cheap.',
			notes: 'The clock in the corner is simulated: it jumps ahead so nobody waits five minutes.',
			highlight: ['kubelet-1', 'kubelet-2', 'kubelet-3'],
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PUT Lease kube-node-lease/node-1' },
				{ from: 'kubelet-2', to: 'kube-apiserver', via: 'api-kubelet-2', kind: 'request', summary: 'PUT Lease kube-node-lease/node-2' },
				{ from: 'kubelet-3', to: 'kube-apiserver', via: 'api-kubelet-3', kind: 'request', summary: 'PUT Lease kube-node-lease/node-3' }
			],
			tables: [
				nodes([['node-1', 'Ready', '<none>'], ['node-2', 'Ready', '<none>'], ['node-3', 'Ready', '<none>']]),
				pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.b, 'Running', 'node-2', '10.244.2.7'], [POD.c, 'Running', 'node-3', '10.244.3.4']]),
				endpointSlices('10.244.1.5, 10.244.2.7, 10.244.3.4')
			]
		},
		{
			id: 'dies',
			title: 'node-2 stops responding',
			notes: 'Ask how the cluster can know a node is dead when the node cannot tell it (only by silence).',
			view: 'three',
			clock: 't = 0 s',
			narration:
				'node-2 loses power. A dead machine sends nothing, so nothing announces the failure: the only sign is that node-2\'s heartbeats stop arriving while node-1 and node-3 keep renewing theirs.',
			highlight: ['node-2'],
			badges: { 'node-2': 'no heartbeat' },
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PUT Lease kube-node-lease/node-1' },
				{ from: 'kubelet-3', to: 'kube-apiserver', via: 'api-kubelet-3', kind: 'request', summary: 'PUT Lease kube-node-lease/node-3' }
			]
		},
		{
			id: 'waiting',
			title: 'The node lifecycle controller is counting',
			notes: 'The grace period trades speed of reaction against false alarms on a flaky network.',
			view: 'three',
			clock: 't = 40 s',
			narration:
				"Every 5 seconds the node lifecycle controller (in kube-controller-manager) checks each node's Lease. A missed heartbeat or two is not a failure: networks hiccup. It waits for a grace period of 50 seconds (40 seconds before Kubernetes 1.32).",
			highlight: ['kube-controller-manager', 'node-2'],
			badges: { 'node-2': 'no heartbeat' },
			messages: [{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: Lease node-2 last renewed 40 s ago' }]
		},
		{
			id: 'tainted',
			title: '50 s: Ready=Unknown and an unreachable taint',
			view: 'three',
			clock: 't = 50 s',
			narration:
				'After 50 seconds without a heartbeat the controller sets node-2\'s Ready condition to Unknown and adds the taint node.kubernetes.io/unreachable with effects NoSchedule and NoExecute. The Pods on node-2 are marked Ready=False. The Pods themselves are not touched yet.',
			notes: 'The deck describes a 5-minute pod-eviction-timeout. That flag was removed in 1.27; today it is taints plus tolerations.',
			highlight: ['kube-controller-manager', 'node-2'],
			badges: { 'node-2': 'NotReady', 'pod-2a': 'Ready=False' },
			messages: [
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PATCH Node node-2 status: Ready=Unknown' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PATCH Node node-2 taints: unreachable NoSchedule + NoExecute' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `PATCH Pod ${POD.b} status: Ready=False` },
				{ from: 'kube-apiserver', to: 'etcd', via: 'api-etcd', kind: 'request', summary: 'write Node node-2 and Pod status' }
			],
			tables: [down, pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.b, 'Running (Ready=False)', 'node-2', '10.244.2.7'], [POD.c, 'Running', 'node-3', '10.244.3.4']]), endpointSlices('10.244.1.5, 10.244.2.7, 10.244.3.4')]
		},
		{
			id: 'traffic',
			title: 'Traffic and scheduling avoid node-2',
			notes: 'Users are protected after about 50 seconds; Pods are replaced only after about 6 minutes.',
			view: 'three',
			clock: 't ≈ 50 s',
			narration:
				'Because of the NoSchedule taint, the scheduler will not place new Pods on node-2. The EndpointSlice controller sees the Pod is not ready and marks it so in the Service\'s EndpointSlice; kube-proxy on every node drops it from its rules. Users stop being sent to the dead node within about a minute.',
			highlight: ['kube-scheduler', 'kube-controller-manager', 'kube-proxy-1', 'kube-proxy-3'],
			badges: { 'node-2': 'NotReady', 'pod-2a': 'Ready=False' },
			messages: [
				{ from: 'kube-apiserver', to: 'kube-scheduler', via: 'api-scheduler', kind: 'event', summary: 'watch: Node node-2 tainted unreachable (skip it)' },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: `watch: Pod ${POD.b} Ready=False` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `PATCH EndpointSlice nginx-6qkz2: ${POD.b} not ready` },
				{ from: 'kube-apiserver', to: 'kube-proxy-1', via: 'api-proxy-1', kind: 'event', summary: 'watch: EndpointSlice changed (drop 10.244.2.7)' },
				{ from: 'kube-apiserver', to: 'kube-proxy-3', via: 'api-proxy-3', kind: 'event', summary: 'watch: EndpointSlice changed (drop 10.244.2.7)' }
			],
			tables: [down, pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.b, 'Running (Ready=False)', 'node-2', '10.244.2.7'], [POD.c, 'Running', 'node-3', '10.244.3.4']]), endpointSlices('10.244.1.5, 10.244.3.4 (10.244.2.7 not ready)')]
		},
		{
			id: 'evict',
			title: '350 s: the toleration runs out, the Pod is evicted',
			view: 'three',
			clock: 't ≈ 350 s',
			narration:
				'Every Pod got a default toleration for the unreachable taint lasting 300 seconds. When it expires, the taint-eviction controller deletes the Pod (eviction is rate-limited so a network split cannot empty a zone at once). The Pod is marked Terminating, but with node-2 down, no kubelet can confirm it stopped.',
			notes: 'The 300 s comes from kube-apiserver --default-unreachable-toleration-seconds. Since 1.29 eviction is a separate taint-eviction controller.',
			highlight: ['kube-controller-manager', 'pod-2a'],
			badges: { 'node-2': 'NotReady', 'pod-2a': 'Terminating' },
			messages: [{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `DELETE Pod ${POD.b} (toleration 300 s expired)` }],
			tables: [down, pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.b, 'Terminating', 'node-2', '10.244.2.7'], [POD.c, 'Running', 'node-3', '10.244.3.4']]), endpointSlices('10.244.1.5, 10.244.3.4')]
		},
		{
			id: 'replace',
			title: 'A replacement on a healthy node',
			notes: 'The new Pod has a new name and IP: Pods are replaced, never moved.',
			view: 'replaced',
			clock: 't ≈ 351 s',
			narration:
				'The ReplicaSet controller does not count a Pod that is being deleted, so it sees 2 of 3 and creates a new Pod. The scheduler skips the tainted node-2 and binds it to node-3; the kubelet there starts it as usual. The Deployment is back to 3 available.',
			highlight: ['kube-controller-manager', 'kube-scheduler', 'kubelet-3', 'pod-3b'],
			badges: { 'node-2': 'NotReady', 'pod-2a': 'Terminating' },
			messages: [
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: 'watch: ReplicaSet nginx-7d4b9 has 2 of 3' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `POST Pod ${POD.f}` },
				{ from: 'kube-scheduler', to: 'kube-apiserver', via: 'api-scheduler', kind: 'request', summary: `bind Pod ${POD.f} to node-3` },
				{ from: 'kube-apiserver', to: 'kubelet-3', via: 'api-kubelet-3', kind: 'event', summary: `watch: Pod ${POD.f} bound here` },
				{ from: 'kubelet-3', to: 'runtime-3', via: 'kubelet-runtime-3', kind: 'request', summary: 'CRI RunPodSandbox, PullImage, CreateContainer, StartContainer' },
				{ from: 'kubelet-3', to: 'kube-apiserver', via: 'api-kubelet-3', kind: 'request', summary: `PATCH Pod ${POD.f} status: Running, Ready` }
			],
			tables: [
				deployment('3/3', 3, 3),
				replicaSet(3, 3, 3),
				down,
				pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.b, 'Terminating', 'node-2', '10.244.2.7'], [POD.c, 'Running', 'node-3', '10.244.3.4'], [POD.f, 'Running', 'node-3', '10.244.3.8']]),
				endpointSlices('10.244.1.5, 10.244.3.4, 10.244.3.8')
			]
		},
		{
			id: 'cleanup',
			title: 'Cleaning up the old Pod',
			notes: 'DaemonSet Pods (e.g. log agents) are not evicted this way: they belong on every node.',
			view: 'replaced',
			clock: 'later',
			narration:
				'The old Pod stays Terminating until node-2\'s kubelet comes back and confirms, or the Node object is deleted. In a cloud, the cloud-controller-manager asks the provider whether the VM still exists and deletes the Node if it is gone; then the Pod garbage collector force-deletes its Pods. DaemonSet Pods tolerate these taints and are never evicted this way.',
			highlight: ['cloud-controller-manager', 'node-2'],
			badges: { 'node-2': 'NotReady', 'pod-2a': 'Terminating' },
			messages: [
				{ from: 'cloud-controller-manager', to: 'kube-apiserver', via: 'api-ccm', kind: 'request', summary: 'DELETE Node node-2 (its VM no longer exists)' },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: `force-DELETE Pod ${POD.b} (pod garbage collector)` }
			],
			tables: [
				deployment('3/3', 3, 3),
				replicaSet(3, 3, 3),
				nodes([['node-1', 'Ready', '<none>'], ['node-3', 'Ready', '<none>']]),
				pods([[POD.a, 'Running', 'node-1', '10.244.1.5'], [POD.c, 'Running', 'node-3', '10.244.3.4'], [POD.f, 'Running', 'node-3', '10.244.3.8']]),
				endpointSlices('10.244.1.5, 10.244.3.4, 10.244.3.8')
			]
		}
	]
};
