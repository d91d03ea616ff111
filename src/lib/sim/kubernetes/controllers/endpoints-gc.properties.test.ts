import { describe, expect, it } from 'vitest';
import { Prng } from '../../core/prng';
import { ControlPlane } from '../control-plane';
import { deployment } from '../fixtures';
import { rfc3339 } from '../objects';
import type { Endpoint, EndpointSlice, KubeObject, Pod, Service } from '../types';
import { podToEndpoint, SERVICE_NAME_LABEL, shouldBeInSlice } from './endpoints';
import { startControllerManager, startEndpointSliceController, startGarbageCollector } from './index';
import { desiredRules, startKubeProxy } from '../proxy/kube-proxy';

// Random workload traffic against kube-controller-manager with the EndpointSlice controller and the
// garbage collector: Deployments created, scaled and deleted, Services created and deleted, Pods
// "run" (bound, given an IP, made ready or not) and deleted (gracefully or not), interleaved in time.
// Once the queue is idle, the slices, the ownerReferences and kube-proxy-1's rules must agree with what is stored.
const SEEDS = Array.from({ length: 8 }, (_, i) => `endpoints-gc-${i}`);
const APPS = ['d0', 'd1', 'd2'];

function randomWorkloads(cp: ControlPlane, rng: Prng, count: number, spanMs = 3000): void {
	const admin = cp.client('driver', 'kubernetes-admin');
	const storage = cp.apiserver.storage;
	const somePod = () => {
		const pods = storage.list('/registry/pods/') as Pod[];
		return pods.length ? rng.pick(pods) : undefined;
	};
	const actions: (() => void)[] = [
		() => admin.create(deployment(rng.pick(APPS), rng.int(4))),
		() => admin.scale('Deployment', { name: rng.pick(APPS) }, rng.int(5)),
		() => admin.delete('Deployment', { name: rng.pick(APPS) }),
		() => {
			const app = rng.pick(APPS);
			admin.create({ kind: 'Service', metadata: { name: app, namespace: 'default' }, spec: { type: rng.pick(['ClusterIP', 'NodePort'] as const), selector: { app }, ports: [{ port: 80 }] } });
		},
		() => admin.delete('Service', { name: rng.pick(APPS) }),
		() => {
			const p = somePod();
			if (!p) return;
			if (!p.spec.nodeName) admin.bind({ name: p.metadata.name }, 'node-1');
			const ready = rng.int(3) > 0;
			const now = rfc3339(Date.UTC(2026, 0, 1), cp.sim.now);
			admin.patch('Pod', p.metadata, { status: { phase: 'Running', podIP: `10.244.1.${2 + rng.int(250)}`, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }] } }, { subresource: 'status' });
		},
		() => {
			const p = somePod();
			if (p) admin.delete('Pod', p.metadata, rng.int(2) ? { gracePeriodSeconds: 0 } : {});
		}
	];
	for (let i = 0; i < count; i++) cp.sim.queue.schedule({ at: rng.int(spanMs) }, rng.pick(actions), null);
	// Afterwards, Pods left Terminating by the missing kubelet are finished, as a kubelet would.
	cp.sim.queue.schedule(
		{ at: spanMs + 1000 },
		() => {
			for (const p of storage.list('/registry/pods/') as Pod[]) if (p.metadata.deletionTimestamp) admin.delete('Pod', p.metadata, { gracePeriodSeconds: 0 });
		},
		null
	);
}

describe.each(SEEDS)('EndpointSlices and the garbage collector under random workloads, seed %s', (seed) => {
	const cp = new ControlPlane({ seed, nodes: ['node-1'] });
	const kcm = cp.context('kube-controller-manager');
	startControllerManager(kcm);
	startEndpointSliceController(kcm);
	startGarbageCollector(kcm);
	const proxy = startKubeProxy(cp.context('kube-proxy-1'), { node: 'node-1' });
	randomWorkloads(cp, new Prng(seed).fork('workloads'), 120);
	cp.sim.queue.runUntilIdle();
	const storage = cp.apiserver.storage;
	const pods = storage.list('/registry/pods/') as Pod[];
	const services = storage.list('/registry/services/specs/') as Service[];
	const slices = storage.list('/registry/endpointslices/') as EndpointSlice[];
	const all = ['deployments', 'replicasets', 'pods', 'services/specs', 'endpointslices'].flatMap((p) => storage.list(`/registry/${p}/`) as KubeObject[]);

	it('had something to do', () => {
		const ms = cp.sim.trace.messages();
		expect(ms.filter((m) => m.summary.startsWith('PUT') && m.summary.includes('/endpointslices/')).length).toBeGreaterThan(0);
		expect(ms.filter((m) => m.summary.includes('is gone; propagationPolicy Background')).length).toBeGreaterThan(0);
	});

	it('no object is left whose owner is gone (background cascading delete)', () => {
		const uids = new Set(all.map((o) => o.metadata.uid));
		for (const o of all) for (const ref of o.metadata.ownerReferences ?? []) expect(uids.has(ref.uid), `${o.kind} ${o.metadata.name} → ${ref.kind} ${ref.name}`).toBe(true);
	});

	it('every Service has exactly one slice, and it lists exactly the matching Pods with an IP, with their current conditions', () => {
		for (const svc of services) {
			const mine = slices.filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
			expect(mine, svc.metadata.name).toHaveLength(1);
			const want = pods.filter((p) => p.metadata.labels?.app === svc.spec.selector?.app && shouldBeInSlice(p)).map(podToEndpoint);
			const byPod = (es: Endpoint[]) => [...es].sort((a, b) => ((a.targetRef?.uid ?? '') < (b.targetRef?.uid ?? '') ? -1 : 1));
			expect(byPod(mine[0]?.endpoints ?? []), svc.metadata.name).toEqual(byPod(want));
			expect(mine[0]?.ports ?? [], 'ports: none on the placeholder').toHaveLength(want.length ? 1 : 0);
		}
	});

	it('no slice endpoint names a Pod that does not exist', () => {
		const live = new Set(pods.map((p) => p.metadata.uid));
		for (const s of slices) for (const e of s.endpoints) expect(live.has(e.targetRef?.uid ?? ''), `${s.metadata.name}: ${e.targetRef?.name ?? '?'}`).toBe(true);
	});

	it('kube-proxy ends with the rules the stored Services and slices call for (nothing lost in the bursts)', () => {
		expect(proxy.rules()).toEqual([...desiredRules(services, slices).values()].sort((a, b) => (a.service < b.service ? -1 : 1)));
	});
});
