import { describe, expect, it } from 'vitest';
import { k1Recording } from './create-deployment';
import { k2Recording } from './scale';
import { kubernetesScene } from './scene';
import { POD, settledThree, threeAgain, threeRunning } from './tables';

// The later, hand-written Kubernetes walkthroughs share Pod names, IPs and slots through tables.ts and
// the scene. Here they are checked against the recorded runs they continue, so continuity comes from
// the simulator: change the seed or the simulator and this says which constant to update.
const nameOf = (slot: string) => kubernetesScene.components.find((c) => c.id === slot)?.name;
const last = <T>(xs: T[]) => xs[xs.length - 1]!;

describe('the recorded runs and the shared constants agree', () => {
	it.each([
		['create-deployment', k1Recording],
		['scale', k2Recording]
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
});
