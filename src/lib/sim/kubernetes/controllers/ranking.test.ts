import { describe, expect, it } from 'vitest';
import type { Pod } from '../types';
import { compareForDeletion, deletionCost, podsToDelete } from './ranking';

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Spec {
	node?: string;
	phase?: Pod['status'] extends infer S ? (S extends { phase?: infer P } ? P : never) : never;
	ready?: number;
	cost?: string;
	restarts?: number;
	age?: number;
}

function pod(name: string, s: Spec): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: { name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: at(s.age ?? 3600), ...(s.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': s.cost } } : {}) },
		spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: s.node },
		status: {
			phase: s.phase ?? (s.node ? 'Running' : 'Pending'),
			conditions: s.ready === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: at(s.ready) }],
			containerStatuses: [{ name: 'c', image: 'nginx', ready: s.ready !== undefined, restartCount: s.restarts ?? 0 }]
		}
	};
}

// Each row: two Pods that differ by one rule (the earlier rules tie); `first` is deleted first.
const RULES: [string, Spec, Spec, string][] = [
	['unscheduled before scheduled', { node: 'n1', ready: 60 }, {}, 'unscheduled'],
	['Pending before Unknown', { node: 'n1', phase: 'Unknown' }, { node: 'n1', phase: 'Pending' }, 'phase Pending'],
	['Unknown before Running', { node: 'n1', phase: 'Running' }, { node: 'n1', phase: 'Unknown' }, 'phase Unknown'],
	['not ready before ready', { node: 'n1', ready: 60 }, { node: 'n1' }, 'not ready'],
	['lower pod-deletion-cost first', { node: 'n1', ready: 60 }, { node: 'n1', ready: 60, cost: '-100' }, 'lower pod-deletion-cost (-100)'],
	['ready for less time first', { node: 'n1', ready: 3000 }, { node: 'n1', ready: 60 }, 'ready for less time'],
	['more restarts first', { node: 'n1', ready: 60 }, { node: 'n1', ready: 60, restarts: 4 }, 'more restarts (4)'],
	['newer first', { node: 'n1', ready: 60, age: 3000 }, { node: 'n1', ready: 60, age: 100 }, 'newer']
];

describe('ActivePodsWithRanks.Less, rule by rule', () => {
	it.each(RULES)('%s', (_, kept, first, rule) => {
		const [k, f] = [{ pod: pod('kept', kept), rank: 1 }, { pod: pod('first', first), rank: 1 }];
		expect(compareForDeletion(f, k, NOW)).toEqual([expect.any(Number), rule]);
		expect(compareForDeletion(f, k, NOW)[0]).toBeLessThan(0);
		expect(compareForDeletion(k, f, NOW)[0]).toBeGreaterThan(0);
	});

	it('more replicas of the owner on the same node first (rank)', () => {
		const a = { pod: pod('a', { node: 'n1', ready: 60 }), rank: 2 };
		const b = { pod: pod('b', { node: 'n2', ready: 60 }), rank: 1 };
		expect(compareForDeletion(a, b, NOW)).toEqual([-1, 'node with 2 replicas']);
	});

	it('compares times on a log2 scale: 40 s and 50 s ago tie and fall to UID order', () => {
		const a = { pod: pod('b', { node: 'n1', ready: 40 }), rank: 1 };
		const b = { pod: pod('a', { node: 'n1', ready: 50 }), rank: 1 };
		expect(compareForDeletion(a, b, NOW)).toEqual([1, 'ready for less time by the same power of two, then UID order']);
	});

	it('reads pod-deletion-cost as an int32, anything else as 0', () => {
		expect(['5', '-7', '+3', 'x', '1.5', '99999999999'].map((c) => deletionCost(pod('p', { cost: c })))).toEqual([5, -7, 3, 0, 0, 0]);
	});
});

describe('getPodsToDelete', () => {
	it('ranks by active related Pods on each node, then takes the first `count`', () => {
		const pods = [pod('a', { node: 'n1', ready: 600 }), pod('b', { node: 'n2', ready: 600 }), pod('c', { node: 'n2', ready: 600 }), pod('d', { node: 'n3', ready: 600 })];
		// A Pod of a sibling ReplicaSet on n3 makes n3 as crowded as n2.
		const sibling = pod('old', { node: 'n3', ready: 600 });
		const victims = podsToDelete(pods, [...pods, sibling], 2, NOW);
		expect(victims.map((v) => [v.pod.metadata.name, v.rank])).toEqual([
			['b', 2],
			['c', 2]
		]);
		expect(victims[0]?.why).toBe('before d: tie');
	});

	it('unscheduled first, then not ready, whatever the nodes', () => {
		const pods = [pod('ready', { node: 'n1', ready: 60 }), pod('starting', { node: 'n2' }), pod('pending', {})];
		expect(podsToDelete(pods, pods, 2, NOW).map((v) => `${v.pod.metadata.name}: ${v.why}`)).toEqual(['pending: before ready: unscheduled', 'starting: before ready: not ready']);
	});

	it('deleting all: no ranking, no reasons', () => {
		const pods = [pod('a', {}), pod('b', {})];
		expect(podsToDelete(pods, pods, 2, NOW).map((v) => v.why)).toEqual(['', '']);
	});
});
