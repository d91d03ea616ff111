import { describe, expect, it } from 'vitest';
import { ControlPlane } from '../control-plane';
import { ok, syncClient } from '../testing';
import type { Endpoint, NewObject } from '../types';
import { startKubeProxy, type KubeProxy } from './kube-proxy';

const ep = (ip: string, ready: boolean, serving = ready, terminating = false): Endpoint => ({ addresses: [ip], conditions: { ready, serving, terminating }, nodeName: 'node-1', targetRef: { kind: 'Pod', name: `web-${ip.split('.')[3] ?? ''}` } });
const slice = (endpoints: Endpoint[], name = 'nginx-abcde'): NewObject<'EndpointSlice'> & { kind: 'EndpointSlice' } => ({
	kind: 'EndpointSlice',
	metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'nginx' } },
	addressType: 'IPv4',
	endpoints,
	ports: [{ name: '', port: 80, protocol: 'TCP' }]
});
const service: NewObject<'Service'> & { kind: 'Service' } = { kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { type: 'NodePort', clusterIP: '10.96.0.50', selector: { app: 'nginx' }, ports: [{ port: 80, nodePort: 30080 }] } };

function setup() {
	const cp = new ControlPlane({ seed: 'kube-proxy', nodes: ['node-1'] });
	const proxy = startKubeProxy(cp.context('kube-proxy-1'), { node: 'node-1' });
	cp.sim.queue.runUntilIdle();
	const kubectl = syncClient(cp);
	const mark = () => cp.sim.trace.entries.length;
	/** kube-proxy-1's notes since `from`, after the clock has run past any pending sync. */
	const notes = (from: number) => {
		cp.sim.queue.runUntil(cp.sim.now + 2000);
		return cp.sim.trace.entries.slice(from).flatMap((e) => (e.type === 'note' && e.actor === 'kube-proxy-1' ? [e.text] : []));
	};
	return { cp, proxy, kubectl, mark, notes };
}
type Env = ReturnType<typeof setup>;

