// The recorded output of a run: every message (in the walkthrough's Message shape, plus time, id and
// cause) and every note (an action, or what a component decided without sending anything). One id
// counter numbers both, so `cause` can point at either, and following causes back always ends at an
// action or at a start-up note. The text form is what golden tests compare, byte for byte.
import type { Message } from '$lib/model/types';
import type { Cause } from './queue';

export interface SimMessage extends Message {
	id: number;
	/** Simulated time it was sent, in ms. */
	time: number;
	cause: Cause;
}

/** Something that happened without a message: a user action, a timer, a decision inside a component. */
export interface SimNote {
	id: number;
	time: number;
	cause: Cause;
	/** Who: a component id, or 'user' for an action from outside the cluster. */
	actor: string;
	text: string;
}

export type TraceEntry = ({ type: 'message' } & SimMessage) | ({ type: 'note' } & SimNote);

/** Seconds with exactly three decimals: integer milliseconds print the same on every platform. */
export const formatTime = (ms: number) => `t=${(ms / 1000).toFixed(3)}s`;

const ref = (id: number, cause: Cause) => (cause === null ? `#${id}` : `#${id}←#${cause}`);

export function formatEntry(e: TraceEntry): string {
	const head = `${formatTime(e.time)} ${ref(e.id, e.cause)}`;
	return e.type === 'message' ? `${head} ${e.from} → ${e.to}: ${e.summary}` : `${head} [${e.actor}] ${e.text}`;
}

export class Trace {
	private nextId = 1;
	private readonly all: TraceEntry[] = [];

	message(m: Message, time: number, cause: Cause): SimMessage {
		const entry = { type: 'message' as const, ...m, id: this.nextId++, time, cause };
		this.add(entry);
		const { type: _type, ...message } = entry;
		return message;
	}

	note(actor: string, text: string, time: number, cause: Cause): SimNote {
		const entry = { type: 'note' as const, id: this.nextId++, time, cause, actor, text };
		this.add(entry);
		const { type: _type, ...note } = entry;
		return note;
	}

	get entries(): readonly TraceEntry[] {
		return this.all;
	}

	messages(): SimMessage[] {
		return this.all.filter((e) => e.type === 'message').map(({ type: _type, ...m }) => m as SimMessage);
	}

	get(id: number): TraceEntry | undefined {
		// Ids count from 1 and every entry is kept, so an id is its place in the list.
		return this.all[id - 1];
	}

	/** The entry and everything that led to it, newest first, ending at an entry with no cause. */
	why(id: number): TraceEntry[] {
		const chain: TraceEntry[] = [];
		for (let e = this.get(id); e; e = e.cause === null ? undefined : this.get(e.cause)) chain.push(e);
		return chain;
	}

	lines(): string[] {
		return this.all.map(formatEntry);
	}

	text(): string {
		return this.lines().join('\n') + '\n';
	}

	private add(entry: TraceEntry): void {
		this.all.push(entry);
	}
}
