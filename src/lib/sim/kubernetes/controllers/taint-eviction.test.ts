import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../types';
import { boundPod, DEFAULT_TOLERATIONS, harness, node } from './node-testing';
import { startPodGarbageCollector } from './pod-gc';
import { startTaintEvictionController, tolerationTime } from './taint-eviction';

const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const NOT_READY: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const GPU: Taint = { key: 'gpu', value: 'true', effect: 'NoExecute' };

describe('tolerationTime (GetMatchingTolerations, getMinTolerationTime)', () => {
	it.each<[string, Taint[], Toleration[] | undefined, ReturnType<typeof tolerationTime>]>([
		['no toleration: now', [UNREACHABLE], undefined, 'now'],
		['the admission defaults: 300 s', [UNREACHABLE], DEFAULT_TOLERATIONS, { ms: 300_000, taint: UNREACHABLE }],
		['Exists with no seconds: forever', [UNREACHABLE], [{ operator: 'Exists' }], { ms: 'forever' }],
		['two taints: the shorter toleration', [UNREACHABLE, NOT_READY], [{ key: NOT_READY.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }, DEFAULT_TOLERATIONS[1] as Toleration], { ms: 60_000, taint: NOT_READY }],
		['one of two taints not tolerated: now', [UNREACHABLE, GPU], DEFAULT_TOLERATIONS, 'now'],
		['tolerationSeconds 0 or less: at once', [UNREACHABLE], [{ key: UNREACHABLE.key, operator: 'Exists', tolerationSeconds: -5 }], { ms: 0, taint: UNREACHABLE }],
		['Equal needs the value', [GPU], [{ key: 'gpu', operator: 'Equal', value: 'false' }], 'now']
	])('%s', (_, taints, tolerations, want) => {
		expect(tolerationTime(taints, tolerations)).toEqual(want);
	});
});

interface Case {
	name: string;
	tolerations?: Toleration[];
	/** [ms, taints set on node-1 by someone else (the node lifecycle controller, an admin)]. */
	taints: [number, Taint[]][];
	until: number;
	requests: string[];
	notes?: string[];
}

const cases: Case[] = [
	{
		name: 'default tolerations: deleted 300 s after the controller saw the taint',
		taints: [[10_000, [UNREACHABLE]]],
		until: 320_000,
		requests: ['310s PATCH /api/v1/namespaces/default/pods/web/status (DisruptionTarget: DeletionByTaintManager)', '310s DELETE /api/v1/namespaces/default/pods/web'],
		notes: ['default/web on node-1 tolerates node.kubernetes.io/unreachable:NoExecute for 300 s: deletion in 300 s', 'default/web on node-1: its toleration of node.kubernetes.io/unreachable:NoExecute (300 s) ran out, so delete it']
	},
	{
		name: 'a taint the Pod does not tolerate: deleted at once',
		taints: [[10_000, [GPU]]],
		until: 20_000,
		requests: ['10s PATCH /api/v1/namespaces/default/pods/web/status (DisruptionTarget: DeletionByTaintManager)', '10s DELETE /api/v1/namespaces/default/pods/web'],
		notes: ['default/web on node-1 does not tolerate gpu=true:NoExecute, so delete it']
	},
	{
		name: 'the taint is lifted before the time runs out: no deletion',
		taints: [
			[10_000, [UNREACHABLE]],
			[100_000, []]
		],
		until: 400_000,
		requests: [],
		notes: ['default/web on node-1 tolerates node.kubernetes.io/unreachable:NoExecute for 300 s: deletion in 300 s', 'default/web: node-1 has no NoExecute taint any more, so its deletion is cancelled']
	},
	{
		name: 'not-ready swapped for unreachable: the clock keeps its start (CreatedAt)',
		taints: [
			[10_000, [NOT_READY]],
			[60_000, [UNREACHABLE]]
		],
		until: 320_000,
		requests: ['310s PATCH /api/v1/namespaces/default/pods/web/status (DisruptionTarget: DeletionByTaintManager)', '310s DELETE /api/v1/namespaces/default/pods/web']
	},
	{
		name: 'tolerated forever: nothing',
		tolerations: [{ operator: 'Exists' }],
		taints: [[10_000, [UNREACHABLE]]],
		until: 400_000,
		requests: []
	},
	{
		name: 'a NoSchedule taint is not this controller’s business',
		taints: [[10_000, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]]],
		until: 400_000,
		requests: [],
		notes: []
	}
];

describe('taint eviction: taints and time in, API calls out', () => {
	it.each(cases)('$name', ({ name, tolerations, taints, until, requests, notes }) => {
		const h = harness(name, [node('node-1'), boundPod('web', 'node-1', tolerations)], (ctx) => startTaintEvictionController(ctx));
		for (const [ms, t] of taints) h.at(ms, (c) => c.patch('Node', { name: 'node-1' }, { spec: { taints: t } }));
		h.until(until);
		expect(h.requests()).toEqual(requests);
		if (notes) expect(h.notes()).toEqual(notes);
	});

	it('the deleted Pod is Terminating with its own grace period and DisruptionTarget, and is not deleted twice', () => {
		const h = harness('once', [node('node-1'), boundPod('web', 'node-1')], (ctx) => startTaintEvictionController(ctx));
		h.at(1_000, (c) => c.patch('Node', { name: 'node-1' }, { spec: { taints: [GPU] } }));
		// Another taint change while the Pod is Terminating: the key is kept, no second DELETE.
		h.at(5_000, (c) => c.patch('Node', { name: 'node-1' }, { spec: { taints: [GPU, UNREACHABLE] } }));
		h.until(10_000);
		const pod = h.pod('web');
		expect(pod?.metadata.deletionGracePeriodSeconds).toBe(30);
		expect(pod?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
		expect(h.requests().filter((l) => l.includes('DELETE'))).toHaveLength(1);
		expect(h.events()).toEqual(['TaintManagerEviction: Marking for deletion Pod default/web']);
	});

	it('a cancelled deletion is an Event too', () => {
		const h = harness('cancel', [node('node-1'), boundPod('web', 'node-1')], (ctx) => startTaintEvictionController(ctx));
		h.at(1_000, (c) => c.patch('Node', { name: 'node-1' }, { spec: { taints: [UNREACHABLE] } }));
		h.at(50_000, (c) => c.patch('Node', { name: 'node-1' }, { spec: { taints: [] } }));
		h.until(60_000);
		expect(h.events()).toEqual(['TaintManagerEviction: Cancelling deletion of Pod default/web']);
	});
});

describe('pod GC: orphans of a deleted Node', () => {
	it('a Pod bound to a node that does not exist: quarantine 40 s, GET 404, Failed + DisruptionTarget, DELETE grace 0', () => {
		const h = harness('gc', [node('node-1'), boundPod('web', 'node-9'), boundPod('ok', 'node-1')], (ctx) => startPodGarbageCollector(ctx));
		h.until(100_000);
		expect(h.requests()).toEqual(['60s PATCH /api/v1/namespaces/default/pods/web/status (Failed, DisruptionTarget: DeletionByPodGC)', '60s DELETE /api/v1/namespaces/default/pods/web?gracePeriodSeconds=0']);
		expect(h.notes()).toEqual(['node-9 no longer exists (404 after 40 s in quarantine): force-delete its 1 Pod']);
		expect(h.pod('web')).toBeUndefined();
		expect(h.pod('ok')).toBeDefined();
	});
});
