import type { StateTable, Walkthrough } from '$lib/model/types';
import { deployment, endpointSlices, healthyNodes, POD, replicaSet } from './tables';

// K5 in flows.md: restartPolicy Always. Everything happens on one node between the kubelet and the
// runtime; the scheduler and the ReplicaSet controller never create or move anything.
// Starts where node-failure ended (tables.ts afterFailure): 5bfnw and wkjrr on node-1, sz2k2 on node-3,
// behind the Service nginx of expose-service; node-2 was rebuilt after node-failure and runs no nginx Pod.
// Back-off timing from pkg/kubelet/kuberuntime (doBackOff) and
// client-go flowcontrol.Backoff: first restart at once, then 10 s doubling to 300 s; an entry older
// than 2 × 300 s is reset.
const podTable = (status: string, restarts: string, ready: string): StateTable => ({
	title: 'Pods',
	columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'NODE', 'IP'],
	rows: [
		[POD.a, ready, status, restarts, 'node-1', '10.244.1.2'],
		[POD.c, '1/1', 'Running', '0', 'node-3', '10.244.3.2'],
		[POD.f, '1/1', 'Running', '0', 'node-1', '10.244.1.4']
	]
});

const sliceAllReady = endpointSlices('10.244.1.2, 10.244.3.2, 10.244.1.4');
const sliceOneNotReady = endpointSlices('10.244.1.2 (ready=false), 10.244.3.2, 10.244.1.4');
// node-2 is listed Ready again: rebuilt after node-failure.
const healthy = [deployment('3/3', 3, 3), replicaSet(3, 3, 3), healthyNodes];
const degraded = [deployment('2/3', 3, 2), replicaSet(3, 3, 2), healthyNodes];

