// The Azure CLI, for `az login` and `az acr login` (Azure/azure-cli acr custom.py): sign in with Entra
// ID; then for a registry, check that Docker is there (`docker ps`), exchange the Entra token at the
// registry's /oauth2/exchange for an ACR refresh token, and run `docker login` with the null GUID user
// and that token as password. Only these two commands exist here; anything else says so.
import type { Channel } from '../../core/network';
import type { HttpLink } from '../http';
import { ACR_USER } from '../registry/acr';
import { words } from '../daemon/shell';
import type { CommandResult } from './output';

export interface AzDeps {
	entra: HttpLink;
	/** The link to the one registry the scene draws, and its name (myreg). */
	acr?: { name: string; link: HttpLink };
	/** az → docker: the commands az runs (a process, drawn along az-cli). */
	toCli: Channel;
	docker(line: string, done: (r: CommandResult) => void): unknown;
}

export class AzureCli {
	private token: string | undefined;
	private user: string | undefined;

	constructor(private readonly deps: AzDeps) {}

	run(line: string, done: (r: CommandResult) => void): void {
		const w = words(line.trim());
		const finish = (output: string[], exitCode = 0) => done({ output, exitCode });
		if (w[1] === 'login' && w.length === 2) {
			this.deps.entra.request({ method: 'POST', path: '/organizations/oauth2/v2.0/token', note: 'interactive sign-in (OAuth 2.0 authorization code)' }, (res) => {
				const body = res.body as { access_token: string; user: string };
				this.token = body.access_token;
				this.user = body.user;
				finish(['[', '  {', '    "cloudName": "AzureCloud",', '    "name": "Azure for Students",', `    "user": { "name": "${body.user}", "type": "user" }`, '  }', ']']);
			});
			return;
		}
		if (w[1] === 'acr' && w[2] === 'login') {
			const i = w.findIndex((x) => x === '-n' || x === '--name');
			const name = i > 0 ? w[i + 1] : undefined;
			if (!name) return finish(['the following arguments are required: --name/-n'], 2);
			if (!this.token) return finish(["Please run 'az login' to setup account."], 1);
			const acr = this.deps.acr;
			if (!acr || acr.name !== name.toLowerCase())
				return finish([`The resource with name '${name}' and type 'Microsoft.ContainerRegistry/registries' could not be found in subscription 'Azure for Students'.`], 1);
			const server = `${acr.name}.azurecr.io`;
			this.deps.toCli.send('request', 'docker ps (is Docker installed and the daemon running?)', () =>
				this.deps.docker('docker ps', (ps) => {
					if (ps.exitCode !== 0) return finish(['You may want to use \'az acr login -n <registry> --expose-token\' to get an access token, which does not require Docker to be installed.', 'An error occurred: DOCKER_COMMAND_ERROR'], 1);
					acr.link.request({ method: 'POST', path: '/oauth2/exchange', body: { grant_type: 'access_token', service: server, access_token: this.token }, note: 'grant_type=access_token, Entra token' }, (res) => {
						const refresh = (res.body as { refresh_token?: string } | undefined)?.refresh_token;
						if (!refresh) return finish([`Unable to get AAD authorization tokens with message: ${res.summary}`], 1);
						const login = `docker login --username ${ACR_USER} --password ${refresh} ${server}`;
						this.deps.toCli.send('request', `docker login --username ${ACR_USER} --password <token> ${server}`, () =>
							this.deps.docker(login, (r) => finish(r.output.filter((l) => !l.startsWith('WARNING!')), r.exitCode))
						);
					});
				})
			);
			return;
		}
		finish([`The simulator's Azure CLI knows az login and az acr login -n <registry> (got: ${line.trim()}).`], 2);
	}

	get signedIn(): string | undefined {
		return this.user;
	}
}
