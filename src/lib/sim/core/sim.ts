// One simulation run: the clock and queue, the root PRNG, the trace and the network, created from a
// seed. Simulators (Kubernetes, Docker) build their components on top of one Sim.
import { Network } from './network';
import { Prng } from './prng';
import { EventQueue, type Cause } from './queue';
import { Trace } from './trace';

export class Sim {
	readonly queue = new EventQueue();
	readonly trace = new Trace();
	readonly rng: Prng;
	readonly net: Network;

	constructor(readonly seed: string | number) {
		this.rng = new Prng(seed);
		this.net = new Network(this.queue, this.trace, this.rng.fork('network'));
	}

	get now(): number {
		return this.queue.now;
	}

	/**
	 * An action from outside (a user typing a command, a fault being injected): recorded as a note
	 * with no cause, and everything fn sends names it as its cause.
	 */
	action<T>(text: string, fn: () => T, actor = 'user'): T {
		return this.queue.within(this.trace.note(actor, text, this.queue.now, null), fn);
	}

	/** A note inside the current event (a decision, a check), caused by what is being handled. */
	note(actor: string, text: string, cause: Cause = this.queue.cause): number {
		return this.trace.note(actor, text, this.queue.now, cause);
	}
}