export const crashLoop: Walkthrough = {
	id: 'kubernetes/crash-loop',
	scene: 'kubernetes',
	order: 6,
	title: 'A container crash-loops',
	summary: 'The kubelet restarts a crashing container in place, waiting longer each time: 10, 20, 40 … 300 s.',
	steps: [
		{
			id: 'exits',
			title: 'node-2 is back; the nginx process exits',
			view: 'rebuilt',
			clock: 't = 0 s',
			narration: `node-2 is back: the class rebuilt it after "A node fails". Running Pods never move back, so the three replicas behind the Service nginx are 5bfnw and wkjrr on node-1 and sz2k2 on node-3. Now nginx in ${POD.a} exits with code 1, say from a bug only this Pod hits. The containerd shim, its parent process, collects the exit code. Within a second the kubelet's Pod lifecycle event generator (PLEG), relisting containers over the CRI, notices. Until then the API still shows the Pod Running and ready.`,
			notes: 'Misconception to expect: "a bad setting in the Deployment would crash only one Pod". All replicas share one Pod template, so a template or image error crashes all three; here one Pod fails to keep the picture small. A Deployment accepts only restartPolicy Always in its Pod template (the API server rejects OnFailure and Never), so the kubelet always restarts the container in place.',
			highlight: ['pod-1a', 'runtime-1', 'kubelet-1'],
			badges: { 'pod-1a': 'Error' },
			messages: [
				{ from: 'pod-1a', to: 'runtime-1', via: 'runtime-pod-1a', kind: 'event', summary: 'nginx exited with code 1 (collected by the shim)' },
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'PLEG relist: CRI ListContainers' },
				{ from: 'runtime-1', to: 'kubelet-1', via: 'kubelet-runtime-1', kind: 'response', summary: 'container nginx: EXITED, exit code 1' }
			],
			tables: [...healthy, podTable('Running', '0', '1/1'), sliceAllReady]
		},
		{
			id: 'report',
			title: 'The kubelet reports it: not ready',
			notes: 'Ask: where does the Service send traffic now? Only to sz2k2 and wkjrr. Point out that 10.244.1.2 is still listed in the EndpointSlice: it is marked ready=false, not removed.',
			view: 'rebuilt',
			clock: 't ≈ 1 s',
			narration:
				"The kubelet PATCHes the Pod's status: the container's state is terminated with exit code 1 (reason Error), and the Pod's Ready condition becomes False. The EndpointSlice controller keeps 10.244.1.2 in the Service's slice but marks it ready=false, and every kube-proxy stops sending it traffic. The Pod's phase stays Running.",
			highlight: ['kubelet-1', 'kube-apiserver', 'kube-controller-manager'],
			badges: { 'pod-1a': 'Error' },
			messages: [
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `PATCH Pod ${POD.a} status: nginx terminated (exit 1), Ready=False` },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: `watch: Pod ${POD.a} not ready` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PUT EndpointSlice nginx-k56k9: 10.244.1.2 ready=false, serving=false' },
				{ from: 'kube-apiserver', to: 'kube-proxy-1', via: 'api-proxy-1', kind: 'event', summary: 'watch: EndpointSlice changed (skip 10.244.1.2)' },
				{ from: 'kube-apiserver', to: 'kube-proxy-2', via: 'api-proxy-2', kind: 'event', summary: 'watch: EndpointSlice changed (skip 10.244.1.2)' },
				{ from: 'kube-apiserver', to: 'kube-proxy-3', via: 'api-proxy-3', kind: 'event', summary: 'watch: EndpointSlice changed (skip 10.244.1.2)' }
			],
			tables: [...degraded, podTable('Error', '0', '0/1'), sliceOneNotReady]
		},
		{
			id: 'restart',
			checkpoint: {
				question: 'nginx in Pod 5bfnw exited for the first time. What happens next?',
				kind: 'choice',
				options: [
					{ value: 'The kubelet restarts it in the same Pod, straight away' },
					{ value: 'The ReplicaSet controller replaces the Pod', misconception: 'A crash replaces the Pod. The Pod still exists, so the kubelet restarts its container.' },
					{ value: 'The scheduler moves the Pod to another node', misconception: 'A crashed Pod is rescheduled. It stays bound to node-1; only the container restarts.' }
				],
				answer: 'The kubelet restarts it in the same Pod, straight away',
				feedback: 'With restartPolicy Always the kubelet creates and starts a new container in the same sandbox: same Pod, same IP, restartCount 1, and the first restart has no delay.'
			},
			title: 'Restarted in place, straight away',
			notes: 'Ask: same Pod or a new one? Same name and IP mean the same Pod. Demo: kubectl logs nginx-799cfcc968-5bfnw --previous shows the log of the container that crashed. Without a readiness probe the new container counts as ready at once, so it gets traffic again until it crashes.',
			view: 'rebuilt',
			clock: 't ≈ 1 s',
			narration:
				"The first restart happens without delay. The kubelet asks the runtime to create and start a new container in the same sandbox: same Pod, same name, same IP. The container's state is running again, lastState records the crash, and restartCount becomes 1. With no readiness probe it counts as ready at once, so the slice marks it ready=true again. No new Pod, no scheduling.",
			highlight: ['kubelet-1', 'runtime-1', 'pod-1a'],
			messages: [
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'CRI CreateContainer, StartContainer (same sandbox)' },
				{ from: 'runtime-1', to: 'pod-1a', via: 'runtime-pod-1a', kind: 'request', summary: 'start a new nginx container (same Pod, same IP 10.244.1.2)' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: `PATCH Pod ${POD.a} status: running, lastState terminated (exit 1), restartCount 1, Ready=True` },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: `watch: Pod ${POD.a} ready` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PUT EndpointSlice nginx-k56k9: 10.244.1.2 ready=true' }
			],
			tables: [...healthy, podTable('Running', '1 (1s ago)', '1/1'), sliceAllReady]
		},
		{
			id: 'backoff',
			checkpoint: {
				question: 'It crashes again. How long does the kubelet wait before the next restart?',
				kind: 'choice',
				options: [
					{ value: 'No wait, as the first time', misconception: 'Restarts are always immediate. From the second crash the kubelet backs off.' },
					{ value: '10 s' },
					{ value: '5 minutes', misconception: 'The cap applies at once. 300 s is where the doubling stops.' }
				],
				answer: '10 s',
				feedback: 'The back-off starts at 10 s; while it waits the container shows CrashLoopBackOff and the kubelet records a BackOff event.'
			},
			title: 'It crashes again: CrashLoopBackOff',
			notes: 'CrashLoopBackOff appears in kubectl get pods under STATUS, but it is a container waiting reason, not a phase: ask the class to find the phase with kubectl get pod nginx-799cfcc968-5bfnw -o jsonpath=\'{.status.phase}\' (Running).',
			view: 'rebuilt',
			clock: 't ≈ 2 s (+10 s wait)',
			narration:
				"The cause is still there, so nginx exits again. Now the kubelet waits before restarting: 10 seconds. While it waits, the container's state is waiting with reason CrashLoopBackOff, the endpoint is ready=false again, and the kubelet records a BackOff Event. CrashLoopBackOff is a waiting reason, not a Pod phase: the phase stays Running.",
			highlight: ['kubelet-1', 'pod-1a'],
			badges: { 'pod-1a': 'CrashLoopBackOff' },
			messages: [
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'PLEG relist: CRI ListContainers' },
				{ from: 'runtime-1', to: 'kubelet-1', via: 'kubelet-runtime-1', kind: 'response', summary: 'container nginx exited again (code 1)' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PATCH status: waiting, reason CrashLoopBackOff; Ready=False' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'POST Event BackOff: Back-off restarting failed container nginx (10 s)' },
				{ from: 'kube-apiserver', to: 'kube-controller-manager', via: 'api-kcm', kind: 'event', summary: `watch: Pod ${POD.a} not ready` },
				{ from: 'kube-controller-manager', to: 'kube-apiserver', via: 'api-kcm', kind: 'request', summary: 'PUT EndpointSlice nginx-k56k9: 10.244.1.2 ready=false' }
			],
			tables: [...degraded, podTable('CrashLoopBackOff', '1 (2s ago)', '0/1'), sliceOneNotReady],
			terminal: {
				command: 'kubectl get pods',
				output: `NAME                READY   STATUS             RESTARTS     AGE\n${POD.a}   0/1     CrashLoopBackOff   1 (2s ago)   2h\n${POD.c}   1/1     Running            0            2h\n${POD.f}   1/1     Running            0            40m`,
				api: 'GET /api/v1/namespaces/default/pods'
			}
		},
		{
			id: 'doubling',
			checkpoint: {
				question: 'It keeps crashing: 10 s, 20 s, 40 s, 80 s, 160 s… What is the longest wait?',
				kind: 'choice',
				options: [
					{ value: 'It doubles for ever', misconception: 'The back-off grows without limit. It is capped.' },
					{ value: '300 s, the cap' },
					{ value: 'The kubelet gives up after six tries', misconception: 'A crash loop ends by itself. The kubelet keeps trying as long as the Pod exists.' }
				],
				answer: '300 s, the cap',
				feedback: 'Each wait doubles up to a 300 s cap, where it stays; it resets after 10 minutes of clean running.'
			},
			title: '10, 20, 40, 80, 160, 300 seconds',
			view: 'rebuilt',
			clock: 't ≈ 5 min (restartCount 6)',
			narration:
				'Each further crash doubles the wait: 10, 20, 40, 80, 160 seconds. After about five minutes the Pod has restarted six times and the next wait reaches the 300-second cap, where it stays. The kubelet keeps trying for as long as the Pod exists. If the container then runs cleanly for 10 minutes, the back-off resets.',
			notes: 'Ask the class to add up the waits: 10 + 20 + 40 + 80 + 160 = 310 s, so restart 6 comes after about five minutes. Newer releases tune this: alpha in 1.33 (ReduceDefaultCrashLoopBackOffDecay: 1 s start, 60 s cap) and beta in 1.35 (KubeletCrashLoopBackOffMax: a per-node cap between 1 and 300 s).',
			highlight: ['kubelet-1', 'pod-1a'],
			badges: { 'pod-1a': 'CrashLoopBackOff' },
			messages: [
				{ from: 'kubelet-1', to: 'runtime-1', via: 'kubelet-runtime-1', kind: 'request', summary: 'restart after 10 s, 20 s, 40 s, 80 s, 160 s (CreateContainer, StartContainer)' },
				{ from: 'kubelet-1', to: 'kube-apiserver', via: 'api-kubelet-1', kind: 'request', summary: 'PATCH status: restartCount 6, waiting CrashLoopBackOff; next wait 300 s (the cap)' }
			],
			tables: [...degraded, podTable('CrashLoopBackOff', '6 (3s ago)', '0/1'), sliceOneNotReady]
		},
		{
			id: 'not-involved',
			title: 'Who is not involved',
			notes: 'Ask how to fix a crash loop for good: find the cause with kubectl logs --previous and kubectl describe pod, then fix the image or the Pod template, which rolls out a new ReplicaSet.',
			view: 'rebuilt',
			narration:
				'Notice who never acted: the scheduler, and the ReplicaSet controller apart from counting ready replicas. The Pod still exists and is still bound to node-1, so there is nothing to reschedule or replace. Restarting does not remove the cause; you fix the image or the Pod template and roll out a new ReplicaSet. A failing liveness probe takes this same restart path.',
			highlight: ['kube-scheduler', 'kube-controller-manager'],
			badges: { 'pod-1a': 'CrashLoopBackOff' },
			roles: {
				'kube-scheduler': 'Not involved: the Pod is already bound to a node.',
				'kube-controller-manager': 'Its ReplicaSet controller still counts 3 Pods, so it creates nothing; it only updates the ready count (2 of 3). Its EndpointSlice controller flips 10.244.1.2 between ready=true and ready=false.'
			}
		}
	]
};
