// A request/response link between two components that do not go through kube-apiserver: the CRI
// (kubelet ↔ its own runtime, gRPC over a local socket) and the registry API (runtime ↔ registry,
// HTTPS). Like ApiClient, the caller holds only a way to send: the request is a message, the server
// handles it on arrival and its answer travels back as a message on the other channel.
import type { Latency, Network } from '../../core/network';
import type { MessageKind } from '$lib/model/types';

export type Reply<Res> = (result: Res, summary: string, kind?: MessageKind) => void;
export type Serve<Req, Res> = (req: Req, reply: Reply<Res>) => void;

export class Link<Req, Res> {
	private readonly up;
	private readonly down;
	/** Set while the caller is powered off: answers still in flight are dropped on arrival. */
	private epoch = 0;

	constructor(
		net: Network,
		readonly client: string,
		readonly server: string,
		readonly via: string,
		latency: Latency,
		private readonly serve: Serve<Req, Res>
	) {
		this.up = net.channel(client, server, via, latency);
		this.down = net.channel(server, client, via, latency);
	}

	/** Sends the request now; `done` runs when the answer arrives (unless the caller was reset meanwhile). */
	call(req: Req, summary: string, done: (result: Res) => void): void {
		const epoch = this.epoch;
		this.up.send('request', summary, () =>
			this.serve(req, (result, answer, kind = 'response') => {
				this.down.send(kind, answer, () => {
					if (epoch === this.epoch) done(result);
				});
			})
		);
	}

	/** Forgets every call in flight (the calling process died): their answers are still sent, never handled. */
	reset(): void {
		this.epoch++;
	}
}
