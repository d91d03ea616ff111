// Docker Hub: the registry API at registry-1.docker.io and its token service at auth.docker.io. Public
// repositories give an anonymous token for pull; push needs a login, into the user's own namespace.
// Anonymous pulls are counted per client address (a classroom behind one NAT shares one allowance):
// Docker Hub's usage page gives 100 pulls per 6 hours anonymous, 200 for a signed-in Personal account;
// a pull is the GET of an image's manifest (the index, or a single manifest by tag), not a HEAD.
import type { Exchange, HttpRequest } from '../http';
import { HUB_CATALOG, seedImage } from './catalog';
import { Registry } from './registry';
import { basicCredentials, parseScopes, TokenService, type Action } from './tokens';

export interface HubOptions {
	/** Docker Hub accounts: user → password (or personal access token). */
	users?: Record<string, string>;
	/** The public address each client component is seen from; the pull limit counts per address. */
	addresses?: Record<string, string>;
	/** Pulls per 6 hours per address; anonymous and signed in. */
	limits?: { anonymous: number; user: number };
}

const WINDOW_MS = 6 * 3600_000;

export function dockerHub(options: HubOptions = {}): Registry {
	const tokens = new TokenService('hub');
	const users = options.users ?? {};
	const limits = options.limits ?? { anonymous: 100, user: 200 };
	const pulls = new Map<string, number[]>();
	const registry: Registry = new Registry('registry-1.docker.io', {
		realm: 'https://auth.docker.io/token',
		service: 'registry.docker.io',
		tokens,
		tokenRoute(req: HttpRequest, ex: Exchange) {
			if (req.host !== 'auth.docker.io') return false;
			const q = new URLSearchParams(req.path.split('?')[1] ?? '');
			const creds = basicCredentials(req.headers?.authorization);
			if (creds && users[creds.user] !== creds.password) {
				ex.reply({ status: 401, summary: '401 Unauthorized: incorrect username or password' });
				return true;
			}
			const user = creds?.user ?? null;
			const allowed = (path: string, action: Action) =>
				action === 'pull' ? registry.repo(path) !== undefined || (user !== null && path.startsWith(`${user}/`)) : user !== null && path.startsWith(`${user}/`);
			const token = tokens.issue(user, parseScopes(q.getAll('scope')), allowed);
			ex.reply({ status: 200, body: { token }, summary: user ? `200: bearer token for ${user} (short-lived)` : '200: bearer token (short-lived)' });
			return true;
		},
		onManifestGet(req, ex, counted) {
			if (!counted) return undefined;
			const user = tokens.grantOf(req.headers?.authorization)?.subject ?? null;
			const key = user ?? options.addresses?.[ex.client] ?? '203.0.113.7';
			const limit = user ? limits.user : limits.anonymous;
						const recent = (pulls.get(key) ?? []).filter((t) => t > ex.now - WINDOW_MS);
			if (recent.length >= limit)
				return {
					status: 429,
					summary: `429 Too Many Requests: toomanyrequests: You have reached your ${user ? '' : 'unauthenticated '}pull rate limit. https://www.docker.com/increase-rate-limit`
				};
			pulls.set(key, [...recent, ex.now]);
			return undefined;
		}
	});
	for (const image of HUB_CATALOG) seedImage(registry, image);
	return registry;
}
