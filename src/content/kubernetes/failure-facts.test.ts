import { describe, expect, it } from 'vitest';
import type { StateTable, Step, Walkthrough } from '$lib/model/types';
import type { TraceEntry } from '$lib/sim/core/trace';
import { crashLoop, k5Recording } from './crash-loop';
import { exposeService } from './expose-service';
import { managedAks } from './managed-aks';
import { nodeFailure } from './node-failure';
import { scale } from './scale';
import { kubernetesScene } from './scene';
import { POD, SVC } from './tables';

// Facts a learner would notice in "Scale a Deployment" and "A node fails" (issue 12), checked against
// kubernetes/kubernetes (nodelifecycle, tainteviction, podgc, controller_utils.go, scheduler selectHost)
// and kubernetes/cloud-provider (cloud node lifecycle controller).

/** Tables as they stand at each step (a step's tables replace the previous ones; absent = carried forward). */
function tablesAt(w: Walkthrough): StateTable[][] {
	let current: StateTable[] = [];
	return w.steps.map((s) => (current = s.tables ?? current));
}
const table = (tables: StateTable[], title: string) => tables.find((t) => t.title === title);
const everything = (s: Step) => JSON.stringify({ ...s, notes: undefined });
const seconds = (clock: string | undefined) => Number(/t\s*[=≈]\s*([\d.]+)\s*s/.exec(clock ?? '')?.[1] ?? NaN);
const stepIndex = (w: Walkthrough, id: string) => w.steps.findIndex((s) => s.id === id);

describe('scale', () => {
	it('never shows a Service or an EndpointSlice: none exists yet in this story', () => {
		const tables = tablesAt(scale).flat();
		expect(tables.map((t) => t.title)).not.toContain('EndpointSlices');
		expect(tables.map((t) => t.title)).not.toContain('Services');
		for (const s of scale.steps) expect(everything(s), s.id).not.toMatch(/EndpointSlice|Service\b/);
	});

	it('teaches the ReplicaSet victim order in the order of ActivePodsWithRanks.Less', () => {
		const n = scale.steps.find((s) => s.id === 'pick')!.narration;
		const order = ['unscheduled', 'not running', 'not ready', 'pod-deletion-cost', 'more replicas', 'ready for less time', 'restarts', 'newer'];
		const at = order.map((word) => n.indexOf(word));
		for (const [i, word] of order.entries()) expect(at[i], `"${word}" in the pick narration`).toBeGreaterThanOrEqual(0);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
	});

	it('deletes the two Pods on doubled-up nodes that were ready for less time, then one of a tie', () => {
		const deletes = scale.steps.find((s) => s.id === 'pick')!.messages!.map((m) => m.summary);
		const names = deletes.map((d) => /DELETE (?:Pod |\S+\/pods\/)(nginx-[\w-]+)/.exec(d)?.[1]);
		// d and e rank equal (same node count, ready equally long on the log scale): either may be sent first.
		expect([...names.slice(0, 2)].sort()).toEqual([POD.d, POD.e].sort());
		expect(names[2]).toBe(POD.b);
		expect(deletes[2]).toMatch(/tie|random/i);
	});

	it('explains the scale-up placement as a tie broken at random, not "node-3 already runs one"', () => {
		const s = scale.steps.find((x) => x.id === 'schedule-up')!;
		expect(s.notes).not.toMatch(/node-3 already runs one/);
		expect(s.notes).toMatch(/random/);
		expect(s.narration).toMatch(/random/);
	});

	it('separates marking the Pods Terminating, stopping the containers, and the final DELETE', () => {
		const marked = scale.steps.findIndex((s) => (s.messages ?? []).some((m) => /deletionTimestamp|is Terminating/.test(m.summary)));
		const stopped = scale.steps.findIndex((s) => (s.messages ?? []).some((m) => /StopContainer/.test(m.summary)));
		const removed = scale.steps.findIndex((s) => (s.messages ?? []).some((m) => /DELETE .*(grace 0|gracePeriodSeconds=0)/.test(m.summary)));
		expect(marked).toBeGreaterThanOrEqual(0);
		expect(stopped).toBeGreaterThan(marked);
		expect(removed).toBeGreaterThan(stopped);
	});
});

