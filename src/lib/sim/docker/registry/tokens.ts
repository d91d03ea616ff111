// A registry's token service (the Docker Registry v2 token auth that Docker Hub and ACR both speak):
// a request without a valid Bearer token gets 401 and a challenge naming the realm to ask, the service
// and the scope it needs; the client fetches a token for that scope and retries. A token grants each
// repository only the actions the subject may do there, which may be fewer than it asked for.

export type Action = 'pull' | 'push';

export interface Grant {
	/** Who the token is for; null for an anonymous token. */
	subject: string | null;
	access: Map<string, Set<Action>>;
}

/** `repository:library/nginx:pull` → the path and actions; other scope types are ignored. */
export function parseScopes(scopes: string[]): Map<string, Set<Action>> {
	const out = new Map<string, Set<Action>>();
	for (const s of scopes) {
		const m = s.match(/^repository:([^:]+):([a-z,]+)$/);
		if (!m) continue;
		const actions = out.get(m[1]!) ?? new Set<Action>();
		for (const a of m[2]!.split(',')) if (a === 'pull' || a === 'push') actions.add(a);
		out.set(m[1]!, actions);
	}
	return out;
}

export class TokenService {
	private readonly grants = new Map<string, Grant>();
	private issued = 0;

	constructor(private readonly prefix: string) {}

	/** Issues a token granting what `allowed` permits of what was asked. */
	issue(subject: string | null, asked: Map<string, Set<Action>>, allowed: (path: string, action: Action) => boolean): string {
		const access = new Map<string, Set<Action>>();
		for (const [path, actions] of asked) {
			const granted = new Set([...actions].filter((a) => allowed(path, a)));
			if (granted.size) access.set(path, granted);
		}
		const token = `${this.prefix}.${++this.issued}`;
		this.grants.set(token, { subject, access });
		return token;
	}

	/** The grant behind an `Authorization: Bearer …` header, if the token is one of ours. */
	grantOf(authorization: string | undefined): Grant | undefined {
		const m = authorization?.match(/^Bearer (\S+)$/);
		return m ? this.grants.get(m[1]!) : undefined;
	}

	allows(authorization: string | undefined, path: string, action: Action): boolean {
		return this.grantOf(authorization)?.access.get(path)?.has(action) ?? false;
	}
}

/** `Authorization: Basic …` as the simulator writes it: `Basic user:password` (not base64, for readable logs). */
export function basicCredentials(authorization: string | undefined): { user: string; password: string } | undefined {
	const m = authorization?.match(/^Basic ([^:]+):(.+)$/);
	return m ? { user: m[1]!, password: m[2]! } : undefined;
}
