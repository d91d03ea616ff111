// HTTP between simulated components: a request is one message on the client→server channel, the
// answer one message back (and, for a streamed answer such as pull progress, `data` messages before
// it). The server is a handler that may answer later, after requests of its own: the daemon answers
// `POST /images/create` only once it has pulled. Everything runs in simulated time, with callbacks
// (a Promise would resume outside the simulated event, so its cause and time would be lost).
import type { MessageKind } from '$lib/model/types';
import type { Channel, Latency } from '../core/network';
import type { Sim } from '../core/sim';

export interface HttpRequest {
	method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path and query: /v2/library/nginx/manifests/latest, /containers/create?name=web. */
	path: string;
	/** Another host served by the same component (Docker Hub's auth.docker.io), printed before the path. */
	host?: string;
	headers?: Record<string, string>;
	body?: unknown;
	/** Words after the path in the message log: "(with the token)". */
	note?: string;
	/** `data` for a request that carries content (a blob upload); `request` otherwise. */
	kind?: MessageKind;
}

export interface HttpResponse {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** The whole line in the message log; default "<status> <reason>". */
	summary?: string;
	/** `data` for an answer that carries content (a blob); `response` otherwise. */
	kind?: MessageKind;
}

const REASONS: Record<number, string> = {
	101: 'UPGRADED',
	200: 'OK',
	201: 'Created',
	202: 'Accepted',
	204: 'No Content',
	304: 'Not Modified',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error'
};

export const statusLine = (status: number): string => `${status} ${REASONS[status] ?? ''}`.trim();

/** A digest as logs print it: sha256 and the first 12 hex characters (the short ID docker prints). */
export const abbrev = (text: string): string => text.replace(/sha256:([a-f0-9]{12})[a-f0-9]{52}/g, 'sha256:$1…').replace(/\b([a-f0-9]{12})[a-f0-9]{52}\b/g, '$1…');

export const requestLine = (r: HttpRequest): string => abbrev(`${r.method} ${r.host ?? ''}${r.path}${r.note ? ` (${r.note})` : ''}`);

export interface Exchange {
	/** The client component that sent the request (a registry counts pulls per client address). */
	client: string;
	/** Simulated time of the request's arrival, in ms. */
	now: number;
	/** The client closed the connection: anything sent now is dropped. */
	readonly closed: boolean;
	/** A streamed part of the answer (pull or push progress) before the final one. */
	progress(summary: string, data?: unknown): void;
	reply(res: HttpResponse): void;
}

export type Handler = (req: HttpRequest, ex: Exchange) => void;

export interface Answer {
	onProgress?: (data: unknown) => void;
	done: (res: HttpResponse) => void;
}

/** One HTTP connection between two components, along one scene connection. */
export class HttpLink {
	private readonly up: Channel;
	private readonly down: Channel;

	constructor(
		private readonly sim: Sim,
		readonly client: string,
		readonly server: string,
		via: string,
		private readonly handler: Handler,
		latency: Latency
	) {
		this.up = sim.net.channel(client, server, via, latency);
		this.down = sim.net.channel(server, client, via, latency);
	}

	/**
	 * Sends a request; `done` runs when the answer arrives. Closing the returned connection (a client
	 * that stops waiting, like `docker run -d` with its wait request) drops whatever the server sends later.
	 */
	request(req: HttpRequest, answer: Answer | ((res: HttpResponse) => void)): { close(): void } {
		const { done, onProgress } = typeof answer === 'function' ? { done: answer, onProgress: undefined } : answer;
		const client = this.client;
		let closed = false;
		this.up.send(req.kind ?? 'request', requestLine(req), () => {
			let answered = false;
			this.handler(req, {
				client,
				now: this.sim.now,
				get closed() {
					return closed;
				},
				progress: (summary, data) => {
					if (answered) throw new Error(`${this.server}: progress after the answer to ${requestLine(req)}`);
					if (!closed) this.down.send('data', summary, () => onProgress?.(data ?? summary));
				},
				reply: (res) => {
					if (answered) throw new Error(`${this.server}: two answers to ${requestLine(req)}`);
					answered = true;
					if (!closed) this.down.send(res.kind ?? 'response', res.summary ?? statusLine(res.status), () => done(res));
				}
			});
		});
		return { close: () => void (closed = true) };
	}
}
