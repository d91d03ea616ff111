// Predict, then see: a step with a checkpoint asks before its traffic travels. The gate holds the
// animation after the morph (animate-step's `hold`) until the learner answers, or asks to be shown, or
// moves on; it never holds a step twice, so going back and forth never re-asks (or dead-ends).
// Next and Play while a question is open play the step as "Show me" would: a clicker keeps working.
import type { StepCommand } from '$lib/engine/commands';
import { grade, type Grade } from '$lib/model/checkpoint';
import type { Checkpoint, Walkthrough } from '$lib/model/types';
import type { Hold } from '$lib/render/animate-step';
import { readPreference, writePreference } from './safe-storage';

/** What became of one step's checkpoint: answered (graded), or shown without an answer. */
export interface Outcome {
	value?: string;
	grade?: Grade;
}

export interface GateOptions {
	/** Called once per answer (not for "Show me"). The checkpoint's id is its step's id. */
	onAnswer?: (step: number, checkpointId: string, correct: boolean) => void;
	/** Ask at all (explore's "Ask me first", an embed's predict=). Default true. */
	asking?: boolean;
	/** Remember the learner's "Ask me first" in storage (explore only: embeds keep no storage). */
	remember?: boolean;
}

const KEY = 'ask-first';

export class CheckpointGate {
	asking: boolean = $state(true);
	/** The step index whose question is open, holding its traffic. */
	waiting: number | null = $state(null);
	/** By step index; a fresh object on each change so the page re-renders. */
	outcomes: Record<number, Outcome> = $state.raw({});
	#release: (() => void) | undefined;

	constructor(
		readonly walkthrough: Walkthrough,
		private readonly options: GateOptions = {}
	) {
		this.asking = options.asking ?? true;
		if (options.remember && readPreference(KEY) === '0') this.asking = false;
	}

	checkpointAt(index: number): Checkpoint | undefined {
		return this.walkthrough.steps[index]?.checkpoint;
	}

	/** animate-step's hold: ask at a step with a checkpoint not met before, while asking is on. */
	readonly hold: Hold = (index, signal) => {
		if (!this.asking || !this.checkpointAt(index) || this.outcomes[index] || signal.aborted) return undefined;
		this.waiting = index;
		return new Promise<void>((resolve) => {
			const done = () => {
				if (this.waiting === index) this.waiting = null;
				this.#release = undefined;
				resolve();
			};
			this.#release = done;
			signal.addEventListener('abort', done, { once: true });
		});
	};

	/** The learner's prediction: graded, recorded, reported, and then the traffic plays. */
	answer(value: string): Grade | undefined {
		const index = this.waiting;
		const checkpoint = index === null ? undefined : this.checkpointAt(index);
		if (index === null || !checkpoint) return undefined;
		const result = grade(checkpoint, value);
		this.outcomes = { ...this.outcomes, [index]: { value, grade: result } };
		this.options.onAnswer?.(index, this.walkthrough.steps[index]!.id, result.correct);
		this.#release?.();
		return result;
	}

	/** "Show me": no answer, no score; the traffic plays and the feedback says why. */
	showMe() {
		if (this.waiting === null) return;
		this.outcomes = { ...this.outcomes, [this.waiting]: {} };
		this.#release?.();
	}

	/** A click on a part of the diagram answers a `component` question that is open; else it inspects. */
	pointAt(id: string): boolean {
		if (this.waiting === null || this.checkpointAt(this.waiting)?.kind !== 'component') return false;
		this.answer(id);
		return true;
	}

	/**
	 * Next while a question is open plays the step ("Show me") and stays: the next Next moves on, as a
	 * presenter's clicker expects. Play shows it too, then plays on. Returns true when Next was used up.
	 */
	intercept(command: StepCommand, playing = false): boolean {
		if (this.waiting === null) return false;
		if (command.type === 'play' || (command.type === 'togglePlay' && !playing)) this.showMe();
		if (command.type !== 'next') return false;
		this.showMe();
		return true;
	}

	/** "Ask me first" switched; switching it off lets an open question's traffic play, unrecorded. */
	setAsking(on: boolean) {
		this.asking = on;
		if (this.options.remember) writePreference(KEY, on ? '1' : '0');
		if (!on) this.#release?.();
	}
}
