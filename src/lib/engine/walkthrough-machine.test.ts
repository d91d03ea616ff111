import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorRef } from 'xstate';
import { walkthroughs } from '$content/registry';
import type { Walkthrough } from '../model/types';
import { createWalkthroughMachine, positionOf, type WalkthroughEvent } from './walkthrough-machine';

function eventsFor(w: Walkthrough): WalkthroughEvent[] {
	const choices = w.steps.flatMap((s) => (s.choices ?? []).map((c) => ({ type: 'CHOOSE' as const, to: c.to })));
	return [{ type: 'NEXT' }, { type: 'PREVIOUS' }, { type: 'ANIMATION_DONE' }, ...choices];
}

const where = (a: AnyActorRef) => {
	const p = positionOf(a.getSnapshot());
	return { id: p.id, history: p.history };
};

describe.each(walkthroughs.map((w) => [w.id, w] as const))('walkthrough machine %s', (_id, w) => {
	const machine = createWalkthroughMachine(w);
	const paths = getShortestPaths(machine, {
		events: eventsFor(w),
		serializeState: (s) => JSON.stringify([s.value, (s.context as { history: string[] }).history])
	});

	it('reaches every step through Next, Previous and the choices', () => {
		const reached = new Set(paths.map((p) => positionOf(p.state as never).id));
		expect([...reached].sort()).toEqual(w.steps.map((s) => s.id).sort());
	});

	it('Previous undoes Next and undoes every choice, from every reachable state', () => {
		for (const path of paths) {
			const actor = createActor(machine).start();
			for (const step of path.steps) actor.send(step.event as WalkthroughEvent);
			const before = where(actor);
			const moves: WalkthroughEvent[] = [{ type: 'NEXT' }, ...(w.steps.find((s) => s.id === before.id)?.choices ?? []).map((c) => ({ type: 'CHOOSE' as const, to: c.to }))];
			for (const move of moves) {
				const probe = createActor(machine).start();
				for (const step of path.steps) probe.send(step.event as WalkthroughEvent);
				probe.send(move);
				if (where(probe).id === before.id) continue; // end of the walkthrough: nothing to undo
				probe.send({ type: 'PREVIOUS' });
				expect(where(probe), `${JSON.stringify(move)} then PREVIOUS from ${before.id}`).toEqual(before);
			}
			actor.stop();
		}
	});

	it('settles every step with all of its messages delivered', () => {
		w.steps.forEach((step, index) => {
			const actor = createActor(createWalkthroughMachine(w, index)).start();
			const p = positionOf(actor.getSnapshot());
			expect(p.id).toBe(step.id);
			expect(p.settled).toBe(true);
			expect(p.delivered).toBe(step.messages?.length ?? 0);
		});
	});

	it('GOTO jumps anywhere and gives Previous the shortest way back', () => {
		const actor = createActor(machine).start();
		const last = w.steps.length - 1;
		actor.send({ type: 'GOTO', index: last });
		expect(where(actor).id).toBe(w.steps[last]!.id);
		actor.send({ type: 'PREVIOUS' });
		expect(where(actor).id).not.toBe(w.steps[last]!.id);
		actor.send({ type: 'GOTO', index: 999 });
		expect(where(actor).id).not.toBe(w.steps[last]!.id); // out of range is ignored, not an error
	});
});

describe('branching in stacks/overview', () => {
	const w = walkthroughs.find((x) => x.id === 'stacks/overview')!;
	it('Previous after a branch returns to the step the learner came from', () => {
		const why = w.steps.findIndex((s) => s.id === 'why');
		const actor = createActor(createWalkthroughMachine(w, why)).start();
		actor.send({ type: 'CHOOSE', to: 'caveat' });
		actor.send({ type: 'NEXT' });
		expect(where(actor).id).toBe('vm-containers');
		actor.send({ type: 'PREVIOUS' });
		expect(where(actor).id).toBe('caveat');

		const skip = createActor(createWalkthroughMachine(w, why)).start();
		skip.send({ type: 'CHOOSE', to: 'vm-containers' });
		skip.send({ type: 'PREVIOUS' });
		expect(where(skip).id).toBe('why');
	});
});
