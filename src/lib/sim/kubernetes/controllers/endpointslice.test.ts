import { describe, expect, it } from 'vitest';
import { ControlPlane } from '../control-plane';
import { pod } from '../fixtures';
import { rfc3339 } from '../objects';
import { ok, syncClient } from '../testing';
import type { EndpointSlice, NewObject } from '../types';
import { describeEndpoints, podToEndpoint } from './endpoints';
import { startEndpointSliceController, type EndpointSliceOptions } from './endpointslice';

const KCM = 'kube-controller-manager';
const service = (selector?: Record<string, string>): NewObject<'Service'> & { kind: 'Service' } => ({
	kind: 'Service',
	metadata: { name: 'nginx', namespace: 'default' },
	spec: { type: 'LoadBalancer', ...(selector ? { selector } : {}), ports: [{ port: 80 }] }
});

/** A control plane with only the EndpointSlice controller; Pods are run "by hand" (bind + status). */
function setup(options: EndpointSliceOptions = {}) {
	const cp = new ControlPlane({ seed: 'endpointslice', nodes: ['node-1', 'node-2', 'node-3'] });
	startEndpointSliceController(cp.context(KCM), options);
	cp.sim.queue.runUntilIdle();
	const kubectl = syncClient(cp);
	const kubelet = (n: number) => syncClient(cp, `kubelet-${n}`);
	const now = () => rfc3339(Date.UTC(2026, 0, 1), cp.sim.now);
	return {
		cp,
		kubectl,
		slices: () => cp.apiserver.storage.list('/registry/endpointslices/') as EndpointSlice[],
		/** A Pod named `name` bound to node-n, with IP 10.244.n.i, Ready or not. */
		run(name: string, n: number, i: number, ready = true, labels = { app: 'nginx' }) {
			ok(kubectl.create(pod(name, labels)));
			ok(syncClient(cp, 'kube-scheduler').bind({ name }, `node-${n}`));
			const conditions = [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now() }];
			ok(kubelet(n).patch('Pod', { name }, { status: { phase: 'Running', podIP: `10.244.${n}.${i}`, conditions } }, 'status'));
		},
		/** The controller's requests since `mark`, as "VERB path (note)". */
		requests: (mark: number) =>
			cp.sim.trace
				.messages()
				.slice(mark)
				.filter((m) => m.from === KCM && !m.summary.startsWith('GET '))
				.map((m) => m.summary),
		mark: () => cp.sim.trace.messages().length
	};
}

const SLICES = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';

describe('EndpointSlice controller: a change in, the API calls out', () => {
	type Env = ReturnType<typeof setup>;
	const threePods = (e: Env) => [1, 2, 3].forEach((n) => e.run(`web-${n}`, n, 5));
	const cases: { name: string; before: (e: Env) => void; act: (e: Env) => void; calls: (slice: string) => string[] }[] = [
		{ name: 'Service ADDED with 3 ready Pods → POST one slice', before: threePods, act: (e) => ok(e.kubectl.create(service({ app: 'nginx' }))), calls: () => [`POST ${SLICES} (generateName nginx-, 3 endpoints: 3 ready)`] },
		{ name: 'Service without a selector → nothing', before: threePods, act: (e) => ok(e.kubectl.create(service())), calls: () => [] },
		{ name: 'Service ADDED, no Pod matches → a placeholder slice', before: () => undefined, act: (e) => ok(e.kubectl.create(service({ app: 'nginx' }))), calls: () => [`POST ${SLICES} (generateName nginx-, 0 endpoints)`] },
		{
			name: 'Pod gets its IP and Ready → PUT with the endpoint',
			before: (e) => ok(e.kubectl.create(service({ app: 'nginx' }))),
			act: (e) => e.run('web-1', 1, 5),
			calls: (s) => [`PUT ${SLICES}/${s} (1 endpoint: 1 ready)`]
		},
		{
			name: 'Pod not ready → listed, ready=false',
			before: (e) => ok(e.kubectl.create(service({ app: 'nginx' }))),
			act: (e) => e.run('web-1', 1, 5, false),
			calls: (s) => [`PUT ${SLICES}/${s} (1 endpoint: 0 ready, 1 not ready)`]
		},
		{
			name: 'Pod deleted gracefully → PUT, endpoint terminating',
			before: (e) => (threePods(e), ok(e.kubectl.create(service({ app: 'nginx' })))),
			act: (e) => ok(e.kubectl.delete('Pod', { name: 'web-2' })),
			calls: (s) => [`PUT ${SLICES}/${s} (3 endpoints: 2 ready, 1 terminating (1 still serving))`]
		},
		{
			name: 'Pod removed (grace 0) → PUT without it',
			before: (e) => (threePods(e), ok(e.kubectl.create(service({ app: 'nginx' })))),
			act: (e) => ok(e.kubectl.delete('Pod', { name: 'web-2' }, 0)),
			calls: (s) => [`PUT ${SLICES}/${s} (2 endpoints: 2 ready)`]
		},
		{
			name: 'Pod of another app → nothing',
			before: (e) => ok(e.kubectl.create(service({ app: 'nginx' }))),
			act: (e) => e.run('db-1', 1, 7, true, { app: 'db' }),
			calls: () => []
		},
		{
			name: 'Pod status change that is not about its endpoint (restartCount) → nothing',
			before: (e) => (threePods(e), ok(e.kubectl.create(service({ app: 'nginx' })))),
			act: (e) => ok(syncClient(e.cp, 'kubelet-1').patch('Pod', { name: 'web-1' }, { status: { containerStatuses: [{ name: 'nginx', image: 'nginx', ready: true, restartCount: 1 }] } }, 'status')),
			calls: () => []
		},
		{
			name: 'its own slice deleted by someone → POST again',
			before: (e) => (threePods(e), ok(e.kubectl.create(service({ app: 'nginx' })))),
			act: (e) => ok(e.kubectl.delete('EndpointSlice', { name: e.slices()[0]?.metadata.name ?? '' })),
			calls: () => [`POST ${SLICES} (generateName nginx-, 3 endpoints: 3 ready)`]
		}
	];

	it.each(cases)('$name', ({ before, act, calls }) => {
		const e = setup();
		before(e);
		const mark = e.mark();
		act(e);
		e.cp.sim.queue.runUntilIdle();
		expect(e.requests(mark)).toEqual(calls(e.slices()[0]?.metadata.name ?? '-'));
		expect(e.slices().length).toBeLessThanOrEqual(1);
	});
});

