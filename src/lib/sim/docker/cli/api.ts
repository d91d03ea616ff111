// The CLI's client of the Engine API: one HTTP link to the daemon's socket. It knows what `docker login`
// stored (~/.docker/config.json) and sends it as X-Registry-Auth when a registry needs it.
import type { Answer, HttpLink, HttpRequest, HttpResponse } from '../http';
import type { Progress } from '../daemon/pull';
import { parseReference } from '../reference';

export class EngineClient {
	/** ~/.docker/config.json "auths": registry domain → credentials. */
	readonly auths = new Map<string, { username: string; password: string }>();

	constructor(private readonly link: HttpLink) {}

	call(req: HttpRequest, done: (res: HttpResponse) => void, onProgress?: (p: Progress) => void): { close(): void } {
		const answer: Answer = { done, ...(onProgress ? { onProgress: (d) => onProgress(d as Progress) } : {}) };
		return this.link.request(req, answer);
	}

	/** X-Registry-Auth for an image's registry, if `docker login` stored credentials for it. */
	authFor(image: string): Record<string, string> {
		let domain: string;
		try {
			domain = parseReference(image).domain;
		} catch {
			return {};
		}
		const a = this.auths.get(domain);
		return a ? { 'x-registry-auth': JSON.stringify(a) } : {};
	}
}

export const messageOf = (res: HttpResponse): string => (res.body as { message?: string } | undefined)?.message ?? res.summary ?? String(res.status);
