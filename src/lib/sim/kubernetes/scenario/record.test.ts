import { describe, expect, it } from 'vitest';
import type { Scene, Walkthrough } from '$lib/model/types';
import { recordWalkthrough } from './record';
import type { Scenario } from './types';

// Fixtures, not the real scene: a view that shows node-1's first Pod slot only.
const scene = { id: 's', components: [], views: [{ id: 'one', components: ['pod-1a'] }, { id: 'none', components: [] }] } as unknown as Scene;
const scenario: Scenario = {
	title: 'one replica',
	start: { cluster: { seed: 'record-test', nodes: 1 } },
	steps: [
		{ step: 'quiet', until: { started: true } },
		{ step: 'same', tables: ['Deployments', 'ReplicaSets', 'Pods'] },
		{ step: 'run', zero: true, actions: [{ kubectl: 'create deployment', name: 'web', image: 'nginx', replicas: 1 }], until: { pods: 'Running' }, show: [{ from: 'kubectl' }] }
	]
};
const step = (id: string, view: string, extra = {}) => ({ id, title: id, view, narration: id, ...extra });
const written: Walkthrough = {
	id: 's/w',
	scene: 's',
	title: 'w',
	summary: 'w',
	steps: [step('quiet', 'none'), step('same', 'none'), step('run', 'one', { badges: { 'kube-apiserver': 'admits' } }), step('words-only', 'none')]
};

describe('a walkthrough filled in from its recorded scenario', () => {
	const { walkthrough } = recordWalkthrough(scenario, written, scene);
	const at = (id: string) => walkthrough.steps.find((s) => s.id === id)!;

	it('takes messages, tables, clock and Pod badges from the run, keeping the written words and badges', () => {
		expect(at('run').messages!.map((m) => m.from)).toEqual(['kubectl']);
		expect(at('run').narration).toBe('run');
		expect(at('run').clock).toMatch(/^t = \d/);
		expect(at('run').badges).toEqual({ 'pod-1a': 'Running', 'kube-apiserver': 'admits' });
		expect(at('words-only')).toEqual(written.steps[3]);
	});

	it('leaves out tables that repeat the previous step\'s (they are carried forward)', () => {
		expect(at('quiet').tables).toBeDefined();
		expect(at('same').tables).toBeUndefined();
		expect(at('run').tables).toBeDefined();
	});

	it('refuses a data file that still types what the run records', () => {
		const typed = { ...written, steps: [step('quiet', 'none', { messages: [] }), ...written.steps.slice(1)] };
		expect(() => recordWalkthrough(scenario, typed, scene)).toThrow(/s\/w\/quiet: messages, tables and clock come from the run/);
		const extra = { ...written, steps: written.steps.filter((s) => s.id !== 'same') };
		expect(() => recordWalkthrough(scenario, extra, scene)).toThrow(/records a step same the walkthrough does not have/);
	});
});

describe('a terminal whose output comes from the run', () => {
	const withTerminal: Scenario = { ...scenario, steps: scenario.steps.map((s) => (s.step === 'run' ? { ...s, terminal: 'get pods' as const } : s)) };
	const terminal = (output?: string) => ({ ...written, steps: written.steps.map((s) => (s.id === 'run' ? { ...s, terminal: { command: 'kubectl get pods', ...(output ? { output } : {}) } } : s)) });

	it('fills in what kubectl get pods prints at the step\'s end, keeping the written command', () => {
		const run = recordWalkthrough(withTerminal, terminal(), scene).walkthrough.steps.find((s) => s.id === 'run')!;
		expect(run.terminal!.command).toBe('kubectl get pods');
		expect(run.terminal!.output).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb-\w+-\w{5} +1\/1 +Running +0 +\d+s$/);
	});

	it('refuses a written output, or no terminal to put it in', () => {
		expect(() => recordWalkthrough(withTerminal, terminal('typed'), scene)).toThrow(/s\/w\/run: the terminal's output comes from the run/);
		expect(() => recordWalkthrough(withTerminal, written, scene)).toThrow(/s\/w\/run: the terminal's output comes from the run/);
	});
});

