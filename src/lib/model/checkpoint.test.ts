import { describe, expect, it } from 'vitest';
import { answerLabel, checkpointProblems, grade, misconceptionParts, optionLetter } from './checkpoint';
import type { Checkpoint, Scene, Step } from './types';

const scene: Scene = {
	id: 'demo',
	title: 'Demo',
	summary: '',
	groups: [],
	components: [
		{ id: 'a', name: 'Alpha', kind: 'app', description: '' },
		{ id: 'b', name: 'Beta', kind: 'server', description: '' },
		{ id: 'c', name: 'Gamma', kind: 'store', description: '' },
		{ id: 'hidden', name: 'Hidden', kind: 'store', description: '' }
	],
	connections: [{ id: 'ab', from: 'a', to: 'b' }],
	views: [{ id: 'v', name: 'V', components: ['a', 'b', 'c'] }]
};

const componentCheckpoint = (): Checkpoint => ({
	question: 'Who sends first?',
	kind: 'component',
	options: [{ value: 'a' }, { value: 'b', misconception: 'B starts everything. A does.' }, { value: 'c', misconception: 'C pushes. C only stores.' }],
	answer: 'a',
	feedback: 'A asks; B answers.'
});

const choiceCheckpoint = (): Checkpoint => ({
	question: 'How long?',
	kind: 'choice',
	options: [{ value: '5 s', misconception: 'One beat is enough. There is a grace period.' }, { value: '50 s' }],
	answer: '50 s',
	feedback: 'The grace period is 50 s.'
});

const step = (checkpoint: Checkpoint): Step => ({
	id: 's',
	title: 'S',
	view: 'v',
	narration: 'n',
	messages: [{ from: 'a', to: 'b', via: 'ab', kind: 'request', summary: 'hi' }],
	checkpoint
});
const visible = new Set(['a', 'b', 'c']);

describe('grade', () => {
	const cases: [string, Checkpoint, string, boolean, string | undefined][] = [
		['the right component', componentCheckpoint(), 'a', true, undefined],
		['a wrong option names its misconception', componentCheckpoint(), 'b', false, 'B starts everything. A does.'],
		['a part of the diagram that is no option is wrong, with no misconception', componentCheckpoint(), 'hidden', false, undefined],
		['the right value', choiceCheckpoint(), '50 s', true, undefined],
		['a wrong value', choiceCheckpoint(), '5 s', false, 'One beat is enough. There is a grace period.']
	];
	it.each(cases)('%s', (_name, checkpoint, value, correct, misconception) => {
		const g = grade(checkpoint, value);
		expect(g.correct).toBe(correct);
		expect(g.misconception).toBe(misconception);
	});
});

describe('misconceptionParts', () => {
	it.each([
		['Kubelets grab Pods. A kubelet runs only Pods bound to it.', 'Kubelets grab Pods', 'A kubelet runs only Pods bound to it.'],
		['Since v1.32 it waits 50 s. Before, 40 s.', 'Since v1.32 it waits 50 s', 'Before, 40 s.'],
		['No correction.', 'No correction', '']
	])('splits "%s" into the wrong idea and why not', (text, belief, correction) => {
		expect(misconceptionParts(text)).toEqual({ belief, correction });
	});
});

describe('answerLabel and optionLetter', () => {
	it('names a component by its display name, a choice by its text', () => {
		expect(answerLabel(scene, componentCheckpoint(), 'b')).toBe('Beta');
		expect(answerLabel(scene, choiceCheckpoint(), '5 s')).toBe('5 s');
	});
	it('letters options A to D', () => expect([0, 1, 2, 3].map(optionLetter)).toEqual(['A', 'B', 'C', 'D']));
});

describe('checkpointProblems', () => {
	it('accepts good checkpoints of both kinds', () => {
		expect(checkpointProblems(step(componentCheckpoint()), scene, visible)).toEqual([]);
		expect(checkpointProblems(step(choiceCheckpoint()), scene, visible)).toEqual([]);
	});
	it('accepts a component answer on a step without messages', () => {
		const s = step({ ...componentCheckpoint(), answer: 'c', options: [{ value: 'c' }, { value: 'a', misconception: 'A stores. C does.' }] });
		delete s.messages;
		expect(checkpointProblems(s, scene, visible)).toEqual([]);
	});

	const cases: [string, (c: Checkpoint) => void, string][] = [
		['a repeated option', (c) => c.options.push({ value: 'a', misconception: 'x' }), 'repeat'],
		['an answer that is no option', (c) => (c.answer = 'z'), 'not one of its options'],
		['a wrong option without its misconception', (c) => delete c.options[1]!.misconception, 'needs the misconception'],
		['a misconception on the right answer', (c) => (c.options[0]!.misconception = 'oops'), 'right answer carries'],
		['an unknown component', (c) => (c.options[2]!.value = 'nope'), '"nope" is not a component'],
		['a misconception without its correction', (c) => (c.options[1]!.misconception = 'B starts everything'), 'then why not'],
		['a component outside the view', (c) => (c.options[2]!.value = 'hidden'), 'not shown in view'],
		['an answer that sends none of the traffic', (c) => { c.answer = 'b'; delete c.options[1]!.misconception; c.options[0]!.misconception = 'A asks. B does.'; }, 'sends none'],
		['one option only', (c) => (c.options = [{ value: 'a' }]), '1 options'],
		['five options', (c) => c.options.push({ value: 'x', misconception: 'X. Y.' }, { value: 'y', misconception: 'X. Y.' }), '5 options'],
		['an empty question', (c) => (c.question = ' '), 'question is empty'],
		['empty feedback', (c) => (c.feedback = ''), 'feedback is empty']
	];
	it.each(cases)('rejects %s', (_name, breakIt, text) => {
		const c = componentCheckpoint();
		breakIt(c);
		expect(checkpointProblems(step(c), scene, visible).join('\n')).toContain(text);
	});
});
