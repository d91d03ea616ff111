import { describe, expect, it } from 'vitest';
import { inOrder } from '../node/testing';
import { K1_SECTIONS, k3VmDeleted } from './scenarios';
import { entriesOf, hubRuleBreaks, shapeOf } from './testing';

// flows.md K3, the ending on a cloud: the VM is gone, so the Node is deleted and pod GC cleans up.
describe('K3 on a cloud recorded: node-2’s VM is deleted', () => {
	const run = k3VmDeleted();
	const { cluster } = run;
	const lines = shapeOf(entriesOf(run, 'deleted'));
	const victim = /pods\/(\S+)\/status \(Ready=False/.exec(lines.find((l) => l.includes('(Ready=False: node node-2')) ?? '')?.[1] ?? '?';
	const at = (match: (l: string) => boolean) => entriesOf(run, 'deleted').find((e) => match(shapeOf([e])[0] ?? ''))?.time ?? NaN;

	it('matches the golden record (the sections after K1)', async () => {
		const preface = 'Starts from K1 settled (seed k1) with the node controllers and a cloud (cloud-controller-manager, cloud API); its K1 sections are not repeated.\n';
		await expect(run.recording.text(K1_SECTIONS, preface)).toMatchFileSnapshot('./__golden__/k3-vm-deleted.txt');
	});

	it('Unknown, then the ccm asks the cloud, finds no VM and deletes the Node; pod GC force-deletes the Pod; a replacement runs', () => {
		inOrder(lines, [
			'[user] delete the VM of node-2',
			'kube-controller-manager → kube-apiserver: PUT /api/v1/nodes/node-2/status (Ready=Unknown: Kubelet stopped posting node status.)',
			'cloud-controller-manager → cloud-api: InstanceExists(node-2)',
			'cloud-api → cloud-controller-manager: 404 Not Found: no VM node-2',
			'cloud-controller-manager → kube-apiserver: DELETE /api/v1/nodes/node-2 (its VM no longer exists)',
			'kube-controller-manager → kube-apiserver: GET /api/v1/nodes/node-2',
			`kube-controller-manager → kube-apiserver: PATCH /api/v1/namespaces/default/pods/${victim}/status (Failed, DisruptionTarget: DeletionByPodGC)`
		]);
		// Once the Pod is Failed it no longer counts: the ReplicaSet controller's replacement and pod GC's
		// force delete race, either first.
		const failed = at((l) => l.endsWith('(Failed, DisruptionTarget: DeletionByPodGC)'));
		expect(at((l) => l.endsWith(`pods/${victim}?gracePeriodSeconds=0`))).toBeGreaterThan(failed);
		expect(at((l) => l.startsWith('kube-controller-manager → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName nginx-'))).toBeGreaterThan(failed);
		// Pod GC: at least 40 s of quarantine between the Node's deletion and the force delete; all well before the 300 s toleration.
		const nodeDeleted = at((l) => l.startsWith('cloud-controller-manager → kube-apiserver: DELETE /api/v1/nodes/node-2'));
		const podDeleted = at((l) => l.endsWith(`pods/${victim}?gracePeriodSeconds=0`));
		expect(podDeleted - nodeDeleted).toBeGreaterThanOrEqual(40_000);
		expect(podDeleted - nodeDeleted).toBeLessThan(65_000);
		expect(lines.some((l) => l.includes('DeletionByTaintManager'))).toBe(false);
		expect(cluster.nodeObjects().map((n) => n.metadata.name)).toEqual(['node-1', 'node-3']);
		expect(cluster.pods().every((p) => p.status?.phase === 'Running' && p.spec.nodeName !== 'node-2')).toBe(true);
		expect(hubRuleBreaks(cluster.cp.sim.trace.messages())).toEqual([]);
	});
});
