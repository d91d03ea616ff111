import { describe, expect, it } from 'vitest';
import { k5Recording } from './crash-loop';
import { architectureRecording } from './architecture';
import { k1Recording } from './create-deployment';
import { k6Recording } from './managed-aks';
import { k4Recording } from './expose-service';
import { k3Recording } from './node-failure';
import { k2Recording } from './scale';
import { kubernetesScene } from './scene';
import { afterFailure, POD, settledThree, SVC, threeAgain, threeRunning } from './tables';

// The Kubernetes walkthroughs share Pod names, IPs and slots through tables.ts and the scene; the
// hand-written ones (managed-aks, architecture) rely on them. Here they are checked against the recorded
// runs, so continuity comes from the simulator: change the seed or the simulator and this says which
// constant to update.
const nameOf = (slot: string) => kubernetesScene.components.find((c) => c.id === slot)?.name;
const last = <T>(xs: T[]) => xs[xs.length - 1]!;

describe('the recorded runs and the shared constants agree', () => {
	it.each([
		['create-deployment', k1Recording],
		['scale', k2Recording],
		['expose-service', k4Recording],
		['node-failure', k3Recording],
		['crash-loop', k5Recording],
		['architecture', architectureRecording],
		['managed-aks', k6Recording]
	] as const)('%s: every Pod is drawn in the slot the scene names after it', (_id, recording) => {
		for (const r of recording.steps) for (const [slot, pod] of Object.entries(r.slots)) expect(nameOf(slot), `${r.step}: ${slot}`).toBe(pod);
	});

	it('create-deployment ends as settledThree says (names, nodes, IPs)', () => {
		const end = k1Recording.steps.find((r) => r.step === 'available')!;
		expect(end.tables).toEqual(settledThree);
		expect(threeRunning.rows.map((r) => r[0])).toEqual([POD.a, POD.b, POD.c]);
	});

	it('scale creates d and e and ends with a and c, as expose-service and node-failure start (threeAgain)', () => {
		const pods = (r: (typeof k2Recording.steps)[number]) => r.tables.find((t) => t.title === 'Pods')!.rows;
		const five = pods(k2Recording.steps.find((r) => r.step === 'five-running')!);
		expect(five.map((r) => r[0])).toEqual(expect.arrayContaining([POD.d, POD.e]));
		const two = pods(last(k2Recording.steps));
		expect(two).toEqual(threeAgain.rows.filter((r) => r[0] !== POD.g));
	});

	const rows = (r: (typeof k2Recording.steps)[number], title: string) => r.tables.find((t) => t.title === title)!.rows;
	const at = (recording: typeof k2Recording, step: string) => recording.steps.find((r) => r.step === step)!;

	it('expose-service scales back to three (g on node-2) and makes the Service SVC names', () => {
		expect(rows(at(k4Recording, 'expose'), 'Pods')).toEqual(threeAgain.rows);
		expect(rows(at(k4Recording, 'load-balancer'), 'Services')).toEqual([['nginx', 'LoadBalancer', SVC.clusterIP, SVC.externalIP, `80:${SVC.nodePort}/TCP`]]);
		expect(rows(at(k4Recording, 'endpointslice'), 'EndpointSlices')[0]![0]).toBe(SVC.slice);
		// On premises (no cloud-controller-manager) the same Service, with no external IP.
		expect(rows(at(k4Recording, 'on-prem'), 'Services')[0]![3]).toBe('<pending>');
	});

	it('the architecture tour starts where create-deployment ends (threeRunning) and replaces b on node-2', () => {
		expect(rows(at(architectureRecording, 'overview'), 'Pods')).toEqual(threeRunning.rows);
		expect(rows(last(architectureRecording.steps), 'Pods').map((r) => r[0])).toEqual([POD.a, nameOf('pod-2d'), POD.c]);
		expect(rows(last(architectureRecording.steps), 'Services')).toEqual([['nginx', 'LoadBalancer', SVC.clusterIP, SVC.externalIP, `80:${SVC.nodePort}/TCP`]]);
	});

	it('node-failure replaces g with f and ends as afterFailure says (crash-loop starts there)', () => {
		expect(rows(at(k3Recording, 'heartbeats'), 'Pods')).toEqual(threeAgain.rows);
		expect(rows(last(k3Recording.steps), 'Pods')).toEqual(afterFailure.rows);
		expect(rows(last(k3Recording.steps), 'Services')[0]![3]).toBe(SVC.externalIP);
	});

	it('crash-loop starts from afterFailure, with node-2 back (rebuilt) and no Pod on it', () => {
		const first = k5Recording.steps[0]!;
		const pods = rows(first, 'Pods').map((r) => [r[0], r[2], r[4], r[5]]);
		expect(pods).toEqual(afterFailure.rows.map((r) => [r[0], 'Running', r[2], r[3]]));
		expect(rows(first, 'Nodes').map((r) => r.slice(0, 2))).toEqual([['node-1', 'Ready'], ['node-2', 'Ready'], ['node-3', 'Ready']]);
		expect(first.slots).toEqual({ 'pod-1a': POD.a, 'pod-1c': POD.f, 'pod-3a': POD.c });
	});

	it('every message of the recorded runs, shown or not, draws on the scene: a runtime\'s sandbox slot is the slot the scene names after that Pod', () => {
		const vias = new Set(kubernetesScene.connections.map((c) => c.id));
		const all = [k1Recording, k2Recording, k4Recording, k3Recording, k5Recording, architectureRecording, k6Recording].flatMap((r) => r.steps.flatMap((s) => s.entries));
		expect([...new Set(all.flatMap((e) => (e.type === 'message' && !vias.has(e.via) ? [e.via] : [])))]).toEqual([]);
		// cvl77's sandbox on node-2 is pod-2c (not bh954's pod-2a), wkjrr's on node-1 is pod-1c; the
		// architecture tour's dnn5t is pod-2d, though in its run pod-2b is node-2's next unused slot.
		const to = (slot: string) => all.some((e) => e.type === 'message' && e.to === slot && /create network namespace/.test(e.summary));
		expect([to('pod-2c'), to('pod-1c'), to('pod-2d')]).toEqual([true, true, true]);
	});
});
