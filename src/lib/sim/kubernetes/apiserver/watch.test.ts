import { describe, expect, it } from 'vitest';
import { ControlPlane } from '../control-plane';
import { pod } from '../fixtures';
import type { InformerEvent, WatchOptions } from '../client';
import type { Pod } from '../types';

type Seen = string[];

/** Opens a LIST+WATCH for Pods and records "TYPE name rv" for each event (listed ones marked). */
function watchPods(cp: ControlPlane, component: string, selection: Omit<WatchOptions<Pod>, 'onEvent'> = {}) {
	const seen: Seen = [];
	const rvs: number[] = [];
	const handle = cp.client(component).watch('Pod', {
		...selection,
		onEvent: (e: InformerEvent<Pod>) => {
			seen.push(`${e.listed ? 'LISTED' : e.type} ${e.object.metadata.name}`);
			if (!e.listed) rvs.push(Number(e.object.metadata.resourceVersion));
		}
	});
	return { seen, rvs, handle };
}

describe('watch streams', () => {
	it('filter by label selector: only matching Pods, and a Pod that stops matching leaves as DELETED', () => {
		const cp = new ControlPlane({ seed: 'w1' });
		const kubectl = cp.client('kubectl');
		const web = watchPods(cp, 'kube-controller-manager', { labelSelector: 'app=web' });
		cp.sim.queue.runUntilIdle();
		kubectl.create(pod('a', { app: 'web' }));
		kubectl.create(pod('b', { app: 'db' }));
		cp.sim.queue.runUntilIdle();
		kubectl.patch('Pod', { name: 'a' }, { metadata: { labels: { app: 'other' } } });
		kubectl.patch('Pod', { name: 'b' }, { metadata: { labels: { app: 'web' } } });
		cp.sim.queue.runUntilIdle();
		expect(web.seen).toEqual(['ADDED a', 'DELETED a', 'ADDED b']);
	});

	it('a kubelet watching spec.nodeName=<its node> sees only its own Pods, from the moment they are bound', () => {
		const cp = new ControlPlane({ seed: 'w2', nodes: ['node-1', 'node-2'] });
		const k1 = watchPods(cp, 'kubelet-1', { fieldSelector: 'spec.nodeName=node-1' });
		const k2 = watchPods(cp, 'kubelet-2', { fieldSelector: 'spec.nodeName=node-2' });
		const pending = watchPods(cp, 'kube-scheduler', { fieldSelector: 'spec.nodeName=' });
		cp.sim.queue.runUntilIdle();
		const kubectl = cp.client('kubectl');
		const sched = cp.client('kube-scheduler');
		for (const name of ['p1', 'p2', 'p3']) kubectl.create(pod(name));
		cp.sim.queue.runUntilIdle();
		sched.bind({ name: 'p1' }, 'node-1');
		sched.bind({ name: 'p2' }, 'node-2');
		sched.bind({ name: 'p3' }, 'node-1');
		cp.sim.queue.runUntilIdle();
		cp.client('kubelet-1').patch('Pod', { name: 'p1' }, { status: { phase: 'Running' } }, { subresource: 'status' });
		cp.sim.queue.runUntilIdle();
		expect(k1.seen).toEqual(['ADDED p1', 'ADDED p3', 'MODIFIED p1']);
		expect(k2.seen).toEqual(['ADDED p2']);
		expect(pending.seen).toEqual(['ADDED p1', 'ADDED p2', 'ADDED p3', 'DELETED p1', 'DELETED p2', 'DELETED p3']);
		const events = cp.sim.trace.messages().filter((m) => m.kind === 'event' && m.to === 'kubelet-1');
		expect(events.map((m) => m.summary)).toEqual(['watch: Pod p1 ADDED', 'watch: Pod p3 ADDED', 'watch: Pod p1 MODIFIED']);
	});

	it('delivers events in resourceVersion order, and LIST then WATCH misses nothing written in between', () => {
		const cp = new ControlPlane({ seed: 'w3' });
		const kubectl = cp.client('kubectl');
		for (let i = 0; i < 5; i++) kubectl.create(pod(`early-${i}`));
		// Writes keep arriving while the watcher's LIST and WATCH are in flight.
		const w = watchPods(cp, 'kube-controller-manager');
		for (let i = 0; i < 30; i++) cp.sim.queue.schedule({ after: i }, () => kubectl.create(pod(`p-${i}`)));
		cp.sim.queue.runUntilIdle();
		const names = w.seen.map((s) => s.split(' ')[1]);
		expect(new Set(names).size).toBe(35);
		expect(names.length).toBe(35);
		expect(w.rvs).toEqual([...w.rvs].sort((a, b) => a - b));
	});

	it('graceful delete: MODIFIED (Terminating), then DELETED on the final delete', () => {
		const cp = new ControlPlane({ seed: 'w4', nodes: ['node-1'] });
		const kubectl = cp.client('kubectl');
		kubectl.create(pod('web'));
		cp.sim.queue.runUntilIdle();
		cp.client('kube-scheduler').bind({ name: 'web' }, 'node-1');
		cp.sim.queue.runUntilIdle();
		const k = watchPods(cp, 'kubelet-1', { fieldSelector: 'spec.nodeName=node-1' });
		cp.sim.queue.runUntilIdle();
		kubectl.delete('Pod', { name: 'web' });
		cp.sim.queue.runUntilIdle();
		cp.client('kubelet-1').delete('Pod', { name: 'web' }, { gracePeriodSeconds: 0 });
		cp.sim.queue.runUntilIdle();
		expect(k.seen).toEqual(['LISTED web', 'MODIFIED web', 'DELETED web']);
	});

	it('a watch from a version the history no longer holds gets 410 Gone, and the client lists again', () => {
		// Fixed latencies: the LIST answer arrives at 40 ms and the WATCH at 60 ms; ten writes commit in
		// between, more than the three events the history keeps.
		const cp = new ControlPlane({ seed: 'w5', watchHistory: 3, clientLatency: { min: 20, max: 20 }, etcdLatency: { min: 1, max: 1 } });
		const kubectl = cp.client('kubectl');
		const w = watchPods(cp, 'kube-controller-manager');
		for (let i = 0; i < 10; i++) cp.sim.queue.schedule({ at: 20 }, () => kubectl.create(pod(`p-${i}`)));
		cp.sim.queue.runUntilIdle();
		expect(cp.sim.trace.lines().filter((l) => l.includes('kube-apiserver → kube-controller-manager: 410 Gone'))).toHaveLength(1);
		expect(w.seen).toEqual(Array.from({ length: 10 }, (_, i) => `LISTED p-${i}`));
		w.handle.stop();
		kubectl.create(pod('after-stop'));
		cp.sim.queue.runUntilIdle();
		expect(w.seen.some((s) => s.endsWith('after-stop'))).toBe(false);
	});

	it('rejects an unsupported field selector with 400, as the real API does', () => {
		const cp = new ControlPlane({ seed: 'w6' });
		const errors: string[] = [];
		cp.client('kubectl').watch('Pod', { fieldSelector: 'spec.image=nginx', onEvent: () => {}, onError: (e) => errors.push(`${e.code} ${e.message}`) });
		cp.sim.queue.runUntilIdle();
		expect(errors).toEqual(['400 field label not supported: spec.image']);
	});
});

