// Azure Container Registry, `<name>.azurecr.io`. Nothing is anonymous. `az acr login` exchanges an
// Entra ID access token at POST /oauth2/exchange for an ACR refresh token (3 hours), then runs
// `docker login` with the user 00000000-0000-0000-0000-000000000000 and that token as password. The
// daemon then swaps it at /oauth2/token for an access token scoped to one repository: GET with basic
// auth (what `docker login` does), or POST with grant_type=refresh_token (what a push does with a
// stored token). Pull needs the AcrPull role, push AcrPush (Azure/azure-cli acr custom.py; Microsoft
// Learn "Authenticate with an Azure container registry").
import type { Exchange, HttpRequest } from '../http';
import { Registry } from './registry';
import { basicCredentials, parseScopes, TokenService, type Action } from './tokens';

export type AcrRole = 'AcrPull' | 'AcrPush';
export const ACR_USER = '00000000-0000-0000-0000-000000000000';

export interface AcrOptions {
	/** The registry name: myreg → myreg.azurecr.io (login servers are lowercase). */
	name: string;
	/** Entra ID principals and their role on this registry. */
	roles: Record<string, AcrRole>;
}

export function azureContainerRegistry({ name, roles }: AcrOptions): Registry {
	const host = `${name.toLowerCase()}.azurecr.io`;
	const tokens = new TokenService(`acr-${name}`);
	const refresh = new Map<string, string>();
	const may = (principal: string | undefined) => (_path: string, action: Action) => {
		const role = principal === undefined ? undefined : roles[principal];
		return action === 'pull' ? role !== undefined : role === 'AcrPush';
	};
	const deny = (ex: Exchange) => ex.reply({ status: 401, summary: '401 Unauthorized: invalid refresh token' });
	const tokenRoute = (req: HttpRequest, ex: Exchange) => {
		const path = req.path.split('?')[0];
		if (path === '/oauth2/exchange') {
			const principal = (req.body as { access_token?: string } | undefined)?.access_token?.match(/^entra:(.+)$/)?.[1];
			if (!principal) return (deny(ex), true);
			const token = `acr-refresh.${refresh.size + 1}`;
			refresh.set(token, principal);
			ex.reply({ status: 200, body: { refresh_token: token }, summary: 'ACR refresh token (3 hours)' });
			return true;
		}
		if (path !== '/oauth2/token') return false;
		const body = req.body as { refresh_token?: string; scope?: string } | undefined;
		const q = new URLSearchParams(req.path.split('?')[1] ?? '');
		const given = req.method === 'POST' ? body?.refresh_token : basicCredentials(req.headers?.authorization)?.password;
		const principal = given === undefined ? undefined : refresh.get(given);
		if (!principal) return (deny(ex), true);
		const scopes = req.method === 'POST' ? (body?.scope ? [body.scope] : []) : q.getAll('scope');
		const token = tokens.issue(principal, parseScopes(scopes), may(principal));
		const role = roles[principal];
		ex.reply({ status: 200, body: { access_token: token }, summary: scopes.length ? `200: access token (${role ?? 'no'} role checked)` : '200: access token' });
		return true;
	};
	return new Registry(host, { realm: `https://${host}/oauth2/token`, service: host, tokens, tokenRoute });
}
