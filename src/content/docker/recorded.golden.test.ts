import { describe, expect, it } from 'vitest';
import { dockerGoldenText } from '$lib/sim/docker/scenario';
import { d2Recording, d2Scenario } from './build-and-push';
import { d4Recording, d4Scenario } from './inspect-containers';
import { d1Recording, d1Scenario } from './pull-and-run';
import { d3Recording, d3Scenario } from './push-to-acr';

// One golden per recorded Docker walkthrough: each step's shown messages with their simulated times,
// its terminal output, and how much it left out. A change in the simulator or a scenario fails here
// with a diff; review it as a Docker maintainer would (does the traffic match the Engine, containerd
// and the distribution spec? does the narration still agree?) before updating with
// `npx vitest run src/content/docker/recorded.golden.test.ts -u`.
const cases = [
	['pull-and-run', d1Scenario.title, d1Recording],
	['build-and-push', d2Scenario.title, d2Recording],
	['push-to-acr', d3Scenario.title, d3Recording],
	['inspect-containers', d4Scenario.title, d4Recording]
] as const;

describe.each(cases)('%s', (id, title, recording) => {
	it('matches its golden, step by step', async () => {
		await expect(dockerGoldenText(title, recording)).toMatchFileSnapshot(`__golden__/${id}.txt`);
	});
});
