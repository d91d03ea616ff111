import { describe, expect, it } from 'vitest';
import type { Step, Walkthrough } from '$lib/model/types';
import { formatProblem, validateWalkthrough } from '$lib/model/validate';
import { monolithVsMicroservices } from '../microservices/monolith-vs-microservices';
import { microservicesScene } from '../microservices/scene';
import { stacksOverview } from '../stacks/overview';
import { stacksScene } from '../stacks/scene';
import { architecture } from './architecture';
import { createDeployment } from './create-deployment';
import { crashLoop } from './crash-loop';
import { exposeService } from './expose-service';
import { k6Recording, managedAks } from './managed-aks';
import { nodeFailure } from './node-failure';
import { scale } from './scale';
import { kubernetesScene } from './scene';
import { POD, SCALE_BACK, SVC } from './tables';

// Facts fixed in issue 12 for expose-service, crash-loop, managed-aks, monolith-vs-microservices and
// stacks/overview, checked on the walkthrough data as a learner would meet them. The walkthroughs are
// imported directly (not through the registry) so this file does not depend on other walkthroughs.

/** Everything a learner can read at a step: narration, log, inspector, terminal, tables, badges, clock. */
const visibleText = (s: Step) =>
	[
		s.title,
		s.narration,
		...(s.messages ?? []).map((m) => m.summary),
		...Object.values(s.roles ?? {}),
		s.terminal?.command,
		s.terminal?.output,
		...(s.tables ?? []).flatMap((t) => t.rows.flat()),
		...Object.values(s.badges ?? {}),
		s.clock
	].join('\n');

const step = (w: Walkthrough, id: string) => {
	const s = w.steps.find((x) => x.id === id);
	if (!s) throw new Error(`${w.id} has no step ${id}`);
	return s;
};
const table = (s: Step, title: string) => s.tables?.find((t) => t.title === title);
const cell = (t: NonNullable<ReturnType<typeof table>>, column: string) => t.rows.map((r) => r[t.columns.indexOf(column)]!);

describe('the walkthroughs stay valid', () => {
	it.each(
		([
			[architecture, kubernetesScene],
			[createDeployment, kubernetesScene],
			[scale, kubernetesScene],
			[nodeFailure, kubernetesScene],
			[exposeService, kubernetesScene],
			[crashLoop, kubernetesScene],
			[managedAks, kubernetesScene],
			[monolithVsMicroservices, microservicesScene],
			[stacksOverview, stacksScene]
		] as const).map(([w, scene]) => [w.id, w, scene] as const)
	)('%s', (_id, w, scene) => {
		expect(validateWalkthrough(w, scene).map(formatProblem)).toEqual([]);
		for (const s of w.steps) {
			expect(s.narration.split(/\s+/).length, `${s.id}: narration fits a projector caption`).toBeLessThanOrEqual(90);
			expect(s.notes?.trim().length ?? 0, `${s.id} notes`).toBeGreaterThan(20);
		}
	});
});

describe('continuity: expose-service starts from three replicas again after scale; crash-loop after node-failure', () => {
	// scale deleted 55647, 2xftn, bh954 (and their IPs); the class scaled back to three; node-failure replaced cvl77 with wkjrr.
	const deleted = [POD.b, POD.d, POD.e, '10.244.2.2', '10.244.1.3', '10.244.2.3'];
	it.each([exposeService, crashLoop].map((w) => [w.id, w] as const))('%s never shows a Pod that scale deleted', (_id, w) => {
		for (const s of w.steps) for (const gone of deleted) expect(visibleText(s), `${s.id} shows ${gone}`).not.toContain(gone);
	});
	it('expose-service says in its first step where it starts from, and its Pods follow from that', () => {
		const first = exposeService.steps[0]!;
		expect(first.narration).toContain(SCALE_BACK);
		expect(cell(table(first, 'Pods')!, 'NAME').sort()).toEqual([POD.a, POD.c, POD.g].sort());
	});
	it('expose-service comes straight after scale, so the command that made cvl77 is the one just before', () => {
		expect(exposeService.order).toBe(scale.order! + 1);
	});
});

