// Test support: a control plane with preloaded worker nodes (Node and Lease objects, as in a cluster
// that has been running) and their kubelets and runtimes started.
import { expect } from 'vitest';
import { ControlPlane } from '../control-plane';
import { node, pod } from '../fixtures';
import type { KubeObject, Pod } from '../types';
import { startNode, startRegistry, type NodeOptions, type WorkerNode } from './node';

export function clusterWithNodes(seed: string, count = 1, options: Partial<NodeOptions> = {}) {
	const names = Array.from({ length: count }, (_, i) => `node-${i + 1}`);
	const cp = new ControlPlane({ seed, nodes: names });
	for (const name of names) {
		cp.preload({ apiVersion: 'v1', ...node(name), metadata: cp.meta(name) } as KubeObject);
		cp.preload({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: cp.meta(name, 'kube-node-lease'), spec: { holderIdentity: name, leaseDurationSeconds: 40 } });
	}
	const registry = startRegistry(cp);
	const nodes: Record<string, WorkerNode> = {};
	for (const name of names) nodes[name] = startNode(cp, { ...options, node: name, registry });
	return { cp, nodes };
}

/** Trace lines without time and ids, for order checks. */
export const shape = (cp: ControlPlane) =>
	cp.sim.trace.entries.map((e) => (e.type === 'message' ? `${e.from} → ${e.to}: ${e.summary}` : `[${e.actor}] ${e.text}`));

/** Asserts that each pattern matches a line after the line the previous one matched; returns the indexes. */
export function inOrder(lines: string[], patterns: (string | RegExp)[]): number[] {
	let from = 0;
	return patterns.map((p) => {
		const i = lines.findIndex((l, j) => j >= from && (typeof p === 'string' ? l.includes(p) : p.test(l)));
		expect(i, `${String(p)} after line ${from}`).toBeGreaterThanOrEqual(0);
		from = i + 1;
		return i;
	});
}

/** kubectl creates a Pod, then the scheduler (played here) binds it to a node. */
export function runPod(env: ReturnType<typeof clusterWithNodes>, name: string, nodeName = 'node-1', image = 'nginx') {
	const { cp } = env;
	cp.action(`kubectl run ${name} --image=${image}`, () => cp.client('kubectl').create({ ...pod(name), spec: { containers: [{ name: 'nginx', image }] } }));
	cp.sim.queue.runUntil(cp.sim.now + 100);
	cp.action(`bind ${name} to ${nodeName}`, () => cp.client('kube-scheduler').bind({ name }, nodeName));
}

export const stored = (env: ReturnType<typeof clusterWithNodes>, name: string) => env.cp.apiserver.storage.get(`/registry/pods/default/${name}`) as Pod | undefined;

