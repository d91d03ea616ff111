import { describe, expect, it } from 'vitest';
import { kubernetesScene } from '$content/kubernetes/scene';
import { inOrder } from '../node/testing';
import { podsTable } from './tables';
import { isHeartbeat } from './settle';
import { k1, k2, K1_SECTIONS } from './scenarios';
import { entriesOf, hubRuleBreaks, messagesOf, shapeOf } from './testing';

// flows.md K2, continuing the K1 run: scale to 5, then to 2.
describe('K2 recorded: scale to 5, then to 2', () => {
	const run = k2();
	const { cluster } = run;
	const KCM = 'kube-controller-manager';
	const rs = cluster.replicaSets()[0]?.metadata.name ?? '';
	const up = shapeOf(entriesOf(run, 'up'));
	const down = shapeOf(entriesOf(run, 'down'));
	const podLine = /POST \/api\/v1\/namespaces\/default\/pods\/(\S+)\/binding \(bind Pod \S+ to (node-\d)/;
	const added = up.flatMap((l) => podLine.exec(l)?.slice(1, 3) ?? []);
	const [podD, nodeD, podE, nodeE] = added;

	it('matches the golden record (the sections after K1; K1 is k1.txt)', async () => {
		await expect(run.recording.text(K1_SECTIONS, 'Starts from K1 settled: the same run (seed k1), whose first sections are __golden__/k1.txt.\n')).toMatchFileSnapshot('./__golden__/k2.txt');
	});

	it('continues K1 exactly: the same run up to K1 settled', () => {
		const sections = (text: string) => text.slice(text.indexOf('\n## '));
		expect(sections(run.recording.text(0)).startsWith(sections(k1().recording.text()))).toBe(true);
	});

	it('the minutes between commands carry heartbeats only (Lease renewals)', () => {
		for (const s of ['minute1', 'minute2']) for (const e of entriesOf(run, s)) expect(isHeartbeat(cluster, e), `${e.id}`).toBe(true);
	});

	it('up: PATCH scale → the same ReplicaSet resized to 5 → 2 Pods in batches 1 then 2, each bound once', () => {
		inOrder(up, [
			'kubectl → kube-apiserver: PATCH /apis/apps/v1/namespaces/default/deployments/nginx/scale {"spec":{"replicas":5}}',
			`${KCM} → kube-apiserver: PUT /apis/apps/v1/namespaces/default/replicasets/${rs} (replicas 5)`,
			`${KCM} → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName ${rs}-, batch 1)`,
			`${KCM} → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName ${rs}-, batch 2)`
		]);
		expect(up.filter((l) => l.includes('POST /apis/apps/v1/namespaces/default/replicasets'))).toEqual([]);
		expect(added).toHaveLength(4);
		// Every node runs one nginx: a random tie for the first; the second avoids the node just chosen.
		expect(nodeD).not.toBe(nodeE);
	});

	it('up: each new Pod starts with the image cached: PullImage is one manifest HEAD with the kept token', () => {
		for (const [pod, node] of [[podD, nodeD], [podE, nodeE]]) {
			const n = node?.slice(5) ?? '';
			inOrder(up, [
				`kube-apiserver → kubelet-${n}: watch: Pod ${pod} ADDED`,
				`kubelet-${n} → runtime-${n}: CRI RunPodSandbox(${pod})`,
				`kubelet-${n} → runtime-${n}: CRI ImageStatus(docker.io/library/nginx:latest)`,
				`runtime-${n} → kubelet-${n}: ImageStatus: present`,
				`kubelet-${n} → runtime-${n}: CRI PullImage(docker.io/library/nginx:latest)`,
				`runtime-${n} → registry: HEAD /v2/library/nginx/manifests/latest (with the token)`,
				`kubelet-${n} → runtime-${n}: CRI StartContainer(`,
				`kubelet-${n} → kube-apiserver: PATCH /api/v1/namespaces/default/pods/${pod}/status (Running, podIP`
			]);
		}
		expect(up.filter((l) => / → registry: /.test(l))).toEqual([expect.stringContaining('HEAD'), expect.stringContaining('HEAD')]);
		expect(up).toContain(`${KCM} → kube-apiserver: PUT /apis/apps/v1/namespaces/default/deployments/nginx/status (replicas 5, updated 5, ready 5, available 5)`);
	});

	it('down: three DELETEs as the ranking says: the new Pods (ready for less time), then one of the doubled-up old ones', () => {
		const deletes = down.filter((l) => l.startsWith(`${KCM} → kube-apiserver: DELETE`));
		const victims = deletes.map((l) => /pods\/(\S+)/.exec(l)?.[1]);
		expect(victims).toHaveLength(3);
		expect(victims.slice(0, 2).sort()).toEqual([podD, podE].sort());
		expect(deletes.slice(0, 2).every((l) => l.endsWith(': ready for less time)'))).toBe(true);
		// The third is the older Pod on a node with two; the Pod alone on its node is kept.
		const lone = ['node-1', 'node-2', 'node-3'].find((n) => n !== nodeD && n !== nodeE);
		const kept = cluster.pods();
		expect(kept.map((p) => p.spec.nodeName)).toContain(lone);
		expect(kept.map((p) => p.metadata.name)).not.toContain(victims[2]);
		expect(new Set(kept.map((p) => p.spec.nodeName)).size).toBe(2);
	});

	it('down: each victim ends gracefully: Terminating → Killing → StopContainer → SIGQUIT → sandbox down → final DELETE', () => {
		const victims = down.filter((l) => l.startsWith(`${KCM} → kube-apiserver: DELETE`)).map((l) => /pods\/(\S+)/.exec(l)?.[1] ?? '');
		for (const pod of victims) {
			// The kubelet that hears the deletionTimestamp is the one on the Pod's node.
			const k = /^kube-apiserver → kubelet-(\d+): watch: Pod \S+ MODIFIED/.exec(down.find((l) => l.startsWith('kube-apiserver → kubelet-') && l.includes(`watch: Pod ${pod} MODIFIED`)) ?? '')?.[1];
			const kubelet = `kubelet-${k ?? '?'}`;
			inOrder(down, [
				`kube-apiserver → ${KCM}: 200 OK (Pod is Terminating, grace 30 s)`,
				`${kubelet} → kube-apiserver: POST /api/v1/namespaces/default/events (Killing: Stopping container nginx)`,
				`${kubelet} → runtime-${k}: CRI StopContainer(`,
				`runtime-${k} → pod-${k}`,
				`${kubelet} → runtime-${k}: CRI StopPodSandbox(`,
				`${kubelet} → kube-apiserver: DELETE /api/v1/namespaces/default/pods/${pod}?gracePeriodSeconds=0`,
				`kube-apiserver → ${KCM}: watch: Pod ${pod} DELETED`
			]);
		}
		expect(down.filter((l) => l.includes('SIGQUIT to nginx'))).toHaveLength(3);
		expect(down.filter((l) => l.includes('SIGKILL'))).toEqual([]);
	});

	it('ends 2/2: two Pods Running, on two nodes, none Terminating; hub rule holds throughout', () => {
		expect(cluster.deployments()[0]?.status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
		expect(podsTable(cluster.pods()).rows.map((r) => r[1])).toEqual(['Running', 'Running']);
		expect(hubRuleBreaks(cluster.cp.sim.trace.messages())).toEqual([]);
		const vias = new Set(kubernetesScene.connections.map((c) => c.id));
		// Seed k1 puts a scale-up Pod on node-3, in pod-3b: the scene has that slot (for managed-aks's rsnzb), so every via is drawn.
		expect([...new Set(cluster.cp.sim.trace.messages().filter((x) => !vias.has(x.via)).map((x) => x.via))]).toEqual([]);
		const m = messagesOf(run, 'down');
		expect((m.at(-1)?.time ?? 0) - (m[0]?.time ?? 0)).toBeLessThan(5000);
	});
});
