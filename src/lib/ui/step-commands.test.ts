import { describe, expect, it } from 'vitest';
import { walkthroughs } from '../../content/registry';
import type { Session } from '$lib/engine/session';
import { mainPath } from '$lib/model/graph';
import type { Command } from './keyboard';
import { runStepCommand } from './step-commands';

// create-deployment has a side branch (RBAC refusal) listed after its main path's last step.
const w = walkthroughs.find((x) => x.id === 'kubernetes/create-deployment')!;

function fakeSession() {
	const calls: string[] = [];
	const session = {
		walkthrough: w,
		next: () => calls.push('next'),
		previous: () => calls.push('previous'),
		goto: (i: number) => calls.push(`goto ${i}`),
		togglePlay: () => calls.push('togglePlay')
	} as unknown as Session;
	return { session, calls };
}

describe('runStepCommand', () => {
	it.each([
		['next', true, ['next']],
		['previous', true, ['previous']],
		['first', true, ['goto 0']],
		['last', true, [`goto ${mainPath(w).at(-1)}`]],
		['togglePlay', true, ['togglePlay']],
		['help', false, []],
		['blackout', false, []]
	] as Array<[Command, boolean, string[]]>)('%s', (command, handled, expected) => {
		const { session, calls } = fakeSession();
		expect(runStepCommand(session, command)).toBe(handled);
		expect(calls).toEqual(expected);
	});

	it('End stops at the end of the main path, not at the last step in the list', () => {
		expect(mainPath(w).at(-1)).not.toBe(w.steps.length - 1);
	});
});
