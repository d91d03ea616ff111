import type { StateTable, Walkthrough } from '$lib/model/types';
import { POD } from './tables';

// K5 in flows.md: restartPolicy Always. Everything happens on one node between the kubelet and the
// runtime; the scheduler and the ReplicaSet controller never hear of it.
const podTable = (status: string, restarts: number, ready: string): StateTable => ({
	title: 'Pods',
	columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'NODE', 'IP'],
	rows: [
		[POD.a, ready, status, String(restarts), 'node-1', '10.244.1.5'],
		[POD.b, '1/1', 'Running', '0', 'node-2', '10.244.2.7'],
		[POD.c, '1/1', 'Running', '0', 'node-3', '10.244.3.4']
	]
});

export const crashLoop: Walkthrough = {
	id: 'kubernetes/crash-loop',
	scene: 'kubernetes',
	title: 'A container crash-loops',
	summary: 'The kubelet restarts a crashing container in place, waiting longer each time: 10, 20, 40 … 300 s.',
	steps: [
		{
			id: 'exits',
			title: 'The nginx process exits',
			view: 'three',
			clock: 't = 0 s',
			narration:
				'A bad configuration makes nginx in the Pod on node-1 exit with code 1. runc and the containerd shim record the exit. Within about a second the kubelet\'s Pod lifecycle event generator (PLEG), which relists containers over the CRI, notices.',
			notes: 'Restart policy Always is the default for Pods of a Deployment.',
			highlight: ['pod-1a', 'runtime-1', 'kubelet-1'],
			badges: { 'pod-1a': 'Error' },
			messages: [
				{ from: 'pod-1a', to: 'runtime-1', via: 'runtime-pod-1a', kind: 'event', summary: 'nginx exited with code 1 (recorded by the shim)' },
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'PLEG relist: CRI ListContainers' },
				{ from: 'runtime-1', to: 'kubelet-1', via: 'kubelet-runtime-1', kind: 'response', summary: 'container nginx: EXITED, exit code 1' }
			],
			tables: [podTable('Error', 0, '0/1')]
		},
		{
			id: 'report',
			title: 'The kubelet reports it: not ready',
			notes: 'Ready=False is what protects users: the Service stops sending traffic at once.',
			view: 'three',
			clock: 't ≈ 1 s',
			narration:
				'The kubelet PATCHes the Pod\'s status: the container\'s lastState is terminated with exit code 1, and Ready becomes False. The EndpointSlice controller marks the endpoint not ready, so Services stop sending traffic to this Pod. The Pod\'s phase stays Running.',
			highlight: ['kubelet-1', 'kube-apiserver'],
			badges: { 'pod-1a': 'Error' },
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `PATCH Pod ${POD.a} status: lastState.terminated (exit 1), Ready=False` },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: `watch: Pod ${POD.a} not ready` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PATCH EndpointSlice nginx-6qkz2: 10.244.1.5 not ready' }
			]
		},
		{
			id: 'restart',
			title: 'Restarted in place, straight away',
			notes: 'Ask: same Pod or a new one? Same name and IP mean the same Pod.',
			view: 'three',
			clock: 't ≈ 1 s',
			narration:
				'The first restart happens without delay. The kubelet asks the runtime to create and start a new container in the same sandbox: same Pod, same name, same IP. Only restartCount goes up. No new Pod, no scheduling.',
			highlight: ['kubelet-1', 'runtime-1', 'pod-1a'],
			messages: [
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'CRI CreateContainer, StartContainer (same sandbox)' },
				{ from: 'runtime-1', to: 'pod-1a', via: 'runtime-pod-1a', kind: 'request', summary: 'start nginx again (restartCount 1)' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `PATCH Pod ${POD.a} status: restartCount 1, Running` }
			],
			tables: [podTable('Running', 1, '1/1')]
		},
		{
			id: 'backoff',
			title: 'It crashes again: CrashLoopBackOff',
			notes: 'CrashLoopBackOff appears in kubectl get pods under STATUS, but it is a container waiting reason, not a phase.',
			view: 'three',
			clock: 't ≈ 2 s (+10 s wait)',
			narration:
				'The configuration is still wrong, so nginx exits again. Now the kubelet waits before restarting: 10 seconds. While it waits, the container is in state waiting with reason CrashLoopBackOff, and a BackOff Event is recorded. CrashLoopBackOff is a waiting reason, not a Pod phase.',
			highlight: ['kubelet-1', 'pod-1a'],
			badges: { 'pod-1a': 'CrashLoopBackOff' },
			messages: [
				{ from: 'runtime-1', to: 'kubelet-1', via: 'kubelet-runtime-1', kind: 'response', summary: 'PLEG: container nginx exited again (code 1)' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PATCH status: waiting, reason CrashLoopBackOff; Event BackOff (10 s)' }
			],
			tables: [podTable('CrashLoopBackOff', 1, '0/1')],
			terminal: {
				command: 'kubectl get pods',
				output: `NAME                READY   STATUS             RESTARTS      AGE\n${POD.a}   0/1     CrashLoopBackOff   1 (2s ago)    3m\n${POD.b}   1/1     Running            0             3m\n${POD.c}   1/1     Running            0             3m`,
				api: 'GET /api/v1/namespaces/default/pods'
			}
		},
		{
			id: 'doubling',
			title: '10, 20, 40, 80, 160, 300 seconds',
			view: 'three',
			clock: 't ≈ 10 min (6 restarts)',
			narration:
				'Each further crash doubles the wait: 10, 20, 40, 80, 160 seconds, then it stays at the 300-second cap. The kubelet keeps trying for as long as the Pod exists. If the container then runs cleanly for 10 minutes, the back-off resets.',
			notes: 'Newer releases tune this: alpha in 1.33 (ReduceDefaultCrashLoopBackOffDecay: 1 s start, 60 s cap) and beta in 1.35 (KubeletCrashLoopBackOffMax: a per-node cap between 1 and 300 s).',
			highlight: ['kubelet-1', 'pod-1a'],
			badges: { 'pod-1a': 'CrashLoopBackOff' },
			messages: [
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'restart after 20 s, 40 s, 80 s, 160 s (StartContainer)' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PATCH status: restartCount 6; Event BackOff (300 s cap)' }
			],
			tables: [podTable('CrashLoopBackOff', 6, '0/1')]
		},
		{
			id: 'not-involved',
			title: 'Who is not involved',
			notes: 'Ask how to fix a crash loop for good: change the Pod template, which rolls out a new ReplicaSet.',
			view: 'three',
			clock: 't ≈ 10 min',
			narration:
				'Notice who never acted: the scheduler and the ReplicaSet controller. The Pod still exists and is still bound to node-1, so there is nothing to reschedule or replace. Restarting does not fix a bad configuration; you fix the Pod template and roll out a new ReplicaSet. A failing liveness probe takes this same restart path.',
			highlight: ['kube-scheduler', 'kube-controller-manager'],
			badges: { 'pod-1a': 'CrashLoopBackOff' },
			roles: {
				'kube-scheduler': 'Not involved: the Pod is already bound to a node.',
				'kube-controller-manager': 'Its ReplicaSet controller still counts 3 Pods, so it does nothing. Only the EndpointSlice controller reacted.'
			}
		}
	]
};
