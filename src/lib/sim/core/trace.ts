// The recorded output of a run: every message (in the walkthrough's Message shape, plus time, id and
// cause) and every note (an action, or what a component decided without sending anything). One id
// counter numbers both, so `cause` can point at either, and following causes back always ends at an
// action or at a start-up note. The text form is what golden tests compare, byte for byte.
//
// Stored by column, not as one object per entry: an hour of a 50-node cluster records 250,000 entries,
// and an object each (nine fields, the summary as a chain of concatenations) took ~280 bytes, most of
// a 100 MB budget. Here an entry is a time, a cause, a "head" (who sent what kind of message to whom,
// or which actor noted something: a few hundred distinct ones, stored once) and its text, flattened.
// Entry objects are built only when asked for (tests, `why`, recordings).
import type { Message, MessageKind } from '$lib/model/types';
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

type Head = { type: 'message'; from: string; to: string; via: string; kind: MessageKind } | { type: 'note'; actor: string };

/** Seconds with exactly three decimals: integer milliseconds print the same on every platform. */
export const formatTime = (ms: number) => `t=${(ms / 1000).toFixed(3)}s`;

const ref = (id: number, cause: Cause) => (cause === null ? `#${id}` : `#${id}←#${cause}`);

function formatEntry(e: TraceEntry): string {
	const head = `${formatTime(e.time)} ${ref(e.id, e.cause)}`;
	return e.type === 'message' ? `${head} ${e.from} → ${e.to}: ${e.summary}` : `${head} [${e.actor}] ${e.text}`;
}

/**
 * A string built by concatenation is a tree of pieces in V8 (a cons string, 32 bytes a node, holding
 * every piece alive); reading a character flattens it into one block of characters, which for a
 * typical summary takes less than half the memory. The trace keeps its texts for the whole run.
 */
const flat = (s: string) => (s.charCodeAt(0), s);

export class Trace {
	private count = 0;
	// Ids count from 1 and every entry is kept, so id n is at index n - 1 in every column.
	private times = new Float64Array(1024);
	/** The cause's id, 0 for none (ids start at 1). */
	private causes = new Int32Array(1024);
	private heads = new Int32Array(1024);
	private readonly texts: string[] = [];
	private readonly headList: Head[] = [];
	private readonly headIds = new Map<string, number>();

	/** The head of messages of one kind on one channel: a sender of many messages keeps it. */
	messageHead(from: string, to: string, via: string, kind: MessageKind): number {
		return this.head(`m\0${from}\0${to}\0${via}\0${kind}`, () => ({ type: 'message', from, to, via, kind }));
	}

	noteHead(actor: string): number {
		return this.head(`n\0${actor}`, () => ({ type: 'note', actor }));
	}

	/** Records an entry (a message's summary or a note's text); returns its id. */
	record(head: number, text: string, time: number, cause: Cause): number {
		const i = this.count;
		if (i === this.times.length) this.grow();
		this.times[i] = time;
		this.causes[i] = cause ?? 0;
		this.heads[i] = head;
		this.texts.push(flat(text));
		this.count = i + 1;
		return i + 1;
	}

	/** Records a message; returns its id. */
	message(m: Message, time: number, cause: Cause): number {
		return this.record(this.messageHead(m.from, m.to, m.via, m.kind), m.summary, time, cause);
	}

	/** Records a note; returns its id. */
	note(actor: string, text: string, time: number, cause: Cause): number {
		return this.record(this.noteHead(actor), text, time, cause);
	}

	/** How many entries there are (the id of the last one). */
	get size(): number {
		return this.count;
	}

	/** Every entry, as objects built now: for tests and short runs; use `size` and `slice` in loops. */
	get entries(): readonly TraceEntry[] {
		return this.slice(0);
	}

	/** The entries from index `from` (0-based: the entry with id from + 1) to the end. */
	slice(from: number): TraceEntry[] {
		const out: TraceEntry[] = [];
		for (let id = Math.max(0, from) + 1; id <= this.count; id++) out.push(this.get(id) as TraceEntry);
		return out;
	}

	messages(): SimMessage[] {
		return this.slice(0).flatMap(({ type, ...m }) => (type === 'message' ? [m as SimMessage] : []));
	}

	get(id: number): TraceEntry | undefined {
		if (!(id >= 1 && id <= this.count)) return undefined;
		const i = id - 1;
		const head = this.headList[this.heads[i] as number] as Head;
		const time = this.times[i] as number;
		const cause = (this.causes[i] as number) || null;
		const text = this.texts[i] as string;
		return head.type === 'message'
			? { type: 'message', from: head.from, to: head.to, via: head.via, kind: head.kind, summary: text, id, time, cause }
			: { type: 'note', id, time, cause, actor: head.actor, text };
	}

	/** The entry and everything that led to it, newest first, ending at an entry with no cause. */
	why(id: number): TraceEntry[] {
		const chain: TraceEntry[] = [];
		for (let e = this.get(id); e; e = e.cause === null ? undefined : this.get(e.cause)) chain.push(e);
		return chain;
	}

	/** The entries' lines from index `from` on. */
	lines(from = 0): string[] {
		return this.slice(from).map(formatEntry);
	}

	text(): string {
		return this.lines().join('\n') + '\n';
	}

	private head(key: string, make: () => Head): number {
		let id = this.headIds.get(key);
		if (id === undefined) {
			id = this.headList.push(make()) - 1;
			this.headIds.set(key, id);
		}
		return id;
	}

	private grow(): void {
		const size = this.times.length * 2;
		const times = new Float64Array(size);
		const causes = new Int32Array(size);
		const heads = new Int32Array(size);
		times.set(this.times);
		causes.set(this.causes);
		heads.set(this.heads);
		this.times = times;
		this.causes = causes;
		this.heads = heads;
	}
}