describe('shared objects', () => {
	const isDeepFrozen = (v: unknown): boolean => typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(isDeepFrozen));

	it('every watcher, LIST and GET gets the one stored object, deep-frozen in tests, so a component that changes it throws', () => {
		const cp = new ControlPlane({ seed: 'shared' });
		const kubectl = cp.client('kubectl');
		const a: Pod[] = [];
		const b: Pod[] = [];
		cp.client('kube-scheduler').watch('Pod', { onEvent: (e) => a.push(e.object) });
		cp.client('kube-controller-manager').watch('Pod', { onEvent: (e) => b.push(e.object) });
		cp.sim.queue.runUntilIdle();
		let created: Pod | undefined;
		kubectl.create(pod('web', { app: 'web' }), { done: (r) => (created = r.ok ? r.object : undefined) });
		cp.sim.queue.runUntilIdle();
		let got: Pod | undefined;
		let listed: Pod[] = [];
		kubectl.get('Pod', { name: 'web' }, { done: (r) => (got = r.ok ? r.object : undefined) });
		kubectl.list('Pod', { done: (r) => (listed = r.ok ? r.items : []) });
		cp.sim.queue.runUntilIdle();
		expect(a).toHaveLength(1);
		for (const o of [b[0], created, got, listed[0]]) expect(o).toBe(a[0]);
		expect(isDeepFrozen(a[0])).toBe(true);
		expect(() => ((a[0] as Pod).spec.containers[0]!.image = 'changed')).toThrow(TypeError);
	});
});