describe('expose-service', () => {
	it('the EndpointSlice lists every matching Pod: a not-ready one stays with ready=false', () => {
		const s = step(exposeService, 'endpointslice');
		expect(s.narration).toMatch(/ready or not/);
		expect(s.narration).toMatch(/not ready stays listed with ready=false/);
		expect(s.narration).not.toMatch(/IPs of the ready Pods/);
	});
	it('the load balancer\'s inspector tells the Azure picture: 80 → 80 with floating IP, NodePort only without it', () => {
		const lb = step(exposeService, 'load-balancer').roles?.['load-balancer'] ?? '';
		expect(lb).toMatch(/80 → 80 with floating IP/);
		expect(lb).toMatch(new RegExp(`NodePort ${SVC.nodePort} only when floating IP is disabled`));
		expect(lb).toContain('service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip');
	});
	it('the cloud call is the cloud-provider interface (the Service\'s port and NodePort, every node); the Azure rule is told in the roles', () => {
		const { messages = [], roles } = step(exposeService, 'load-balancer');
		expect(messages.find((m) => m.to === 'cloud-api')!.summary).toMatch(new RegExp(`^EnsureLoadBalancer\\(\\w+ for default/nginx: 80 → NodePort ${SVC.nodePort}; backends node-1, node-2, node-3\\)$`));
		expect(roles?.['load-balancer']).toMatch(/^Generic picture: .*On Azure the default rule is 80 → 80/);
	});
	it('the deck\'s Endpoints controller, its kube-proxy and its "no cloud-controller-manager on-premises" are corrected where a learner reads', () => {
		expect(step(exposeService, 'endpointslice').narration).toMatch(/The deck says an Endpoints controller/);
		expect(step(exposeService, 'kube-proxy').narration).toMatch(/The deck says kube-proxy .*IPVS mode is deprecated/);
		expect(step(exposeService, 'on-prem').narration).toMatch(/The deck says on-premises clusters have no cloud-controller-manager/);
	});
});

describe('expose-service: the reply', () => {
	it('goes back through the node the load balancer chose before it reaches the user, as the narration says', () => {
		const { messages: ms = [], narration } = step(exposeService, 'request');
		const n = /^to node-(\d)/.exec(ms.find((m) => m.from === 'load-balancer' && m.to.startsWith('kube-proxy-'))!.summary)![1]!;
		const back = ms.findIndex((m) => m.from === `kube-proxy-${n}` && m.to === 'load-balancer' && m.via === `lb-proxy-${n}` && m.summary.includes(`reverse NAT on node-${n}`));
		expect(back).toBeGreaterThanOrEqual(0);
		expect(ms.findIndex((m) => m.from === 'load-balancer' && m.to === 'end-user')).toBeGreaterThan(back);
		for (const words of [`here node-${n}`, `through node-${n}`]) expect(narration).toContain(words);
	});
});

