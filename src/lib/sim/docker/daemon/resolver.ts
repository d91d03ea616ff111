// The daemon's side of a registry conversation (containerd's remotes/docker resolver and authorizer,
// which moby uses with the containerd image store): send a request; on 401, read the Bearer challenge,
// get a token for its scope from the realm it names, and send the request again with the token. One
// resolver serves one pull or push and keeps its tokens for it.
import type { HttpLink, HttpRequest, HttpResponse } from '../http';

/** What `docker login` stored for a registry: a user and password, or (ACR) a refresh token. */
export type Credentials = { user: string; password: string };

const challengeField = (challenge: string, key: string) => challenge.match(new RegExp(`${key}="([^"]*)"`))?.[1];

/** Scopes for the same repository become one, with the union of their actions, in first-seen order. */
export function mergeScopes(scopes: string[]): string[] {
	const byRepo = new Map<string, Set<string>>();
	for (const s of scopes) {
		const m = s.match(/^repository:([^:]+):(.+)$/);
		if (!m) continue;
		const actions = byRepo.get(m[1]!) ?? new Set<string>();
		for (const a of m[2]!.split(',')) actions.add(a);
		byRepo.set(m[1]!, actions);
	}
	return [...byRepo].map(([repo, actions]) => `repository:${repo}:${['pull', 'push'].filter((a) => actions.has(a)).join(',')}`);
}

export class Resolver {
	private token: string | undefined;

	constructor(
		private readonly link: HttpLink,
		private readonly credentials: Credentials | undefined,
		/** Scopes asked for beside the challenge's: push on the target, pull where a push may mount blobs from. */
		private readonly extraScopes: string[] = []
	) {}

	get hasToken(): boolean {
		return this.token !== undefined;
	}

	/** Sends a request with the token; fetches a token once on a 401 challenge. `done` gets the final answer. */
	send(req: HttpRequest, done: (res: HttpResponse) => void, retried = false): void {
		const withToken = this.token ? { ...req, headers: { ...req.headers, authorization: `Bearer ${this.token}` }, note: req.note ?? (retried ? 'with the token' : undefined) } : req;
		this.link.request(withToken, (res) => {
			const challenge = res.headers?.['www-authenticate'];
			if (res.status !== 401 || !challenge || retried) return done(res);
			this.fetchToken(challenge, (ok) => (ok ? this.send(req, done, true) : done(res)));
		});
	}

	private fetchToken(challenge: string, done: (ok: boolean) => void): void {
		const realm = challengeField(challenge, 'realm') ?? '';
		const service = challengeField(challenge, 'service') ?? '';
		const scope = challengeField(challenge, 'scope');
		const scopes = scope ? mergeScopes([scope, ...this.extraScopes]) : [];
		const url = new URL(realm);
		const query = new URLSearchParams({ service });
		for (const s of scopes) query.append('scope', s);
		const basic = this.credentials ? { authorization: `Basic ${this.credentials.user}:${this.credentials.password}` } : undefined;
		const acr = url.pathname === '/oauth2/token';
		const req: HttpRequest =
			acr && scopes.length && this.credentials
				? { method: 'POST', path: '/oauth2/token', body: { grant_type: 'refresh_token', service, scope: scopes.join(' '), refresh_token: this.credentials.password }, note: `stored ACR token; scope ${scopes.join(' ')}` }
				: {
						method: 'GET',
						...(acr ? {} : { host: url.host }),
						path: `${url.pathname}?${decodeURIComponent(query.toString())}`,
						...(basic ? { headers: basic } : {}),
						note: this.credentials ? `basic auth: ${this.credentials.user}` : 'anonymous'
					};
		this.link.request(req, (res) => {
			const body = res.body as { token?: string; access_token?: string } | undefined;
			this.token = body?.token ?? body?.access_token;
			done(res.status === 200 && this.token !== undefined);
		});
	}
}
