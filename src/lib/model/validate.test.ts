import { describe, expect, it } from 'vitest';
import type { Scene, Walkthrough } from './types';
import { ContentError, formatProblem, validateScene, validateWalkthrough } from './validate';

const scene = (): Scene => ({
	id: 'demo',
	title: 'Demo',
	summary: '',
	groups: [{ id: 'box', name: 'Box', kind: 'machine', description: '' }],
	components: [
		{ id: 'a', name: 'A', kind: 'app', parent: 'box', description: '' },
		{ id: 'b', name: 'B', kind: 'kernel', description: '' },
		{ id: 'c', name: 'C', kind: 'hardware', description: '' }
	],
	connections: [
		{ id: 'ab', from: 'a', to: 'b' },
		{ id: 'bc', from: 'b', to: 'c' }
	],
	views: [{ id: 'v', name: 'V', components: ['a', 'b', 'c'] }]
});

const walkthrough = (): Walkthrough => ({
	id: 'demo/w',
	scene: 'demo',
	title: 'W',
	summary: '',
	steps: [
		{ id: 'one', title: '1', view: 'v', narration: 'One', messages: [{ from: 'a', to: 'b', via: 'ab', kind: 'request', summary: 'hi' }] },
		{ id: 'two', title: '2', view: 'v', narration: 'Two' }
	]
});

describe('validateScene', () => {
	it('accepts a correct scene', () => expect(validateScene(scene())).toEqual([]));

	const cases: [string, (s: Scene) => void, string, string][] = [
		['duplicate id', (s) => s.components.push({ id: 'a', name: 'A2', kind: 'app', description: '' }), 'a', 'duplicate id'],
		['unknown parent', (s) => (s.components[0]!.parent = 'nowhere'), 'a', 'parent "nowhere"'],
		['connection to unknown component', (s) => s.connections.push({ id: 'ax', from: 'a', to: 'x' }), 'ax', '"x" is not a component'],
		['component outside every view', (s) => s.components.push({ id: 'd', name: 'D', kind: 'app', description: '' }), 'd', 'outside every view'],
		['view lists unknown component', (s) => s.views[0]!.components.push('ghost'), 'ghost', 'unknown component'],
		['group cycle', (s) => { s.groups.push({ id: 'g2', name: 'G2', kind: 'vm', parent: 'box', description: '' }); s.groups[0]!.parent = 'g2'; }, 'box', 'cycle']
	];
	it.each(cases)('rejects %s', (_name, breakIt, id, text) => {
		const s = scene();
		breakIt(s);
		const problems = validateScene(s);
		expect(problems.length).toBeGreaterThan(0);
		expect(problems.map(formatProblem).join('\n')).toContain(text);
		expect(problems.some((p) => p.id === id)).toBe(true);
	});
});

describe('validateWalkthrough', () => {
	it('accepts a correct walkthrough', () => expect(validateWalkthrough(walkthrough(), scene())).toEqual([]));

	const cases: [string, (w: Walkthrough) => void, string | undefined, string][] = [
		['empty walkthrough', (w) => (w.steps = []), undefined, 'no steps'],
		['duplicate step id', (w) => (w.steps[1]!.id = 'one'), 'one', 'duplicate step id'],
		['unknown view', (w) => (w.steps[0]!.view = 'nope'), 'one', 'unknown view'],
		['message over a connection that does not exist', (w) => (w.steps[0]!.messages![0]!.via = 'zz'), 'one', 'connection that does not exist'],
		['message over the wrong connection', (w) => (w.steps[0]!.messages![0]!.via = 'bc'), 'one', 'does not join'],
		['message from unknown component', (w) => (w.steps[0]!.messages![0]!.from = 'q'), 'one', 'not a component'],
		['highlight of unknown id', (w) => (w.steps[1]!.highlight = ['ghost']), 'two', 'highlight'],
		['choice to unknown step', (w) => (w.steps[0]!.choices = [{ label: 'x', to: 'nowhere' }]), 'one', 'unknown step'],
		['unreachable step', (w) => (w.steps[0]!.end = true), 'two', 'cannot be reached'],
		['bad step id', (w) => (w.steps[1]!.id = 'Two.5'), 'Two.5', 'lower-case'],
		[
			'checkpoint answered by a part that sends nothing in the step',
			(w) => (w.steps[0]!.checkpoint = { question: 'Who?', kind: 'component', options: [{ value: 'b' }, { value: 'a', misconception: 'm' }], answer: 'b', feedback: 'f' }),
			'one',
			'sends none'
		],
		[
			'main path running into a side branch',
			(w) => {
				w.steps[0]!.choices = [{ label: 'main', to: 'two' }, { label: 'side', to: 'side' }];
				w.steps.push({ id: 'side', title: 's', view: 'v', narration: 'side', end: true });
			},
			'two',
			'side branch'
		]
	];
	it.each(cases)('rejects %s, naming walkthrough and step', (_name, breakIt, step, text) => {
		const w = walkthrough();
		breakIt(w);
		const problems = validateWalkthrough(w, scene());
		const text_ = problems.map(formatProblem).join('\n');
		expect(text_).toContain(text);
		expect(text_).toContain('walkthrough demo/w');
		if (step) expect(problems.some((p) => p.step === step)).toBe(true);
	});

	it('reports an unknown scene', () => {
		expect(validateWalkthrough(walkthrough(), undefined).map(formatProblem)[0]).toContain('scene does not exist');
	});

	it('ContentError lists every problem', () => {
		const err = new ContentError([{ where: 'walkthrough x/y', step: 's', id: 'i', message: 'broken' }]);
		expect(err.message).toContain('walkthrough x/y, step "s", id "i": broken');
	});
});

describe('mainPath', () => {
	it('follows Next from the first step and skips branches', async () => {
		const { mainPath } = await import('./graph');
		const w = walkthrough();
		w.steps[0]!.choices = [{ label: 'b', to: 'two' }];
		w.steps.push({ id: 'side', title: 's', view: 'v', narration: 'side', end: true });
		w.steps[0]!.choices.push({ label: 's', to: 'side' });
		w.steps[1]!.end = true;
		expect(mainPath(w)).toEqual([0, 1]);
	});
});
