import { describe, expect, it } from 'vitest';
import { goldenText } from '$lib/sim/kubernetes/scenario';
import { k1Recording, k1Scenario } from './create-deployment';
import { k2Recording, k2Scenario } from './scale';
import { k4Recording, k4Scenario } from './expose-service';
import { k3Recording, k3Scenario } from './node-failure';
import { crashLoopScenario, k5Recording } from './crash-loop';
import { architectureRecording, architectureScenario } from './architecture';
import { k6Recording, k6Scenario } from './managed-aks';

// One golden per recorded walkthrough: each step's shown messages, badges, tables and clock. A change in
// the simulator or a scenario fails here with a diff; review it as an author (does the narration still
// agree with the traffic? does it match flows.md?) before updating with
// `npx vitest run src/content/kubernetes/recorded.golden.test.ts -u`.
const cases = [
	['create-deployment', k1Scenario.title, k1Recording],
	['scale', k2Scenario.title, k2Recording],
	['expose-service', k4Scenario.title, k4Recording],
	['node-failure', k3Scenario.title, k3Recording],
	['crash-loop', crashLoopScenario.title, k5Recording],
	['architecture', architectureScenario.title, architectureRecording],
	['managed-aks', k6Scenario.title, k6Recording]
] as const;

describe.each(cases)('%s', (id, title, recording) => {
	it('matches its golden, step by step', async () => {
		await expect(goldenText(title, recording)).toMatchFileSnapshot(`__golden__/${id}.txt`);
	});
});
