import type { Walkthrough } from '$lib/model/types';
import { recordWalkthrough, type Scenario } from '$lib/sim/kubernetes/scenario';
import { k3Scenario } from './node-failure';
import { kubernetesScene } from './scene';
import { POD } from './tables';

// K5 in flows.md: restartPolicy Always. Everything happens on one node between the kubelet and the
// runtime; the scheduler and the ReplicaSet controller never create or move anything.
// A recorded run continuing node-failure (its scenario): node-2's VM is created again (its kubelet
// registers the Node), then nginx in 5bfnw exits with code 1 and keeps exiting a second after each start.
// Back-off timing from pkg/kubelet/kuberuntime (doBackOff) and client-go flowcontrol.Backoff: first
// restart at once, then 10 s doubling to 300 s; an entry older than 2 × 300 s is reset. Since 1.35
// (kubernetes#133066) the pod worker requeues at the back-off's end, so restarts come on time.
const kcm = 'kube-controller-manager';
const TABLES = ['Deployments', 'ReplicaSets', 'Pods with restarts', 'EndpointSlices'];
const POD_STATUS = new RegExp(`pods/${POD.a}/status`);
const RS_OR_SLICE = /replicasets\/\S+\/status|endpointslices/;
/** The Deployment controller's status write once 5bfnw is not ready: the last write of each crash. */
const READY_2 = /deployments\/nginx\/status \(.*ready 2/;

export const crashLoopScenario: Scenario = {
	title: 'K5: from K3, node-2 rebuilt; nginx in 5bfnw exits with code 1, and again a second after every restart',
	start: { continues: k3Scenario },
	steps: [
		{
			step: 'exits',
			actions: [{ createVm: 'node-2' }, { until: { settled: true } }, { zero: true }, { crash: 'pod-1a', exitCode: 1, runsFor: 1000 }],
			until: { message: { from: 'runtime-1', to: 'kubelet-1', summary: /EXITED/ } },
			show: [
				{ from: 'kubelet-2', summary: /^POST \S+\/nodes / },
				{ from: 'pod-1a', to: 'runtime-1' },
				{ from: 'kubelet-1', to: 'runtime-1', summary: /ListContainers/ },
				{ from: 'runtime-1', to: 'kubelet-1', summary: /EXITED/ }
			],
			tables: ['Deployments', 'ReplicaSets', 'Nodes', 'Pods with restarts', 'EndpointSlices']
		},
		{
			step: 'report',
			until: { answered: { from: kcm, summary: READY_2 } },
			show: [{ from: 'kubelet-1', summary: POD_STATUS }, { to: kcm, summary: /^watch: Pod /, first: 1 }, { from: kcm, summary: RS_OR_SLICE }, { to: /^kube-proxy-/, summary: /^watch: EndpointSlice / }],
			tables: TABLES
		},
		{
			step: 'restart',
			// kube-proxy-2 programmed 3 endpoints when it started on the rebuilt node: three more are the re-programming.
			until: { note: /^programmed rules: .* → 3 endpoints/, count: 4 },
			show: [
				{ from: 'kubelet-1', to: 'runtime-1', summary: /CreateContainer|StartContainer/ },
				{ from: 'runtime-1', to: 'pod-1a' },
				{ from: 'kubelet-1', summary: POD_STATUS },
				{ from: kcm, summary: RS_OR_SLICE },
				{ to: /^kube-proxy-/, summary: /^watch: EndpointSlice / }
			],
			tables: TABLES
		},
		{
			step: 'backoff',
			until: { answered: { from: kcm, summary: READY_2 }, count: 2 },
			show: [
				{ from: 'pod-1a', to: 'runtime-1' },
				{ from: 'kubelet-1', to: 'runtime-1', summary: /ListContainers/ },
				{ from: 'runtime-1', to: 'kubelet-1', summary: /EXITED/ },
				{ from: 'kubelet-1', summary: POD_STATUS },
				{ from: 'kubelet-1', summary: /events.*BackOff/ },
				{ from: kcm, summary: RS_OR_SLICE }
			],
			tables: TABLES,
			terminal: 'get pods'
		},
		{
			step: 'doubling',
			// Crash 7: restart 6 has exited, and the wait before restart 7 is the 300 s cap.
			until: { answered: { from: kcm, summary: READY_2 }, count: 7 },
			show: [{ from: 'kubelet-1', summary: POD_STATUS }, { from: 'kubelet-1', summary: /events\/\S+ \(BackOff, count/ }],
			tables: TABLES
		},
		{ step: 'not-involved', tables: TABLES }
	]
};

const written: Walkthrough = {
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
			narration: `node-2 is back: the class rebuilt it after "A node fails", and its kubelet registered the Node. Pods never move back, so the replicas behind the Service nginx are 5bfnw and wkjrr on node-1 and sz2k2 on node-3. Now nginx in ${POD.a} exits with code 1, from a bug only this Pod hits; the containerd shim, its parent process, collects the exit code. Within a second the kubelet's Pod lifecycle event generator (PLEG), relisting containers over the CRI, notices. Until then the API shows the Pod Running and ready.`,
			notes: 'Misconception to expect: "a bad setting in the Deployment would crash only one Pod". All replicas share one Pod template, so a template or image error crashes all three; here one Pod fails to keep the picture small. A Deployment accepts only restartPolicy Always in its Pod template (the API server rejects OnFailure and Never), so the kubelet always restarts the container in place.',
			highlight: ['pod-1a', 'runtime-1', 'kubelet-1'],
		},
		{
			id: 'report',
			title: 'The kubelet reports it: not ready',
			notes: 'Ask: where does the Service send traffic now? Only to sz2k2 and wkjrr. Point out that 10.244.1.2 is still listed in the EndpointSlice: it is marked ready=false, not removed.',
			view: 'rebuilt',
			narration:
				"The kubelet PATCHes the Pod's status: the container's state is terminated with exit code 1 (reason Error), and the Pod's Ready condition becomes False. The EndpointSlice controller keeps 10.244.1.2 in the Service's slice but marks it ready=false, and every kube-proxy stops sending it traffic. The Pod's phase stays Running.",
			highlight: ['kubelet-1', 'kube-apiserver', 'kube-controller-manager'],
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
			notes: 'Ask: same Pod or a new one? Same name and IP mean the same Pod. Demo: kubectl logs nginx-799cfcc968-5bfnw --previous shows the log of the container that crashed. Without a readiness probe the new container counts as ready at once, so it gets traffic again until it crashes. The log also shows a PullImage: nginx without a tag means :latest, whose pull policy is Always, so every restart asks the registry whether latest changed (one manifest HEAD; nothing is downloaded).',
			view: 'rebuilt',
			narration:
				"The first restart happens without delay. The kubelet asks the runtime to create and start a new container in the same sandbox: same Pod, same name, same IP. The container's state is running again, lastState records the crash, and restartCount becomes 1. With no readiness probe it counts as ready at once, so the slice marks it ready=true again. No new Pod, no scheduling.",
			highlight: ['kubelet-1', 'runtime-1', 'pod-1a'],
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
			narration:
				"The cause is still there, so nginx exits again a second after it started. Now the kubelet waits before restarting: 10 seconds. While it waits, the container's state is waiting with reason CrashLoopBackOff, the endpoint is ready=false again, and the kubelet records a BackOff Event. CrashLoopBackOff is a waiting reason, not a Pod phase: the phase stays Running.",
			highlight: ['kubelet-1', 'pod-1a'],
			terminal: {
				command: 'kubectl get pods',
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
			narration:
				'Each further crash doubles the wait: 10, 20, 40, 80, 160 seconds. After about five minutes the Pod has restarted six times and the next wait reaches the 300-second cap, where it stays. The kubelet keeps trying for as long as the Pod exists. If the container then runs cleanly for 10 minutes, the back-off resets.',
			notes: 'Ask the class to add up the waits: 10 + 20 + 40 + 80 + 160 = 310 s, so restart 6 comes after about five minutes (here each container also runs for a second before it crashes: restart 6 at t ≈ 317 s). kubectl describe pod prints the waits as Go prints durations: back-off 1m20s, 2m40s, 5m0s. Newer releases tune this: alpha in 1.33 (ReduceDefaultCrashLoopBackOffDecay: 1 s start, 60 s cap) and beta in 1.35 (KubeletCrashLoopBackOffMax: a per-node cap between 1 and 300 s).',
			highlight: ['kubelet-1', 'pod-1a'],
		},
		{
			id: 'not-involved',
			title: 'Who is not involved',
			notes: 'Ask how to fix a crash loop for good: find the cause with kubectl logs --previous and kubectl describe pod, then fix the image or the Pod template, which rolls out a new ReplicaSet.',
			view: 'rebuilt',
			narration:
				'Notice who never acted: the scheduler, and the ReplicaSet controller apart from counting ready replicas. The Pod still exists and is still bound to node-1, so there is nothing to reschedule or replace. Restarting does not remove the cause; you fix the image or the Pod template and roll out a new ReplicaSet. A failing liveness probe takes this same restart path.',
			highlight: ['kube-scheduler', 'kube-controller-manager'],
			roles: {
				'kube-scheduler': 'Not involved: the Pod is already bound to a node.',
				'kube-controller-manager': 'Its ReplicaSet controller still counts 3 Pods, so it creates nothing; it only updates the ready count (2 of 3). Its EndpointSlice controller flips 10.244.1.2 between ready=true and ready=false.'
			}
		}
	]
};

/** The recorded run (steps with their full trace), for the golden test. */
export const k5Recording = recordWalkthrough(crashLoopScenario, written, kubernetesScene);
export const crashLoop = k5Recording.walkthrough;
