import { describe, expect, it } from 'vitest';
import { allComponents } from '$lib/sim/kubernetes/cluster/all-components';
import { LiveRun, type CourseOptions } from './live-run';
import { decodeRun, encodeRun } from './run-url';

// The course's cluster (create-deployment's COURSE): a fixture here, since library tests do not import content.
const COURSE: CourseOptions = { endpoints: true, garbageCollector: true, kubeProxy: true, nodeLifecycle: true, cloud: true };
const status = (run: LiveRun) => run.pods().map((p) => p.status);

describe('LiveRun', () => {
	it('the nginx preset starts with three Pods Running; the empty one with none', () => {
		expect(status(new LiveRun({ seed: 'a', preset: 'nginx', actions: [], until: 0 }, COURSE, allComponents))).toEqual(['Running', 'Running', 'Running']);
		expect(new LiveRun({ seed: 'a', preset: 'empty', actions: [], until: 0 }, COURSE, allComponents).pods()).toEqual([]);
	});

	it('a link made after acting replays to the same trace, byte for byte, and a different seed does not', async () => {
		const live = new LiveRun({ seed: 'lesson', preset: 'nginx', actions: [], until: 0 }, COURSE, allComponents);
		const outputs: string[] = [];
		live.advance(1234.5);
		live.act('kubectl scale deployment nginx --replicas=5', (o) => outputs.push(o));
		live.nextMessage();
		live.advance(800.25);
		live.act('power off node-2', (o) => outputs.push(o));
		live.advance(70_000);
		live.act('kubectl cordon node-3', (o) => outputs.push(o));
		await live.settle();
		live.advance(333.3);
		expect(outputs).toEqual(['deployment.apps/nginx scaled', 'node-2 powered off', 'node/node-3 cordoned']);

		const { spec, notice } = decodeRun(new URLSearchParams(encodeRun(live.spec())));
		expect(notice).toBeUndefined();
		const replay = new LiveRun(spec, COURSE, allComponents);
		const lines = (r: LiveRun) => r.cluster.cp.sim.trace.lines();
		// The live run may have run part of its last instant further than whole ms: compare up to the replay's end.
		expect(lines(replay)).toEqual(lines(live).slice(0, lines(replay).length));
		expect(replay.tables()).toEqual(live.tables());
		expect(lines(new LiveRun({ ...spec, seed: 'other' }, COURSE, allComponents))).not.toEqual(lines(replay));
	});

	it('scaling to five and settling gives five Pods Running', async () => {
		const run = new LiveRun({ seed: 'a', preset: 'nginx', actions: [], until: 0 }, COURSE, allComponents);
		run.act('kubectl scale deployment nginx --replicas=5', () => undefined);
		expect(await run.settle()).toEqual({ ok: true });
		expect(status(run)).toEqual(Array(5).fill('Running'));
	});

	it('a powered-off node is NotReady about a minute later', () => {
		const run = new LiveRun({ seed: 'a', preset: 'nginx', actions: [], until: 0 }, COURSE, allComponents);
		run.act('power off node-2', () => undefined);
		run.advance(20_000);
		expect(run.nodes().find((n) => n.name === 'node-2')?.status).toBe('Ready');
		run.advance(50_000);
		expect(run.nodes().find((n) => n.name === 'node-2')?.status).toBe('NotReady');
	});

	it('names the Pod of every runtime sandbox message', async () => {
		const run = new LiveRun({ seed: 'a', preset: 'empty', actions: [], until: 0 }, COURSE, allComponents);
		run.act('kubectl create deployment web --image=nginx --replicas=4', () => undefined);
		await run.settle();
		const toSlots = run.drain().filter((m) => /^pod-/.test(m.to));
		expect(toSlots.length).toBeGreaterThan(4);
		const names = new Set(run.pods().map((p) => p.name));
		for (const m of toSlots) expect(names.has(m.toPod ?? ''), `${m.to}: ${m.summary}`).toBe(true);
	});

	it('power on and off of an unknown node is refused', () => {
		const run = new LiveRun({ seed: 'a', preset: 'empty', actions: [], until: 0 }, COURSE, allComponents);
		const out: string[] = [];
		run.act('power off node-9', (o) => out.push(o));
		expect(out).toEqual(['error: there is no node-9 (nodes: node-1, node-2, node-3)']);
	});

	it('settling a cluster that cannot converge says so instead of throwing', async () => {
		const run = new LiveRun({ seed: 'a', preset: 'nginx', actions: [], until: 0 }, COURSE, allComponents);
		for (const n of [1, 2, 3]) run.act(`kubectl cordon node-${n}`, () => undefined);
		run.act('kubectl scale deployment nginx --replicas=5', () => undefined);
		let pauses = 0;
		expect(await run.settle(async () => void pauses++)).toMatchObject({ ok: false, message: expect.stringMatching(/^Not settled after 5 simulated minutes/) });
		expect(pauses).toBeGreaterThan(10);
	}, 30_000);
});