describe('kube-proxy: watch events in, rules (notes) out, nothing written', () => {
	const withService = (e: Env) => ok(e.kubectl.create(service));
	const cases: { name: string; before: (e: Env) => void; act: (e: Env) => void; notes: string[] }[] = [
		{ name: 'a Service with no slice yet → REJECT rule', before: () => undefined, act: withService, notes: ['programmed rules: 10.96.0.50:80 (NodePort 30080) → no endpoints (REJECT)'] },
		{
			name: 'its slice with 3 ready endpoints → 3 endpoints',
			before: withService,
			act: (e) => ok(e.kubectl.create(slice([ep('10.244.1.5', true), ep('10.244.2.5', true), ep('10.244.3.5', true)]))),
			notes: ['programmed rules: 10.96.0.50:80 (NodePort 30080) → 3 endpoints (10.244.1.5, 10.244.2.5, 10.244.3.5)']
		},
		{
			name: 'not-ready and terminating endpoints are skipped while a ready one exists',
			before: withService,
			act: (e) => ok(e.kubectl.create(slice([ep('10.244.1.5', true), ep('10.244.1.6', false), ep('10.244.1.7', false, true, true)]))),
			notes: ['programmed rules: 10.96.0.50:80 (NodePort 30080) → 1 endpoint (10.244.1.5)']
		},
		{
			name: 'no ready endpoint: the serving terminating ones are used (ProxyTerminatingEndpoints)',
			before: withService,
			act: (e) => ok(e.kubectl.create(slice([ep('10.244.1.6', false), ep('10.244.1.7', false, true, true), ep('10.244.1.8', false, false, true)]))),
			notes: ['programmed rules: 10.96.0.50:80 (NodePort 30080) → 1 endpoint (10.244.1.7)']
		},
		{
			name: 'a slice of another Service → nothing',
			before: withService,
			act: (e) => ok(e.kubectl.create({ ...slice([ep('10.244.1.5', true)], 'db-abcde'), metadata: { name: 'db-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } } })),
			notes: []
		},
		{
			name: 'the Service deleted → rules removed',
			before: withService,
			act: (e) => ok(e.kubectl.delete('Service', { name: 'nginx' })),
			notes: ['removed rules: 10.96.0.50:80 (Service default/nginx is gone)']
		}
	];

	it.each(cases)('$name', ({ before, act, notes }) => {
		const e = setup();
		before(e);
		e.notes(0);
		const from = e.mark();
		act(e);
		expect(e.notes(from)).toEqual(notes);
		expect(e.cp.sim.trace.messages().filter((m) => m.from === 'kube-proxy-1' && !m.summary.startsWith('GET '))).toEqual([]);
	});

	it('opens its watches with the real label selector (no headless Services, none claimed by another proxy)', () => {
		const e = setup();
		const watches = e.cp.sim.trace.messages().filter((m) => m.from === 'kube-proxy-1' && m.summary.includes('watch=true'));
		expect(watches.map((m) => m.summary.split('?')[0])).toEqual(['GET /api/v1/services', 'GET /apis/discovery.k8s.io/v1/endpointslices']);
		for (const w of watches) expect(w.summary).toContain('labelSelector=!service.kubernetes.io/headless,!service.kubernetes.io/service-proxy-name');
	});

	it('syncs at most once per minSyncPeriod: changes within it become one sync, 1 s after the previous one', () => {
		const e = setup();
		ok(e.kubectl.create(service)); // the first sync (REJECT) runs at once
		const first = e.cp.sim.trace.entries.findLast((x) => x.type === 'note' && x.actor === 'kube-proxy-1')?.time ?? 0;
		const from = e.mark();
		const client = e.cp.client('kubectl');
		client.create(slice([ep('10.244.1.5', true)]));
		e.cp.sim.queue.runUntil(e.cp.sim.now + 50);
		client.patch('EndpointSlice', { name: 'nginx-abcde' }, { endpoints: [ep('10.244.1.5', true), ep('10.244.1.6', true)] });
		expect(e.notes(from)).toEqual(['programmed rules: 10.96.0.50:80 (NodePort 30080) → 2 endpoints (10.244.1.5, 10.244.1.6)']);
		expect(e.cp.sim.trace.entries.slice(from).find((x) => x.type === 'note' && x.actor === 'kube-proxy-1')?.time).toBe(first + 1000);
	});
});

describe('kube-proxy: route follows the rules as last programmed, not the API', () => {
	const route = (p: KubeProxy) => p.route('default/nginx', 80);

	it('REJECT before the first sync with endpoints; then only the ready endpoints, spread by the PRNG', () => {
		const e = setup();
		ok(e.kubectl.create(service));
		e.cp.client('kubectl').create(slice([ep('10.244.1.5', true), ep('10.244.1.6', false), ep('10.244.1.7', true)]));
		e.cp.sim.queue.runUntil(e.cp.sim.now + 500);
		expect(route(e.proxy)).toBeUndefined(); // the slice is heard, but within minSyncPeriod of the first sync
		e.notes(0);
		const seen = new Set(Array.from({ length: 40 }, () => route(e.proxy)?.ip));
		expect([...seen].sort()).toEqual(['10.244.1.5', '10.244.1.7']);
	});

	it('powered off with its node: no watch events, no rules; powered on: LIST, WATCH and the rules again', () => {
		const e = setup();
		ok(e.kubectl.create(service));
		e.cp.client('kubectl').create(slice([ep('10.244.1.5', true)]));
		e.notes(0);
		expect(route(e.proxy)?.ip).toBe('10.244.1.5');
		e.proxy.powerOff();
		const off = e.mark();
		e.cp.client('kubectl').create(slice([ep('10.244.1.9', true)], 'nginx-fghij'));
		expect(e.notes(off)).toEqual([]);
		expect(e.cp.sim.trace.messages().slice(-20).filter((m) => m.time >= e.cp.sim.now - 2000 && m.to === 'kube-proxy-1')).toEqual([]);
		expect(route(e.proxy)).toBeUndefined();
		e.proxy.powerOn();
		const back = e.notes(e.mark());
		expect(back.at(-1)).toMatch(/→ 2 endpoints/);
		expect(route(e.proxy)).toBeDefined();
	});
});
