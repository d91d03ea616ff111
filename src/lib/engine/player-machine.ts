// Autoplay: paused or playing; while playing it waits for the step's animation to settle, lingers for
// the step's dwell time (divided by the speed) and then asks for the next step. Time comes from the
// actor's clock, so tests run it on a SimulatedClock.
import { assign, setup } from 'xstate';
import { clampSpeed } from './speed';


export type PlayerEvent =
	| { type: 'PLAY' }
	| { type: 'PAUSE' }
	| { type: 'TOGGLE' }
	| { type: 'SET_SPEED'; speed: number }
	/** The current step's animation finished; `isLast` = there is no next step. */
	| { type: 'STEP_SETTLED'; dwellMs: number; isLast: boolean }
	/** A new step began (by autoplay or by the user); the dwell starts over when it settles. */
	| { type: 'STEP_STARTED' };

export const playerMachine = setup({
	types: {
		context: {} as { speed: number; dwellMs: number },
		events: {} as PlayerEvent,
		input: {} as { speed?: number } | undefined
	},
	actions: {
		// Provided by whoever owns the walkthrough actor.
		advance: () => {}
	},
	delays: {
		dwell: ({ context }) => context.dwellMs / context.speed
	}
}).createMachine({
	id: 'player',
	context: ({ input }) => ({ speed: clampSpeed(input?.speed ?? 1), dwellMs: 0 }),
	initial: 'paused',
	on: {
		SET_SPEED: { actions: assign({ speed: ({ event }) => clampSpeed(event.speed) }) }
	},
	states: {
		paused: {
			on: { PLAY: 'playing', TOGGLE: 'playing' }
		},
		playing: {
			initial: 'waiting',
			on: {
				PAUSE: 'paused',
				TOGGLE: 'paused',
				STEP_STARTED: { target: '.waiting', reenter: true }
			},
			states: {
				waiting: {
					on: {
						STEP_SETTLED: [
							{ guard: ({ event }) => event.isLast, target: '#player.paused' },
							{ target: 'dwelling', actions: assign({ dwellMs: ({ event }) => event.dwellMs }) }
						]
					}
				},
				dwelling: {
					after: { dwell: { target: 'waiting', actions: 'advance' } }
				}
			}
		}
	}
});
