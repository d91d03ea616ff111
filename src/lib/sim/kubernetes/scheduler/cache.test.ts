import { describe, expect, it } from 'vitest';
import { Prng } from '../../core/prng';
import type { Node, Pod } from '../types';
import { podKey, SchedulerCache, type NodeInfo } from './cache';
import { podRequests } from './quantity';

// The cache keeps each node's Pods and sums as things change; this checks it against the plain
// definition (every Pod counted on its nodeName, else on the node it is assumed on, if that node is
// known; counted by owner unless terminating), recomputed from scratch after every step of random sequences.

const node = (name: string, pods = '110'): Node => ({
	apiVersion: 'v1',
	kind: 'Node',
	metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '' },
	spec: {},
	status: { allocatable: { cpu: '1900m', memory: '7Gi', pods } }
});

const pod = (name: string, nodeName: string | undefined, cpu: string | undefined, owner?: string, terminating = false): Pod => ({
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: {
		name,
		namespace: 'default',
		uid: name,
		resourceVersion: '1',
		creationTimestamp: '',
		deletionTimestamp: terminating ? '2026-01-01T00:00:30Z' : undefined,
		ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] : undefined
	},
	spec: { nodeName, containers: [{ name: 'c', image: 'nginx', resources: cpu ? { requests: { cpu, memory: '64Mi' } } : undefined }] }
});

/** A snapshot as plain data, each node's Pods by key (their order is not part of the contract). */
const view = (infos: NodeInfo[]) =>
	infos.map((n) => ({ node: n.node.metadata.name, allocatable: n.allocatable, pods: n.pods.map((p) => podKey(p.pod)).sort(), requested: { ...n.requested }, nonZero: { ...n.nonZeroRequested }, owners: Object.fromEntries([...n.owners].sort()) }));

function countBy(keys: string[]): Map<string, number> {
	const m = new Map<string, number>();
	for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
	return m;
}

function naive(nodes: Map<string, Node>, pods: Map<string, Pod>, assumed: Map<string, string>) {
	return [...nodes.keys()].sort().map((name) => {
		const on = [...pods].filter(([key, p]) => (p.spec.nodeName || assumed.get(key)) === name);
		const sum = (f: (r: ReturnType<typeof podRequests>) => number) => on.reduce((t, [, p]) => t + f(podRequests(p)), 0);
		return {
			node: name,
			allocatable: { cpu: 1900, memory: 7 * 2 ** 30, pods: Number(nodes.get(name)?.status?.allocatable?.pods) },
			pods: on.map(([key]) => key).sort(),
			requested: { cpu: sum((r) => r.requested.cpu), memory: sum((r) => r.requested.memory) },
			nonZero: { cpu: sum((r) => r.nonZero.cpu), memory: sum((r) => r.nonZero.memory) },
			// Not terminating, counted by first owner, as topology spreading counts them.
			owners: Object.fromEntries([...countBy(on.filter(([, p]) => !p.metadata.deletionTimestamp && p.metadata.ownerReferences).map(([, p]) => `default\u0000${p.metadata.ownerReferences?.[0]?.uid}`))].sort())
		};
	});
}

describe('SchedulerCache', () => {
	it.each(['s1', 's2', 's3', 's4'])('matches the plain definition after every step of a random sequence (seed %s)', (seed) => {
		const rng = new Prng(seed);
		const cache = new SchedulerCache();
		const nodes = new Map<string, Node>();
		const pods = new Map<string, Pod>();
		const assumed = new Map<string, string>();
		const nodeNames = ['node-1', 'node-2', 'node-3', 'node-4'];
		const podNames = Array.from({ length: 12 }, (_, i) => `p${i}`);
		for (let step = 0; step < 600; step++) {
			const op = rng.int(6);
			const name = rng.pick(podNames);
			const key = `default/${name}`;
			const where = rng.pick(nodeNames);
			if (op === 0) {
				const n = node(where, String(100 + rng.int(20)));
				nodes.set(where, n);
				cache.setNode(n);
			} else if (op === 1) {
				nodes.delete(where);
				cache.removeNode(where);
			} else if (op === 2) {
				const p = pod(name, rng.int(2) ? where : undefined, rng.pick([undefined, '100m', '250m', '1']), rng.pick([undefined, 'rs-a', 'rs-b']), rng.int(4) === 0);
				pods.set(key, p);
				if (p.spec.nodeName) assumed.delete(key);
				cache.setPod(p);
			} else if (op === 3) {
				pods.delete(key);
				assumed.delete(key);
				cache.removePod(key);
			} else if (op === 4) {
				assumed.set(key, where);
				cache.assume(key, where);
			} else {
				assumed.delete(key);
				cache.forget(key);
			}
			expect(view(cache.snapshot()), `step ${step}`).toEqual(naive(nodes, pods, assumed));
		}
	});
});