describe('crash-loop', () => {
	it('a Deployment accepts only restartPolicy Always: the note does not call it a default', () => {
		const n = step(crashLoop, 'exits').notes ?? '';
		expect(n).not.toMatch(/Always is the default/);
		expect(n).toMatch(/accepts only restartPolicy Always/);
	});
	it('after the crash the EndpointSlice still lists the Pod, marked not ready, and nothing removes it', () => {
		for (const id of ['report', 'backoff']) {
			// kubectl lists every address of a slice, ready or not; the controller's PUT says which are ready.
			expect(table(step(crashLoop, id), 'EndpointSlices')!.rows[0]![3], id).toContain('10.244.1.2');
			expect(step(crashLoop, id).messages!.some((m) => /endpointslices\/\S+ \(3 endpoints: 2 ready, 1 not ready\)/.test(m.summary)), id).toBe(true);
		}
		const slicePuts = crashLoop.steps.flatMap((s) => s.messages ?? []).filter((m) => /endpointslices\//.test(m.summary));
		expect(slicePuts.length).toBeGreaterThan(0);
		for (const m of slicePuts) expect(m.summary).toMatch(/\(3 endpoints: /);
	});
	it('before the first restart the crash is the container\'s state, not yet its lastState', () => {
		const report = step(crashLoop, 'report');
		for (const m of report.messages ?? []) expect(m.summary).not.toContain('lastState');
		expect(step(crashLoop, 'restart').messages!.some((m) => m.summary.includes('lastState terminated'))).toBe(true);
	});
	it('restartCount 6 comes after 10 + 20 + 40 + 80 + 160 s of waiting: about five minutes, not ten', () => {
		const s = step(crashLoop, 'doubling');
		const seconds = Number(/^t = (\d+) s$/.exec(s.clock ?? '')?.[1]);
		expect(seconds).toBeGreaterThanOrEqual(310);
		expect(seconds).toBeLessThan(360);
		expect(cell(table(s, 'Pods')!, 'RESTARTS')[0]).toMatch(/^6 \(\d+s ago\)$/);
		expect(s.messages!.at(-2)!.summary).toMatch(/CrashLoopBackOff \(back-off 5m0s\)/);
	});
	it('CrashLoopBackOff is a waiting reason while the phase stays Running', () => {
		expect(step(crashLoop, 'backoff').narration).toMatch(/waiting reason, not a Pod phase: the phase stays Running/);
	});
});

describe('managed-aks', () => {
	const version = (v: string) => v.replace(/^v/, '').split('.').map(Number) as [number, number, number?];
	const newer = (a: string, b: string) => {
		const [x, y] = [version(a), version(b)];
		for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
		return false;
	};
	const nodeVersions = new Set(
		managedAks.steps.flatMap((s) => [
			...(s.tables ?? []).filter((t) => t.title === 'Nodes' && t.columns.includes('VERSION')).flatMap((t) => cell(t, 'VERSION')),
			...(s.terminal?.command === 'kubectl get nodes' ? [...(s.terminal.output ?? '').matchAll(/\bv\d+\.\d+\.\d+\b/g)].map((m) => m[0]) : [])
		])
	);

	it('every node runs one version, and it is shown', () => {
		expect([...nodeVersions]).toHaveLength(1);
	});
	it('never upgrades (or offers an upgrade) to the version the nodes already run', () => {
		const [nodes] = [...nodeVersions];
		const targets = managedAks.steps.flatMap((s) => [
			...[...`${s.terminal?.command ?? ''}\n${s.narration}`.matchAll(/--kubernetes-version (\d+\.\d+(?:\.\d+)?)/g)].map((m) => m[1]!),
			...(s.terminal?.command.startsWith('az aks get-upgrades') ? (s.terminal.output ?? '').split('\n').at(-1)!.split(/\s{2,}/).at(-1)!.split(', ') : [])
		]);
		expect(targets.length).toBeGreaterThan(0);
		for (const t of targets) expect(newer(t, nodes!), `${t} after nodes on ${nodes}`).toBe(true);
	});
	it('get-upgrades reports the control plane on the nodes\' version', () => {
		const s = managedAks.steps.find((x) => x.terminal?.command.startsWith('az aks get-upgrades'))!;
		expect(s.terminal!.output).toContain(` ${[...nodeVersions][0]!.replace(/^v/, '')} `);
	});
	it('Node names agree between the tables and the terminal', () => {
		const inTerminal = managedAks.steps
			.filter((s) => s.terminal?.command === 'kubectl get nodes')
			.flatMap((s) => s.terminal!.output!.split('\n').slice(1).map((l) => l.split(/\s+/)[0]!));
		expect(inTerminal).toHaveLength(3);
		for (const s of managedAks.steps)
			for (const t of s.tables ?? []) {
				if (t.title === 'Nodes') expect(cell(t, 'NAME').sort(), `${s.id} Nodes`).toEqual([...inTerminal].sort());
				if (t.title === 'Pods') for (const n of cell(t, 'NODE')) expect(inTerminal, `${s.id} Pods`).toContain(n);
			}
	});
	it('shows no Pod that scale deleted', () => {
		for (const s of managedAks.steps) for (const gone of [POD.b, POD.d, POD.e]) expect(visibleText(s), s.id).not.toContain(gone);
	});
	it('corrects the deck\'s Docker runtime where a learner reads it', () => {
		expect(step(managedAks, 'nodes').narration).toMatch(/The deck says "We are using Docker".*containerd/);
	});
	const recorded = (id: string) => k6Recording.steps.find((r) => r.step === id)!;
	it('kubectl get nodes prints the AKS Nodes the run has, with the AGE the run gives them', () => {
		const rows = step(managedAks, 'nodes').terminal!.output!.split('\n').slice(1).map((l) => l.split(/\s+/));
		expect(rows.map((r) => r[0])).toEqual(cell(recorded('nodes').tables.find((t) => t.title === 'Nodes')!, 'NAME'));
		expect(rows.map((r) => r[3])).toEqual(rows.map(() => `${Math.floor(recorded('nodes').time / 1000)}s`));
	});
	it('kubectl logs goes to the kubelet of the Pod\'s node through the konnectivity tunnel, and prints nginx\'s start-up lines', () => {
		const s = step(managedAks, 'kube-system');
		const pod = /kubectl logs (\S+)/.exec(s.terminal!.command)![1]!;
		const node = recorded('kube-system').tables.find((t) => t.title === 'Pods')!.rows.find((r) => r[0] === pod)![2]!;
		const kubelet = `kubelet-${Number(node.slice(-1)) + 1}`;
		expect(s.messages!.map((m) => `${m.from} → ${m.to}: ${m.summary}`)).toEqual([
			`kubectl → kube-apiserver: GET /api/v1/namespaces/default/pods/${pod}/log`,
			`kube-apiserver → ${kubelet}: GET /containerLogs/default/${pod}/nginx (konnectivity tunnel)`,
			`${kubelet} → kube-apiserver: 200 OK: 2 lines of nginx's log`,
			'kube-apiserver → kubectl: 200 OK: 2 log lines'
		]);
		expect(s.narration).toContain(`the logs of ${pod.slice(-5)} come from the kubelet on ${node.slice(-10)}`);
		// nginx started when the run's runtime started it (the timestamp nginx prints is whole seconds).
		const started = recorded('split').entries.find((e) => e.type === 'message' && e.to === kubernetesScene.components.find((c) => c.name === pod)!.id && /start nginx/.test(e.summary))!;
		expect(s.terminal!.output!.split('\n')[1]).toBe(`2026/01/01 00:00:${String(Math.floor(started.time / 1000)).padStart(2, '0')} [notice] 1#1: start worker processes`);
	});
});

describe('monolith-vs-microservices', () => {
	it('the 503 does not tell checkout what to do: the retry is checkout\'s decision', () => {
		const r = step(monolithVsMicroservices, 'disadvantages').messages!.find((m) => m.summary.startsWith('503'))!;
		expect(r.summary).toBe('503 Service Unavailable (checkout will retry with the same idempotency key)');
	});
	it('the UI never calls the checkout service at /orders, next to an Order service', () => {
		const calls = monolithVsMicroservices.steps.flatMap((s) => s.messages ?? []).filter((m) => m.from === 'ui' && m.to.startsWith('checkout'));
		expect(calls.length).toBeGreaterThan(0);
		for (const m of calls) expect(m.summary).not.toMatch(/\/orders\b/);
	});
	it('no teacher note only says "Most have."', () => {
		for (const s of monolithVsMicroservices.steps) expect(s.notes).not.toMatch(/Most have\.$/);
	});
});

describe('stacks/overview', () => {
	it.each(['vm-syscall', 'container-syscall', 'vm-container-syscall'])('%s brings the read all the way back to the app, as physical does', (id) => {
		const ms = step(stacksOverview, id).messages!;
		const last = ms.at(-1)!;
		expect(last.kind).toBe('response');
		expect(last.to).toMatch(/^app-/);
		expect(last.to).toBe(ms[0]!.from);
	});
	it('the kernel answers a third request (start App B) with the running PID; it does not answer cgroup creation with it', () => {
		const ms = step(stacksOverview, 'engine').messages!;
		expect(ms.some((m) => /started as process/.test(m.summary))).toBe(false);
		const start = ms.findIndex((m) => m.kind === 'request' && /^start App B/.test(m.summary));
		const pid = ms.findIndex((m) => m.kind === 'response' && m.summary === 'App B running as PID 4211');
		expect(start).toBe(2);
		expect(pid).toBe(start + 1);
	});
	it('a container gets no CPU or memory limit unless one is asked for', () => {
		const cgroup = step(stacksOverview, 'engine').messages!.find((m) => m.summary.includes('cgroup'))!;
		expect(cgroup.summary).toMatch(/as asked/);
		expect(step(stacksOverview, 'engine').narration).toMatch(/unlimited unless you set limits/);
	});
	it('the deck\'s Docker-as-a-layer drawing and its "secure by default" are corrected where a learner reads', () => {
		expect(step(stacksOverview, 'containers').narration).toMatch(/The deck says, in its drawing, that Docker is a layer/);
		expect(step(stacksOverview, 'caveat').narration).toMatch(/The deck says containers are secure/);
	});
});

// The diagram names its Pods from the scene's slots: the walkthroughs after scale must draw w6q9t on node-2.
describe('the diagram (scene) agrees with the tables', () => {
	it('no view used by expose-service or crash-loop draws a Pod that scale deleted', () => {
		for (const w of [exposeService, crashLoop, managedAks])
			for (const s of w.steps) {
				const view = kubernetesScene.views.find((v) => v.id === s.view)!;
				const names = view.components.map((c) => kubernetesScene.components.find((x) => x.id === c)!.name);
				for (const gone of [POD.b, POD.d, POD.e]) expect(names, `${w.id}/${s.id}`).not.toContain(gone);
			}
	});
});
