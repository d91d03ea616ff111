import { describe, expect, it } from 'vitest';
import { kubernetesScene } from '$content/kubernetes/scene';
import { inOrder } from '../node/testing';
import { K1_SECTIONS, k3 } from './scenarios';
import { entriesOf, hubRuleBreaks, messagesOf, shapeOf } from './testing';

// flows.md K3: a worker node stops responding, with the node lifecycle and taint eviction controllers.
describe('K3 recorded: node-2 loses power, its Pod is evicted and replaced, node-2 returns', () => {
	const run = k3();
	const { cluster } = run;
	const KCM = 'kube-controller-manager';
	const down = shapeOf(entriesOf(run, 'down'));
	const evict = shapeOf(entriesOf(run, 'evict'));
	const up = shapeOf(entriesOf(run, 'up'));
	const time = (section: string, match: (line: string) => boolean) => {
		const e = entriesOf(run, section).find((x) => match(shapeOf([x])[0] ?? ''));
		if (!e) throw new Error(`nothing in ${section} matches`);
		return e.time;
	};
	const victim = /pods\/(\S+)\/status \(Ready=False/.exec(down.find((l) => l.includes('(Ready=False: node node-2')) ?? '')?.[1] ?? '?';

	it('matches the golden record (the sections after K1)', async () => {
		const preface = 'Starts from K1 settled (seed k1) with kube-controller-manager also watching Nodes and Leases; its K1 sections are not repeated.\n';
		await expect(run.recording.text(K1_SECTIONS, preface)).toMatchFileSnapshot('./__golden__/k3.txt');
	});

	it('is the same run, byte for byte, when repeated', () => {
		expect(k3().recording.text()).toBe(run.recording.text());
	});

	it('power off: nothing from node-2; 40–60 s later Ready=Unknown, the Pod Ready=False, NoSchedule then NoExecute', () => {
		expect(down.filter((l) => l.startsWith('kubelet-2') || l.startsWith('runtime-2'))).toEqual([]);
		inOrder(down, [
			'[user] power off node-2',
			/^\[kube-controller-manager\] node-2: Lease not renewed for 5\d s \(grace period 50 s\): Ready=Unknown$/,
			`${KCM} → kube-apiserver: PUT /api/v1/nodes/node-2/status (Ready=Unknown: Kubelet stopped posting node status.)`,
			`${KCM} → kube-apiserver: PUT /api/v1/namespaces/default/pods/${victim}/status (Ready=False: node node-2 is not ready)`,
			`${KCM} → kube-apiserver: PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/unreachable:NoSchedule)`,
			`${KCM} → kube-apiserver: PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/unreachable:NoExecute)`,
			`[${KCM}] default/${victim} on node-2 tolerates node.kubernetes.io/unreachable:NoExecute for 300 s: deletion in 300 s`
		]);
		const off = time('down', (l) => l === '[user] power off node-2');
		const unknown = time('down', (l) => l.includes('PUT /api/v1/nodes/node-2/status'));
		expect(unknown - off).toBeGreaterThanOrEqual(40_000);
		expect(unknown - off).toBeLessThanOrEqual(60_000);
		// The NoExecute taint waits for the next 5 s pass, which sees Unknown as observed.
		const noExecute = time('down', (l) => l.endsWith('(taint node.kubernetes.io/unreachable:NoExecute)'));
		expect(noExecute - unknown).toBeGreaterThan(4_000);
		expect(noExecute - unknown).toBeLessThan(6_000);
	});

	it('the periodic check notes only what changes: a handful of notes over six minutes, not one per 5 s pass', () => {
		const notes = [...entriesOf(run, 'down'), ...entriesOf(run, 'evict')].filter((e) => e.type === 'note' && e.actor === KCM);
		expect(notes.length).toBeLessThanOrEqual(6);
	});

	it('300 s after the NoExecute taint: DisruptionTarget, a graceful DELETE, a replacement bound to node-1 or node-3', () => {
		inOrder(evict, [
			`[${KCM}] default/${victim} on node-2: its toleration of node.kubernetes.io/unreachable:NoExecute (300 s) ran out, so delete it`,
			`${KCM} → kube-apiserver: PATCH /api/v1/namespaces/default/pods/${victim}/status (DisruptionTarget: DeletionByTaintManager)`,
			`${KCM} → kube-apiserver: DELETE /api/v1/namespaces/default/pods/${victim}`,
			'kube-apiserver → kube-controller-manager: 200 OK (Pod is Terminating, grace 30 s)',
			`${KCM} → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName nginx-`,
			/^kube-scheduler → kube-apiserver: POST \/api\/v1\/namespaces\/default\/pods\/\S+\/binding \(bind Pod \S+ to node-[13]: 2\/3 nodes fit \(others: 1 node\(s\) had untolerated taint \{node.kubernetes.io\/unreachable: \}\)/
		]);
		const tainted = time('down', (l) => l.endsWith('(taint node.kubernetes.io/unreachable:NoExecute)'));
		const deleted = time('evict', (l) => l.startsWith(`${KCM} → kube-apiserver: DELETE`));
		expect(deleted - tainted).toBeGreaterThanOrEqual(300_000);
		expect(deleted - tainted).toBeLessThan(301_000);
		// No kubelet finishes the old Pod: it stays Terminating on node-2.
		expect(cluster.cp.sim.trace.entries.slice(0, run.sections.evict?.to).some((e) => e.type === 'message' && e.summary.includes(`pods/${victim}?gracePeriodSeconds=0`))).toBe(false);
	});

	it('power on: Ready=True from the kubelet, both taints removed, the old Pod finished with DELETE grace 0', () => {
		inOrder(up, [
			'[user] power on node-2',
			'kubelet-2 → kube-apiserver: PATCH /api/v1/nodes/node-2/status (Ready=True (kubelet started))',
			`kubelet-2 → kube-apiserver: DELETE /api/v1/namespaces/default/pods/${victim}?gracePeriodSeconds=0`
		]);
		expect(up).toContain(`${KCM} → kube-apiserver: PATCH /api/v1/nodes/node-2 (remove taint node.kubernetes.io/unreachable:NoSchedule)`);
		expect(up).toContain(`${KCM} → kube-apiserver: PATCH /api/v1/nodes/node-2 (remove taint node.kubernetes.io/unreachable:NoExecute)`);
		expect(cluster.nodeObjects().every((n) => (n.spec.taints ?? []).length === 0)).toBe(true);
		expect(cluster.pods().map((p) => p.metadata.name)).not.toContain(victim);
		expect(cluster.pods().every((p) => p.spec.nodeName !== 'node-2')).toBe(true);
	});

	it('hub rule and scene connections hold throughout', () => {
		const all = cluster.cp.sim.trace.messages();
		expect(hubRuleBreaks(all)).toEqual([]);
		const vias = new Set(kubernetesScene.connections.map((c) => c.id));
		expect(all.filter((m) => !vias.has(m.via))).toEqual([]);
		expect(messagesOf(run, 'up').length).toBeGreaterThan(0);
	});
});