describe('node-failure', () => {
	const tables = tablesAt(nodeFailure);
	const dies = stepIndex(nodeFailure, 'dies');

	it('comes after "Expose a Service" and starts where it ended, with no Pod that scale deleted', () => {
		const first = nodeFailure.steps[0]!;
		expect(first.id).toBe('heartbeats');
		expect(exposeService.order!).toBeLessThan(nodeFailure.order!);
		expect(first.narration).toMatch(/We start where "Expose a Service" ended/);
		expect(first.narration).toContain('The Service from "Expose a Service" sends traffic to all three');
		for (const s of nodeFailure.steps)
			for (const gone of [POD.b, POD.d, POD.e]) expect(everything(s), `${s.id} shows ${gone}`).not.toContain(gone);
		expect(table(tables[0]!, 'Pods')!.rows.map((r) => r[0])).toEqual([POD.a, POD.g, POD.c]);
	});

	it('shows the LoadBalancer Service of expose-service, with its EXTERNAL-IP, from the first step on', () => {
		const first = nodeFailure.steps[0]!;
		expect(first.terminal?.output).toMatch(new RegExp(`nginx\\s+LoadBalancer\\s+\\S+\\s+${SVC.externalIP.replace(/\./g, '\\.')}`));
		for (const [i, t] of tables.entries()) {
			const svc = table(t, 'Services');
			expect(svc, `${nodeFailure.steps[i]!.id}: Services table`).toBeDefined();
			expect(svc!.rows[0]![svc!.columns.indexOf('EXTERNAL-IP')], nodeFailure.steps[i]!.id).toBe(SVC.externalIP);
		}
		const slices = tables.map((t) => table(t, 'EndpointSlices'));
		expect(slices[0]).toBeDefined();
		for (const sl of slices) if (sl) expect(sl.rows.map((r) => r[0])).toEqual([SVC.slice]);
	});

	it('notices the silence by the controller\'s own check: no message from kube-apiserver about node-2\'s Lease', () => {
		for (const s of nodeFailure.steps.slice(dies))
			for (const m of s.messages ?? []) {
				expect(m.from === 'kube-apiserver' && /lease/i.test(m.summary) && /node-2/.test(m.summary), `${s.id}: ${m.summary}`).toBe(false);
				expect(m.from === 'kubelet-2' || m.to === 'kubelet-2', `${s.id}: node-2 is off`).toBe(false);
			}
		const waiting = nodeFailure.steps.find((s) => s.id === 'waiting')!;
		expect((waiting.messages ?? []).filter((m) => /node-2/.test(m.summary))).toEqual([]);
		expect(waiting.roles?.['kube-controller-manager']).toMatch(/5 s/);
	});

	it('marks the node at 50 s, and adds the NoExecute taint only at a later check', () => {
		const taintStep = (re: RegExp) => nodeFailure.steps.findIndex((s) => (s.messages ?? []).some((m) => re.test(m.summary)));
		const unknown = taintStep(/Ready=Unknown/);
		const noExecute = taintStep(/unreachable:NoExecute/);
		expect(Math.round(seconds(nodeFailure.steps[unknown]!.clock))).toBe(50);
		expect(noExecute).toBeGreaterThan(unknown);
		// The taint-eviction controller's DELETE (the recorded clock reads to the second from 100 s on).
		const evict = taintStep(new RegExp(`^DELETE \\S+/pods/${POD.g}$`));
		expect(seconds(nodeFailure.steps[evict]!.clock) - seconds(nodeFailure.steps[noExecute]!.clock)).toBeCloseTo(300, -1);
	});

	it('node-2\'s VM is shut down, not "loses power" (Azure would recover a host power loss on another host)', () => {
		const n = nodeFailure.steps[dies]!.narration;
		expect(n).not.toMatch(/loses power/);
		expect(n).toMatch(/shut down/);
		expect(n).toMatch(/still exists in the cloud/);
	});

	it('shows the cloud-controller-manager asking the cloud API before it taints node-2 as shut down', () => {
		const s = nodeFailure.steps.find((x) => x.id === 'cloud-check')!;
		const view = kubernetesScene.views.find((v) => v.id === s.view)!;
		expect(view.components).toContain('cloud-api');
		const ms = s.messages ?? [];
		const ask = ms.findIndex((m) => m.from === 'cloud-controller-manager' && m.to === 'cloud-api');
		const answer = ms.findIndex((m) => m.from === 'cloud-api' && m.to === 'cloud-controller-manager' && /is stopped/.test(m.summary));
		const taint = ms.findIndex((m) => /cloudprovider\.kubernetes\.io\/shutdown/.test(m.summary));
		expect(ask).toBeGreaterThanOrEqual(0);
		expect(answer).toBeGreaterThan(ask);
		expect(taint).toBeGreaterThan(answer);
	});

	it('corrects the deck where the learner reads it', () => {
		const asides = nodeFailure.steps.map((s) => s.narration).filter((n) => n.includes('The deck says'));
		expect(asides.some((n) => /pod-eviction-timeout/.test(n) && /1\.27/.test(n))).toBe(true);
	});

	it('keeps a Pod in the EndpointSlice until pod GC ends it: not ready at 50 s, terminating once evicted, removed once marked Failed', () => {
		const slicePuts = (id: string) => (nodeFailure.steps.find((s) => s.id === id)!.messages ?? []).filter((m) => /endpointslices\//.test(m.summary)).map((m) => m.summary);
		expect(slicePuts('traffic')).toEqual([expect.stringMatching(/\(3 endpoints: 2 ready, 1 not ready\)/)]);
		expect(slicePuts('evict')).toEqual([expect.stringMatching(/\(3 endpoints: 2 ready, 1 terminating/)]);
		expect(slicePuts('replace')).toEqual([expect.stringMatching(/\(4 endpoints: 3 ready, 1 terminating/)]);
		const cleanup = (nodeFailure.steps.find((s) => s.id === 'cleanup')!.messages ?? []).map((m) => m.summary);
		// A Pod in a terminal phase is no endpoint (endpointslice ShouldPodBeInEndpoints): the address goes
		// when pod GC marks the Pod Failed, whether its force DELETE has landed yet or not.
		const failed = cleanup.findIndex((m) => /\/status \(Failed, DisruptionTarget: DeletionByPodGC\)/.test(m));
		const removed = cleanup.findIndex((m) => /endpointslices\/\S+ \(3 endpoints: 3 ready\)/.test(m));
		expect(failed).toBeGreaterThanOrEqual(0);
		expect(removed).toBeGreaterThan(failed);
		// kubectl lists every address of the slice, ready or not: 10.244.2.4 stays until the Pod is gone.
		tables.forEach((t, i) => {
			const podsTable = table(t, 'Pods');
			const endpoints = table(t, 'EndpointSlices')?.rows[0]?.[3] ?? '';
			const onNode2 = podsTable?.rows.some((r) => r[3] === '10.244.2.4');
			expect(endpoints.includes('10.244.2.4'), nodeFailure.steps[i]!.id).toBe(!!onNode2);
		});
	});

	it('does not delete the Node because it lost power: the cloud taints a stopped VM, and only deleting the VM deletes the Node', () => {
		const deleteNode = nodeFailure.steps.findIndex((s) => (s.messages ?? []).some((m) => /^DELETE \S+\/nodes\/node-2\b/.test(m.summary)));
		const shutdownTaint = nodeFailure.steps.findIndex((s) =>
			(s.messages ?? []).some((m) => m.from === 'cloud-controller-manager' && /node\.cloudprovider\.kubernetes\.io\/shutdown/.test(m.summary))
		);
		expect(shutdownTaint).toBeGreaterThan(dies);
		expect(deleteNode).toBeGreaterThan(shutdownTaint);
		const vmDeleted = nodeFailure.steps.findIndex((s) => /\b(vm delete|vmss delete-instances)\b/.test(s.terminal?.command ?? ''));
		expect(vmDeleted).toBeGreaterThan(dies);
		expect(vmDeleted).toBeLessThanOrEqual(deleteNode);
		// Until then node-2 is listed, and its Pod stays Terminating.
		for (const t of tables.slice(dies, deleteNode)) expect(table(t, 'Nodes')!.rows.map((r) => r[0])).toContain('node-2');
	});

	it('replaces the evicted Pod with wkjrr on a healthy node, and never shows wkjrr before it is created', () => {
		const created = nodeFailure.steps.findIndex((s) => (s.messages ?? []).some((m) => /^201 Created: /.test(m.summary) && m.summary.includes(POD.f)));
		expect(created).toBeGreaterThan(stepIndex(nodeFailure, 'evict'));
		for (const s of nodeFailure.steps.slice(0, created)) expect(everything(s), s.id).not.toContain(POD.f);
		const row = table(tables[created]!, 'Pods')!.rows.find((r) => r[0] === POD.f)!;
		expect(row[2]).not.toBe('node-2');
		// node-1 and node-3 each run one nginx Pod: the scheduler's choice is a tie broken at random.
		const bind = nodeFailure.steps[created]!.messages!.find((m) => m.summary.includes(`(bind Pod ${POD.f} to`))!;
		expect(bind.summary).toMatch(/tie broken at random/);
		expect(bind.summary).toMatch(/untolerated taint \{node\.kubernetes\.io\/unreachable/);
	});

	it('draws no Pod that scale deleted: the Pod on node-2 in every view is cvl77', () => {
		for (const s of nodeFailure.steps) {
			const view = kubernetesScene.views.find((v) => v.id === s.view)!;
			const names = view.components.map((c) => kubernetesScene.components.find((x) => x.id === c)!.name);
			for (const gone of [POD.b, POD.d, POD.e]) expect(names, s.id).not.toContain(gone);
			expect(names, s.id).toContain(POD.g);
			for (const id of Object.keys(s.badges ?? {})) expect(view.components.concat(['node-1', 'node-2', 'node-3', 'control-plane']), `${s.id} badge`).toContain(id);
		}
	});
});

describe('after node-failure: cvl77 is gone for good', () => {
	// node-failure force-deletes cvl77 (10.244.2.4) and node-2's Node; what comes later must not show them running.
	const visible = (s: Step) => JSON.stringify({ ...s, notes: undefined });
	it.each([crashLoop, managedAks].map((w) => [w.id, w] as const))('%s comes later and never shows cvl77 or its IP', (_id, w) => {
		expect(w.order!).toBeGreaterThan(nodeFailure.order!);
		for (const s of w.steps) {
			expect(visible(s), s.id).not.toContain(POD.g);
			expect(visible(s), s.id).not.toContain('10.244.2.4');
			const view = kubernetesScene.views.find((v) => v.id === s.view)!;
			const names = view.components.map((c) => kubernetesScene.components.find((x) => x.id === c)!.name);
			expect(names, `${w.id}/${s.id} draws cvl77`).not.toContain(POD.g);
		}
	});
	it('crash-loop says in its first step that node-2 was rebuilt after "A node fails", and its Pods are the survivors', () => {
		const first = crashLoop.steps[0]!;
		expect(first.narration).toMatch(/node-2 is back: the class rebuilt it after "A node fails"/);
		const pods = first.tables!.find((t) => t.title === 'Pods')!;
		expect(pods.rows.map((r) => r[0]).sort()).toEqual([POD.a, POD.c, POD.f].sort());
	});
});

describe('crash-loop, as recorded (flows.md K5)', () => {
	// Everything from the fault on (the first step also holds node-2's rebuild, before the clock starts).
	const entries = k5Recording.steps.flatMap((s) => s.entries);
	const fault = entries.findIndex((e) => e.type === 'note' && e.text === `nginx in ${POD.a} exits with code 1`);
	const msgs = entries.slice(fault).filter((e): e is TraceEntry & { type: 'message' } => e.type === 'message');
	const exits = msgs.filter((m) => m.from === 'pod-1a' && m.to === 'runtime-1' && /exited with code 1/.test(m.summary)).map((m) => m.time);
	// Each restart begins with the kubelet asking the runtime for the image (5bfnw is the only Pod node-1 starts).
	const restarts = msgs.filter((m) => m.from === 'kubelet-1' && /^CRI ImageStatus/.test(m.summary)).map((m) => m.time);

	it('restarts at once after the first exit, then after 10, 20, 40, 80 and 160 s, each counted from the exit', () => {
		expect(fault).toBeGreaterThan(0);
		expect(exits).toHaveLength(7);
		expect(restarts).toHaveLength(6);
		const waits = restarts.map((t, i) => (t - exits[i]!) / 1000);
		expect(waits[0]).toBeLessThanOrEqual(1.01); // PLEG relists every second; the first restart needs no wait
		expect(waits.slice(1).map((w) => Math.round(w * 100) / 100)).toEqual([10, 20, 40, 80, 160]);
	});

	it('reports each wait as the kubelet prints it, doubling to the 300 s cap, with one BackOff Event whose count grows', () => {
		const waits = msgs.flatMap((m) => (m.from === 'kubelet-1' ? (/CrashLoopBackOff \(back-off (\S+)\)/.exec(m.summary)?.slice(1) ?? []) : []));
		expect(waits).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
		const backOff = msgs.filter((m) => m.from === 'kubelet-1' && /events.*BackOff/.test(m.summary)).map((m) => m.summary);
		expect(backOff[0]).toMatch(/^POST \S+\/events \(BackOff: Back-off restarting failed container nginx in pod nginx-799cfcc968-5bfnw_default\(/);
		expect(backOff.slice(1).map((b) => /count (\d+)/.exec(b)?.[1])).toEqual(['2', '3', '4', '5', '6']);
	});

	it('keeps the same Pod, sandbox and IP, and its phase Running: the kubelet never reports Failed', () => {
		expect(msgs.filter((m) => /RunPodSandbox|StopPodSandbox/.test(m.summary))).toEqual([]);
		const patches = msgs.filter((m) => m.from === 'kubelet-1' && m.summary.includes(`pods/${POD.a}/status`)).map((m) => m.summary);
		expect(patches).toHaveLength(13); // the first exit, then six times: running again, waiting in back-off
		for (const p of patches) expect(p).toMatch(/\((nginx terminated \(exit 1\), Ready=False|running, lastState terminated \(exit 1\), restartCount [1-6], Ready=True|nginx waiting, reason CrashLoopBackOff \(back-off \S+\); Ready=False)\)$/);
		for (const s of crashLoop.steps) {
			const row = s.tables?.find((t) => t.title === 'Pods')?.rows.find((r) => r[0] === POD.a);
			if (row) expect([row[2], row[4], row[5]], s.id).toEqual([expect.stringMatching(/^(Running|Error|CrashLoopBackOff)$/), 'node-1', '10.244.1.2']);
		}
	});

	it('the scheduler sends nothing; kube-controller-manager creates, binds and deletes no Pod, it only writes status and the slice', () => {
		expect(msgs.filter((m) => m.from === 'kube-scheduler')).toEqual([]);
		// The node lifecycle controller's first pass over the rebuilt node-2 (an Event), then only status and the slice.
		const all = msgs.filter((m) => m.from === 'kube-controller-manager' && /^(POST|PUT|PATCH|DELETE) /.test(m.summary));
		expect(all.filter((m) => m.summary.includes('/events ')).map((m) => m.summary)).toEqual([expect.stringMatching(/\(RegisteredNode: Node node-2 event: Registered Node node-2 in Controller\)$/)]);
		const writes = all.filter((m) => !m.summary.includes('/events ')).map((m) => m.summary.split(' ')[1]);
		expect(writes.length).toBeGreaterThan(0);
		expect([...new Set(writes)].sort()).toEqual([
			'/apis/apps/v1/namespaces/default/deployments/nginx/status',
			'/apis/apps/v1/namespaces/default/replicasets/nginx-799cfcc968/status',
			`/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/${SVC.slice}`
		]);
	});
});

