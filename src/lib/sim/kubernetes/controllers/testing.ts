// Test support: a control plane with kube-controller-manager's workload controllers running, and the
// parts of the scheduler and kubelet the tests play by hand (bind, report Running and Ready).
import { ControlPlane } from '../control-plane';
import { rfc3339 } from '../objects';
import { ok, syncClient } from '../testing';
import type { Deployment, Pod, ReplicaSet } from '../types';
import { startControllerManager } from './index';

export function cluster(seed: string | number = 'controllers') {
	const cp = new ControlPlane({ seed, nodes: ['node-1', 'node-2', 'node-3'] });
	startControllerManager(cp.context('kube-controller-manager'));
	cp.sim.queue.runUntilIdle();
	const kubectl = syncClient(cp);
	const storage = cp.apiserver.storage;
	return {
		cp,
		kubectl,
		pods: () => storage.list('/registry/pods/default/') as Pod[],
		replicaSets: () => storage.list('/registry/replicasets/default/') as ReplicaSet[],
		deployment: (name: string) => storage.get(`/registry/deployments/default/${name}`) as Deployment,
		/** Runs the clock forward (the queue must be idle: nothing here is periodic). */
		wait(ms: number) {
			cp.sim.queue.runUntil(cp.sim.now + ms);
			cp.sim.queue.runUntilIdle();
		},
		/** The scheduler's bind and the kubelet's status patch: Running, Ready=True since now. */
		run(pod: string, node: string, restarts = 0) {
			ok(syncClient(cp, 'kube-scheduler').bind({ name: pod }, node));
			const now = rfc3339(Date.UTC(2026, 0, 1), cp.sim.now);
			const conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: now }];
			const containerStatuses = [{ name: 'nginx', image: 'nginx', ready: true, restartCount: restarts, state: { running: { startedAt: now } } }];
			ok(kubectl.patch('Pod', { name: pod }, { status: { phase: 'Running', conditions, containerStatuses } }, 'status'));
		}
	};
}

/** Log lines without time and ids: "kube-controller-manager → kube-apiserver: POST …". */
export const shape = (cp: ControlPlane) => cp.sim.trace.lines().map((l) => l.replace(/^t=\S+ \S+ /, ''));
