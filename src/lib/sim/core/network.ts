// Message transport between components. Sending records the message in the trace at the current
// time and delivers it after a latency drawn from the channel's own PRNG stream. A channel is one
// direction of one connection and is FIFO (like a TCP or HTTP/2 stream): a message never overtakes
// an earlier one on the same channel, which is what keeps a watch stream in resourceVersion order.
import type { MessageKind } from '$lib/model/types';
import type { Prng } from './prng';
import type { Cause, EventQueue } from './queue';
import type { Trace } from './trace';

export interface Latency {
	min: number;
	max: number;
}

export class Channel {
	private lastArrival = 0;
	/** The trace's head for each kind of message sent here, looked up once. */
	private readonly heads: Partial<Record<MessageKind, number>> = {};

	constructor(
		private readonly net: Network,
		readonly from: string,
		readonly to: string,
		/** The scene connection the message travels along. */
		readonly via: string,
		private readonly rng: Prng,
		private readonly latency: Latency
	) {}

	/** Records the message now and returns its id; `deliver` runs on arrival with the message as the ambient cause. */
	send(kind: MessageKind, summary: string, deliver?: (id: number) => void): number {
		const { queue, trace } = this.net;
		const head = (this.heads[kind] ??= trace.messageHead(this.from, this.to, this.via, kind));
		const id = trace.record(head, summary, queue.now, queue.cause);
		const arrival = Math.max(queue.now + this.rng.between(this.latency.min, this.latency.max), this.lastArrival);
		this.lastArrival = arrival;
		// The event's cause is the message's id, and the queue hands its cause to the callback: so `deliver`
		// itself is the callback, with no closure per message.
		if (deliver) queue.schedule({ at: arrival }, deliver as (cause: Cause) => void, id);
		return id;
	}
}

export class Network {
	constructor(
		readonly queue: EventQueue,
		readonly trace: Trace,
		private readonly rng: Prng
	) {}

	/** A channel with its own latency stream, named by its ends, so adding a channel shifts no other. */
	channel(from: string, to: string, via: string, latency: Latency): Channel {
		return new Channel(this, from, to, via, this.rng.fork(`${from}->${to}`), latency);
	}
}
