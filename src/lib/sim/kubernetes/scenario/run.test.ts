import { describe, expect, it } from 'vitest';
import { clockText, recordScenario } from './run';
import type { Scenario } from './types';

// A small scenario on two nodes: the machinery, not the walkthroughs (their goldens live with them).
const base: Scenario = {
	title: 'two replicas',
	start: { cluster: { seed: 'scenario-test', nodes: 2 } },
	steps: [
		{ step: 'watches', until: { started: true }, tables: ['Nodes'] },
		{ step: 'create', zero: true, actions: [{ kubectl: 'create deployment', name: 'web', image: 'nginx', replicas: 2 }], until: { message: { to: 'kubectl' } }, show: [{ from: 'kubectl' }, { to: 'kubectl' }] },
		{ step: 'bound', until: { message: { to: 'kube-scheduler', summary: /bound to/ }, count: 2 }, show: [{ from: 'kube-scheduler', summary: /\/binding /, alone: true }] },
		{ step: 'running', until: { pods: 'Running' } },
		{ step: 'scaled', actions: [{ kubectl: 'scale deployment', name: 'web', replicas: 1 }], until: { answered: { from: 'kube-controller-manager', summary: /^PUT \S+\/replicasets\/\S+ \(replicas 1/ } } },
		{ step: 'refused', branch: { from: 'watches', cluster: { student: 'view' } }, actions: [{ kubectl: 'create deployment', name: 'web', image: 'nginx', replicas: 2 }], until: { message: { to: 'kubectl' } }, show: [{ to: 'kubectl' }] }
	]
};

describe('recording a scenario', () => {
	const steps = recordScenario(base);
	const at = (id: string) => steps.find((s) => s.step === id)!;

	it('records every step, the branch too, with the messages its rules select', () => {
		expect(steps.map((s) => s.step)).toEqual(['watches', 'create', 'bound', 'running', 'scaled', 'refused']);
		expect(at('watches').messages).toEqual([]);
		expect(at('watches').tables.map((t) => t.title)).toEqual(['Nodes']);
		expect(at('create').messages.map((m) => m.summary)).toEqual(['POST /apis/apps/v1/namespaces/default/deployments (web, replicas 2)', expect.stringMatching(/^201 Created/)]);
		expect(at('bound').messages).toHaveLength(2);
		for (const m of at('bound').messages) expect(m.summary).toMatch(/bind Pod web-\w+-\w{5} to node-\d/);
	});

	it('stops where the condition says, and reads the clock from the zero step', () => {
		expect(at('create').clock).toMatch(/^t = 0\.0\d\d s$/);
		expect(at('watches').clock).toBeUndefined();
		expect(at('running').tables.find((t) => t.title === 'Pods')!.rows.every((r) => r[1] === 'Running')).toBe(true);
	});

	it('"answered" waits for what the request wrote to be stored, not just for the request', () => {
		expect(at('scaled').tables.find((t) => t.title === 'ReplicaSets')!.rows[0]![1]).toBe('1');
	});

	it('puts each bound Pod in a slot on its node and badges it with its STATUS', () => {
		const { slots, badges } = at('running');
		expect(Object.keys(slots).sort()).toEqual(Object.keys(badges).sort());
		for (const [slot, pod] of Object.entries(slots)) {
			const row = at('running').tables.find((t) => t.title === 'Pods')!.rows.find((r) => r[0] === pod)!;
			expect(slot.startsWith(`pod-${row[2]!.slice(5)}`)).toBe(true);
			expect(badges[slot]).toBe('Running');
		}
	});

	it('runs a branch on its own cluster: RBAC refuses, nothing is stored', () => {
		expect(at('refused').messages.map((m) => m.summary)).toEqual([expect.stringMatching(/^403 Forbidden: deployments\.apps is forbidden: User "student" cannot create/)]);
		expect(at('refused').tables.find((t) => t.title === 'Deployments')!.rows).toEqual([]);
	});

	it('is deterministic', () => {
		expect(JSON.stringify(recordScenario(base).map(({ entries: _e, ...r }) => r))).toBe(JSON.stringify(steps.map(({ entries: _e, ...r }) => r)));
	});

	it('says which step never stops', () => {
		const stuck: Scenario = { ...base, steps: [{ step: 'never', until: { message: { from: 'nobody' } } }] };
		expect(() => recordScenario(stuck)).toThrow(/scenario step never: stop condition never met/);
	});

	it('formats the clock as precisely as a learner can use', () => {
		expect([0, 6, 1776, 61_432, 125_000].map(clockText)).toEqual(['t = 0 s', 't = 0.006 s', 't = 1.78 s', 't = 61.4 s', 't = 125 s']);
	});
});

describe('a fault in a scenario: a container crashes', () => {
	// One node, so the only Pod is drawn in pod-1a.
	const crash: Scenario = {
		title: 'one replica crashes',
		start: { cluster: { seed: 'scenario-crash', nodes: 1 } },
		steps: [
			{ step: 'up', actions: [{ until: { started: true } }, { kubectl: 'create deployment', name: 'web', image: 'nginx', replicas: 1 }], until: { settled: true } },
			{
				step: 'crash',
				actions: [{ wait: 5_000 }, { zero: true }, { crash: 'pod-1a', exitCode: 2 }],
				until: { answered: { from: 'kubelet-1', summary: /restartCount 1, Ready=True/ } },
				show: [{ from: 'pod-1a' }],
				tables: ['Pods with restarts'],
				terminal: 'get pods'
			}
		]
	};
	const [, crashed] = recordScenario(crash);

	it('names the Pod by its slot, starts the clock at the fault, and restarts the container in place', () => {
		expect(crashed!.entries.some((e) => e.type === 'note' && /^nginx in web-\w+-\w{5} exits with code 2$/.test(e.text))).toBe(true);
		expect(crashed!.messages.map((m) => m.summary)).toEqual(['nginx exited with code 2 (collected by the shim)']);
		// PLEG notices within a second; the restart takes a few hundred ms more; the 5 s waited before the fault are not counted.
		const seconds = Number(/^t = ([\d.]+) s$/.exec(crashed!.clock ?? '')?.[1]);
		expect(seconds).toBeGreaterThan(0.1);
		expect(seconds).toBeLessThan(1.5);
		const [row] = crashed!.tables[0]!.rows;
		expect(crashed!.tables[0]!.columns).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'NODE', 'IP']);
		expect(row!.slice(1, 5)).toEqual(['1/1', 'Running', expect.stringMatching(/^1 \([01]s ago\)$/), 'node-1']);
		expect(crashed!.output).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb-\w+-\w{5} +1\/1 +Running +1 \([01]s ago\) +\d+s$/);
	});

	it('says which Pod it could not find', () => {
		const bad: Scenario = { ...crash, steps: [crash.steps[0]!, { step: 'crash', actions: [{ crash: 'pod-9z', exitCode: 1 }] }] };
		expect(() => recordScenario(bad)).toThrow(/scenario: no Pod pod-9z bound to a node/);
	});
});

