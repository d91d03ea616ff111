import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../control-plane';
import { rfc3339 } from '../objects';
import type { Lease, Node, Pod } from '../types';
import { startNodeLifecycleController, unknownConditions, zoneState } from './node-lifecycle';
import { conditionTaints, noScheduleDiff } from './node-taints';
import { boundPod, harness, lease, node, renew } from './node-testing';

const UNREACHABLE_NS = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' as const };
const UNREACHABLE_NE = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' as const };

describe('pure parts', () => {
	it.each([
		[['True', 'True', 'True'], 'Normal'],
		[['True', 'Unknown', 'True'], 'Normal'],
		[['Unknown', 'Unknown', 'Unknown'], 'FullDisruption'],
		[['True', 'Unknown', 'Unknown', 'False'], 'PartialDisruption'],
		[['True', 'True', 'True', 'Unknown', 'Unknown', 'False'], 'Normal']
	] as const)('zone state of %j is %s', (statuses, state) => {
		expect(zoneState([...statuses])).toBe(state);
	});

	it.each([
		['Ready=Unknown', node('n', 'Unknown'), ['node.kubernetes.io/unreachable']],
		['Ready=False', node('n', 'False'), ['node.kubernetes.io/not-ready']],
		['Ready=True', node('n'), []],
		['cordoned', { ...node('n'), spec: { unschedulable: true } }, ['node.kubernetes.io/unschedulable']]
	] as const)('NoSchedule taints for %s', (_, n, keys) => {
		expect(conditionTaints(n as Node).map((t) => t.key)).toEqual(keys);
	});

	it('the NoSchedule pass leaves taints it does not manage alone', () => {
		const n = node('n', 'True', [UNREACHABLE_NS, { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
		expect(noScheduleDiff(n)).toEqual({ add: [], remove: [UNREACHABLE_NS] });
	});

	it('Unknown conditions keep their heartbeat, take the reason and message of tryUpdateNodeHealth; none twice', () => {
		const c = unknownConditions(node('n'), 'T') ?? [];
		expect(c.map((x) => [x.type, x.status, x.reason, x.message, x.lastTransitionTime])).toEqual([
			['MemoryPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 'T'],
			['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 'T']
		]);
		expect(c[1]?.lastHeartbeatTime).toBe(rfc3339(DEFAULT_EPOCH, 0));
		expect(unknownConditions({ ...node('n'), status: { conditions: c } }, 'T')).toBeUndefined();
	});
});

interface Case {
	name: string;
	objects: (Node | Lease | Pod)[];
	/** Writes from outside the controller: [ms, what]. */
	events?: [number, (c: Parameters<Parameters<ReturnType<typeof harness>['at']>[1]>[0]) => void][];
	until: number;
	requests: (string | RegExp)[];
	notes?: (string | RegExp)[];
}

/** A kubelet that renews its Lease every 10 s until `stopMs`. */
const renewing = (name: string, stopMs: number, fromMs = 10_000): Case['events'] =>
	Array.from({ length: Math.max(0, Math.floor((stopMs - fromMs) / 10_000) + 1) }, (_, i) => [fromMs + i * 10_000, (c) => renew(c, name, fromMs + i * 10_000)]);

const cases: Case[] = [
	{
		name: 'a node whose Lease is renewed every 10 s: nothing sent, nothing noted',
		objects: [node('node-1'), lease('node-1')],
		events: renewing('node-1', 200_000),
		until: 200_000,
		requests: [],
		notes: []
	},
	{
		name: 'a Lease that stops: Unknown after the grace period, its Pod not ready, NoSchedule at once, NoExecute on the next pass',
		objects: [node('node-1'), lease('node-1'), node('node-2'), lease('node-2'), boundPod('web', 'node-2'), boundPod('api', 'node-1')],
		events: [...(renewing('node-1', 100_000) ?? []), ...(renewing('node-2', 20_000) ?? [])],
		until: 100_000,
		requests: [
			/^7\ds PUT \/api\/v1\/nodes\/node-2\/status \(Ready=Unknown: Kubelet stopped posting node status\.\)$/,
			/^7\ds PUT \/api\/v1\/namespaces\/default\/pods\/web\/status \(Ready=False: node node-2 is not ready\)$/,
			/^7\ds PATCH \/api\/v1\/nodes\/node-2 \(taint node.kubernetes.io\/unreachable:NoSchedule\)$/,
			/^7\ds PATCH \/api\/v1\/nodes\/node-2 \(taint node.kubernetes.io\/unreachable:NoExecute\)$/
		],
		notes: [/^node-2: Lease not renewed for 5\d s \(grace period 50 s\): Ready=Unknown$/, 'node-2: Ready=Unknown, so taint node.kubernetes.io/unreachable:NoSchedule', /^node-2: Ready=Unknown, so taint node.kubernetes.io\/unreachable:NoExecute/]
	},
	{
		name: 'no Lease, but the kubelet posts node status: either heartbeat keeps the node Ready',
		objects: [node('node-1')],
		events: [20_000, 40_000, 60_000, 80_000].map((ms) => [ms, (c) => c.patch('Node', { name: 'node-1' }, { status: { conditions: node('node-1', 'True', [], ms).status?.conditions } }, { subresource: 'status' })]),
		until: 100_000,
		requests: []
	},
	{
		// As after a kube-controller-manager restart: the NoExecute taint is lifted, then queued again (a new timeAdded).
		name: 'at start-up a newly seen node loses its NoExecute taint (markNodeAsReachable) and, still Unknown, gets it back',
		objects: [node('node-1', 'Unknown', [UNREACHABLE_NS, UNREACHABLE_NE]), lease('node-1'), node('node-2'), lease('node-2')],
		events: [[2_000, (c) => c.patch('Node', { name: 'node-1' }, { status: { conditions: node('node-1', 'True', [], 2_000).status?.conditions } }, { subresource: 'status' })]],
		until: 8_000,
		requests: [
			'0s PATCH /api/v1/nodes/node-1 (remove taint node.kubernetes.io/unreachable:NoExecute)',
			'0s PATCH /api/v1/nodes/node-1 (taint node.kubernetes.io/unreachable:NoExecute)',
			'2s PATCH /api/v1/nodes/node-1 (remove taint node.kubernetes.io/unreachable:NoSchedule)',
			'5s PATCH /api/v1/nodes/node-1 (remove taint node.kubernetes.io/unreachable:NoExecute)'
		]
	},
	{
		name: 'every node silent (FullDisruption): Unknown and NoSchedule, but no NoExecute taint',
		objects: [node('node-1'), lease('node-1'), node('node-2'), lease('node-2')],
		until: 120_000,
		requests: [/PUT \/api\/v1\/nodes\/node-1\/status/, /PUT \/api\/v1\/nodes\/node-2\/status/, /PATCH \/api\/v1\/nodes\/node-1 \(taint node.kubernetes.io\/unreachable:NoSchedule\)/, /PATCH \/api\/v1\/nodes\/node-2 \(taint node.kubernetes.io\/unreachable:NoSchedule\)/],
		notes: [/node-1: Lease not renewed/, /node-2: Lease not renewed/, 'zone: Normal → FullDisruption: no node is Ready; stop tainting, lift NoExecute taints', /NoSchedule/, /NoSchedule/]
	},
	{
		name: 'a kubelet that reports Ready=False (renewing its Lease): the not-ready taints, NoSchedule at once, NoExecute on the next pass',
		objects: [node('node-1'), lease('node-1'), node('node-2'), lease('node-2')],
		events: [
			...(renewing('node-1', 30_000) ?? []),
			...(renewing('node-2', 30_000) ?? []),
			[12_000, (c) => c.patch('Node', { name: 'node-2' }, { status: { conditions: node('node-2', 'False', [], 12_000).status?.conditions } }, { subresource: 'status' })]
		],
		until: 30_000,
		requests: ['12s PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/not-ready:NoSchedule)', '15s PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/not-ready:NoExecute)'],
		notes: ['node-2: Ready=False, so taint node.kubernetes.io/not-ready:NoSchedule', /^node-2: Ready=False, so taint node.kubernetes.io\/not-ready:NoExecute/]
	},
	{
		name: 'Ready=False on a node someone tainted unreachable:NoExecute: the next pass swaps it for not-ready at once, no queue',
		objects: [node('node-1'), lease('node-1'), node('node-2', 'False'), lease('node-2')],
		events: [
			...(renewing('node-1', 20_000) ?? []),
			...(renewing('node-2', 20_000) ?? []),
			[6_000, (c) => c.patch('Node', { name: 'node-2' }, { spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }, UNREACHABLE_NE] } })]
		],
		until: 12_000,
		requests: [
			'0s PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/not-ready:NoSchedule)',
			'0s PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/not-ready:NoExecute)',
			'10s PATCH /api/v1/nodes/node-2 (taint node.kubernetes.io/not-ready:NoExecute, remove taint node.kubernetes.io/unreachable:NoExecute)'
		]
	},
	{
		name: 'a cordoned node gets the unschedulable taint',
		objects: [node('node-1'), lease('node-1')],
		events: [[1_000, (c) => c.patch('Node', { name: 'node-1' }, { spec: { unschedulable: true } })]],
		until: 2_000,
		requests: [/^1s PATCH \/api\/v1\/nodes\/node-1 \(taint node.kubernetes.io\/unschedulable:NoSchedule\)$/]
	}
];

describe('node lifecycle controller: heartbeats in, API calls out', () => {
	it.each(cases)('$name', ({ name, objects, events = [], until, requests, notes }) => {
		const h = harness(name, objects, (ctx) => startNodeLifecycleController(ctx));
		for (const [ms, fn] of events) h.at(ms, fn);
		h.until(until);
		// Requests sent in the same millisecond may go in either order: each pattern matches one of them.
		const sent = h.requests();
		expect(sent, sent.join("\n")).toHaveLength(requests.length);
		for (const r of requests) expect(sent.filter((l) => (typeof r === 'string' ? l === r : r.test(l))), String(r)).toHaveLength(1);
		if (notes) {
			const noted = h.notes();
			expect(noted).toHaveLength(notes.length);
			notes.forEach((n, i) => expect(noted[i]).toMatch(n));
		}
	});

	it('a Pod bound to a node that is not Ready is marked Ready=False when the controller sees it', () => {
		const unbound = { ...boundPod('late', ''), spec: { ...boundPod('late', '').spec, nodeName: undefined } };
		const h = harness('bound-late', [node('node-1', 'Unknown', [UNREACHABLE_NS, UNREACHABLE_NE]), lease('node-1'), unbound], (ctx) => startNodeLifecycleController(ctx));
		h.at(1_000, (c) => c.bind({ name: 'late' }, 'node-1'));
		h.until(3_000);
		expect(h.requests()).toContain('1s PUT /api/v1/namespaces/default/pods/late/status (Ready=False: node node-1 is not ready)');
		expect(h.pod('late')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
	});

	it('a node that comes back: Ready=True from its kubelet, NoSchedule lifted on the Node update, NoExecute by the next pass', () => {
		const h = harness('back', [node('node-1'), lease('node-1'), node('node-2'), lease('node-2')], (ctx) => startNodeLifecycleController(ctx));
		for (const [ms, fn] of renewing('node-1', 120_000) ?? []) h.at(ms, fn);
		h.at(90_000, (c) => c.patch('Node', { name: 'node-2' }, { status: { conditions: node('node-2', 'True', [], 90_000).status?.conditions } }, { subresource: 'status' }));
		h.until(100_000);
		// The pass runs every 5 s from 0.1 s: here the one at 90.1 s, just after the kubelet's post.
		expect(h.requests().filter((l) => parseInt(l) >= 85)).toEqual(['90s PATCH /api/v1/nodes/node-2 (remove taint node.kubernetes.io/unreachable:NoSchedule)', '90s PATCH /api/v1/nodes/node-2 (remove taint node.kubernetes.io/unreachable:NoExecute)']);
		expect(h.node('node-2').spec.taints).toEqual([]);
	});

	it('Events of "node-controller": RegisteredNode per node at its first pass, NodeNotReady for the node and each Pod, RemovingNode', () => {
		const h = harness('events', [node('node-1'), lease('node-1'), node('node-2'), lease('node-2'), boundPod('web', 'node-2')], (ctx) => startNodeLifecycleController(ctx));
		for (const [ms, fn] of renewing('node-1', 100_000) ?? []) h.at(ms, fn);
		h.at(90_000, (c) => c.delete('Node', { name: 'node-2' }));
		h.until(100_000);
		expect(h.events()).toEqual([
			'RegisteredNode: Node node-1 event: Registered Node node-1 in Controller',
			'RegisteredNode: Node node-2 event: Registered Node node-2 in Controller',
			'NodeNotReady: Node node-2 status is now: NodeNotReady',
			'NodeNotReady: Node is not ready',
			'RemovingNode: Node node-2 event: Removing Node node-2 from Controller'
		]);
	});

	it('the node ends Unknown with both unreachable taints, each with timeAdded', () => {
		const h = harness('ends', [node('node-1'), lease('node-1'), node('node-2'), lease('node-2')], (ctx) => startNodeLifecycleController(ctx));
		for (const [ms, fn] of renewing('node-1', 80_000) ?? []) h.at(ms, fn);
		h.until(80_000);
		const n = h.node('node-2');
		expect(n.status?.conditions?.map((c) => c.status)).toEqual(['Unknown', 'Unknown']);
		expect(n.spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
		expect(n.spec.taints?.every((t) => t.timeAdded?.startsWith('2026-01-01T00:0'))).toBe(true);
	});
});
