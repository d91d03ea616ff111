import { describe, expect, it } from 'vitest';
import { Prng } from '../../core/prng';
import type { Node, Pod, Taint } from '../types';
import { spreadKey, type NodeInfo } from './cache';
import { selectHost } from './decide';
import { filterNode, fitErrorMessage } from './filter';
import { bytes, milliCpu, podRequests } from './quantity';
import { backoffMs } from './queue';
import { scoreNodes } from './score';

// The plugins as pure functions: a node snapshot and a Pod in, reasons or scores out.

const node = (name: string, taints: Taint[] = []): Node => ({
	apiVersion: 'v1',
	kind: 'Node',
	metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '' },
	spec: { taints },
	status: { allocatable: { cpu: '1900m', memory: '7Gi', pods: '110' } }
});

const aPod = (name: string, extra: Partial<Pod['spec']> = {}, owner?: string): Pod => ({
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: '', ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner }] : undefined },
	spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra }
});

/** A NodeInfo with the given Pods on it (their requests summed and owners counted as the cache does). */
function info(n: Node, pods: Pod[] = []): NodeInfo {
	const i: NodeInfo = { node: n, allocatable: { cpu: 1900, memory: 7 * 2 ** 30, pods: 110 }, pods: [], requested: { cpu: 0, memory: 0 }, nonZeroRequested: { cpu: 0, memory: 0 }, owners: new Map() };
	for (const pod of pods) {
		const requests = podRequests(pod);
		const key = spreadKey(pod);
		if (key) i.owners.set(key, (i.owners.get(key) ?? 0) + 1);
		i.pods.push({ pod, requests });
		i.requested.cpu += requests.requested.cpu;
		i.requested.memory += requests.requested.memory;
		i.nonZeroRequested.cpu += requests.nonZero.cpu;
		i.nonZeroRequested.memory += requests.nonZero.memory;
	}
	return i;
}

describe('quantities', () => {
	it.each([
		['1900m', 1900],
		['2', 2000],
		['0.5', 500],
		['250m', 250]
	])('cpu %s = %i millicores', (q, m) => expect(milliCpu(q)).toBe(m));
	it.each([
		['7Gi', 7 * 2 ** 30],
		['128Mi', 128 * 2 ** 20],
		['1G', 1e9],
		['1000', 1000]
	])('memory %s = %i bytes', (q, b) => expect(bytes(q)).toBe(b));
});

describe('filter', () => {
	const n = node('node-1', [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
	it.each([
		['no toleration', [], ['node(s) had untolerated taint {dedicated: gpu}']],
		['Equal toleration', [{ key: 'dedicated', operator: 'Equal' as const, value: 'gpu', effect: 'NoSchedule' as const }], []],
		['Exists with no key tolerates everything', [{ operator: 'Exists' as const }], []],
		['wrong value', [{ key: 'dedicated', operator: 'Equal' as const, value: 'db' }], ['node(s) had untolerated taint {dedicated: gpu}']]
	])('taint dedicated=gpu:NoSchedule, %s', (_, tolerations, reasons) => {
		expect(filterNode(aPod('p', { tolerations }), info(n), { cpu: 0, memory: 0 })).toEqual(reasons);
	});

	it('a PreferNoSchedule taint never filters', () => {
		expect(filterNode(aPod('p'), info(node('n', [{ key: 'k', effect: 'PreferNoSchedule' }])), { cpu: 0, memory: 0 })).toEqual([]);
	});

	it('reports every resource that is short, after the pod count', () => {
		expect(filterNode(aPod('p'), { ...info(node('n')), allocatable: { cpu: 100, memory: 100, pods: 0 } }, { cpu: 200, memory: 200 })).toEqual([
			'Too many pods',
			'Insufficient cpu',
			'Insufficient memory'
		]);
	});
});

describe('FitError message', () => {
	it.each([
		[3, [['Insufficient cpu'], ['Insufficient cpu'], ['Insufficient cpu']], '0/3 nodes are available: 3 Insufficient cpu.'],
		[2, [['Insufficient cpu', 'Insufficient memory'], ['Insufficient memory']], '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.'],
		// Sorted as strings, as Go's sort.Strings does: "10 …" before "2 …", uppercase before lowercase.
		[12, [...Array<string[]>(10).fill(['node(s) were unschedulable']), ['Too many pods'], ['Too many pods']], '0/12 nodes are available: 10 node(s) were unschedulable, 2 Too many pods.'],
		[0, [], 'no nodes available to schedule pods']
	])('%i nodes', (count, reasons, message) => expect(fitErrorMessage(count, reasons)).toBe(message));
});

describe('score', () => {
	it('three equal nodes, best-effort Pod: LeastAllocated 91 + TaintToleration 3 × 100 = 391 each', () => {
		// cpu: (1900 − 2 × 100) × 100 / 1900 = 89; memory: (7168 − 2 × 200) × 100 / 7168 = 94 (MiB); (89 + 94) / 2 = 91.
		const nodes = ['node-1', 'node-2', 'node-3'].map((n) => info(node(n), [aPod(`on-${n}`)]));
		expect(scoreNodes(aPod('p'), podRequests(aPod('p')), nodes, nodes).map((s) => s.total)).toEqual([391, 391, 391]);
	});

	it('PodTopologySpread prefers the node with fewer Pods of the same owner', () => {
		const nodes = [info(node('node-1'), [aPod('a', {}, 'rs'), aPod('b', {}, 'rs')]), info(node('node-2'), [aPod('c', {}, 'other'), aPod('d', {}, 'other')])];
		const spread = scoreNodes(aPod('p', {}, 'rs'), podRequests(aPod('p')), nodes, nodes).map((s) => s.plugins.PodTopologySpread);
		// raw: 2 × ln(4) + 2 = 4.77 → 5 and 0 × ln(4) + 2 = 2; normalized 100 × (5 + 2 − s) / 5.
		expect(spread).toEqual([40, 100]);
	});

	it('an untolerated PreferNoSchedule taint costs TaintToleration its 300', () => {
		const nodes = [info(node('node-1', [{ key: 'k', effect: 'PreferNoSchedule' }])), info(node('node-2'))];
		expect(scoreNodes(aPod('p'), podRequests(aPod('p')), nodes, nodes).map((s) => s.plugins.TaintToleration)).toEqual([0, 100]);
	});
});

describe('selectHost and back-off', () => {
	it('breaks a three-way tie uniformly at random (reservoir sampling)', () => {
		const rng = new Prng('ties');
		const scores = ['a', 'b', 'c'].map((node) => ({ node, total: 7, plugins: {} as never }));
		const wins = new Map<string, number>();
		for (let i = 0; i < 3000; i++) {
			const { node } = selectHost(scores, rng);
			wins.set(node, (wins.get(node) ?? 0) + 1);
		}
		for (const n of ['a', 'b', 'c']) expect(wins.get(n)).toBeGreaterThan(900);
	});

	it('backs off 1 s, doubling, at most 10 s', () => {
		expect([1, 2, 3, 4, 5, 6].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
	});
});