describe('EndpointSlice controller: the slice', () => {
	it('is labelled and owned as the real one: service-name, managed-by, owner Service (controller), ports from targetPort', () => {
		const e = setup();
		e.run('web-1', 1, 5);
		const svc = ok(e.kubectl.create(service({ app: 'nginx' })));
		e.cp.sim.queue.runUntilIdle();
		const [slice] = e.slices();
		expect(slice?.metadata.name).toMatch(/^nginx-[a-z0-9]{5}$/);
		expect(slice?.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'nginx', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
		expect(slice?.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'nginx', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
		expect(slice?.addressType).toBe('IPv4');
		expect(slice?.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
		expect(slice?.endpoints[0]).toMatchObject({ addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web-1' } });
	});

	it('the placeholder slice (no Pod matches) has no ports; once a Pod matches, the same slice gets them', () => {
		const e = setup();
		ok(e.kubectl.create(service({ app: 'nginx' })));
		e.cp.sim.queue.runUntilIdle();
		const placeholder = e.slices()[0];
		expect(placeholder?.ports).toEqual([]);
		e.run('web-1', 1, 5);
		expect(e.slices().map((s) => [s.metadata.name, s.ports])).toEqual([[placeholder?.metadata.name, [{ name: '', port: 80, protocol: 'TCP' }]]]);
	});

	it('endpoints keep their places; a new Pod is added at the end, whatever its name', () => {
		const e = setup();
		e.run('web-b', 1, 5);
		e.run('web-c', 2, 5);
		ok(e.kubectl.create(service({ app: 'nginx' })));
		e.cp.sim.queue.runUntilIdle();
		ok(e.kubectl.delete('Pod', { name: 'web-b' }, 0));
		e.run('web-a', 3, 5);
		e.cp.sim.queue.runUntilIdle();
		expect(e.slices()[0]?.endpoints.map((x) => x.targetRef?.name)).toEqual(['web-c', 'web-a']);
	});

	it('a Service deleted and made again at once gets a new slice; the old one (owned by the old uid) is left to the GC', () => {
		const e = setup();
		e.run('web-1', 1, 5);
		ok(e.kubectl.create(service({ app: 'nginx' })));
		e.cp.sim.queue.runUntilIdle();
		ok(e.kubectl.delete('Service', { name: 'nginx' }));
		const again = ok(e.kubectl.create(service({ app: 'nginx' })));
		e.cp.sim.queue.runUntilIdle();
		const owners = e.slices().map((s) => s.metadata.ownerReferences?.[0]?.uid);
		expect(owners).toHaveLength(2);
		expect(owners).toContain(again.metadata.uid);
	});

	it('a slice deleted by someone else is made again after endpointSliceChangeMinSyncDelay (1 s), not at once', () => {
		const e = setup();
		e.run('web-1', 1, 5);
		ok(e.kubectl.create(service({ app: 'nginx' })));
		e.cp.sim.queue.runUntilIdle();
		const at = e.cp.sim.now;
		ok(e.kubectl.delete('EndpointSlice', { name: e.slices()[0]?.metadata.name ?? '' }));
		const post = e.cp.sim.trace.messages().find((m) => m.time > at && m.from === KCM && m.summary.startsWith('POST'));
		expect(post?.time).toBeGreaterThanOrEqual(at + 1000);
		expect(post?.time).toBeLessThan(at + 1100);
	});

	it('a terminating Pod stays, ready=false, serving as its Ready says (podToEndpoint)', () => {
		const e = setup();
		e.run('web-1', 1, 5);
		const p = ok(e.kubectl.delete('Pod', { name: 'web-1' }));
		expect(podToEndpoint(p).conditions).toEqual({ ready: false, serving: true, terminating: true });
		expect(describeEndpoints([podToEndpoint(p)])).toBe('1 endpoint: 0 ready, 1 terminating (1 still serving)');
	});

	it('with a batch period, Pod changes within it become one write', () => {
		const e = setup({ batchPeriodMs: 1000 });
		ok(e.kubectl.create(service({ app: 'nginx' })));
		e.cp.sim.queue.runUntilIdle();
		for (const n of [1, 2, 3]) {
			ok(e.kubectl.create(pod(`web-${n}`)));
			ok(syncClient(e.cp, 'kube-scheduler').bind({ name: `web-${n}` }, `node-${n}`));
		}
		e.cp.sim.queue.runUntil(e.cp.sim.now + 2000);
		const mark = e.mark();
		const ready = [{ type: 'Ready', status: 'True' }];
		for (const n of [1, 2, 3]) e.cp.client(`kubelet-${n}`).patch('Pod', { name: `web-${n}` }, { status: { phase: 'Running', podIP: `10.244.${n}.5`, conditions: ready } }, { subresource: 'status' });
		e.cp.sim.queue.runUntil(e.cp.sim.now + 2000);
		e.cp.sim.queue.runUntilIdle();
		expect(e.requests(mark)).toEqual([expect.stringMatching(/^PUT .* \(3 endpoints: 3 ready\)$/)]);
	});
});
