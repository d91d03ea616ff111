import type { Walkthrough } from '$lib/model/types';
import { BASE, containers, IDS, images, WHALE } from './tables';

// The deck's Scenario 3 with the ACR variant of D2 in flows.md: az acr login wraps docker login with
// a token from Entra ID; the daemon swaps it for a repository-scoped token when it pushes.
const ACR_V1: [string, string, string, string] = ['myreg.azurecr.io/docker-whale', 'v1', IDS.whale, WHALE[3]];

export const pushToAcr: Walkthrough = {
	id: 'docker/push-to-acr',
	scene: 'docker',
	title: 'Push to Azure Container Registry',
	summary: 'az login, az acr login and its token exchange, tag with the registry name, push, then push a second version.',
	steps: [
		{
			id: 'az-login',
			title: 'az login: sign in to Azure',
			view: 'acr',
			narration:
				'Pushing to a private registry starts with who you are. az login signs you in to Microsoft Entra ID (formerly Azure Active Directory) in the browser and keeps tokens for the Azure CLI. Docker knows nothing of this yet.',
			notes: 'The registry is myreg.azurecr.io. Registry names are lower case in the login server.',
			terminal: { command: 'az login', output: 'A web browser has been opened at https://login.microsoftonline.com/… Please continue the login in the web browser.\n[ { "name": "Student subscription", "state": "Enabled", … } ]', api: 'Entra ID: OAuth 2.0 sign-in (not the Docker API)' },
			highlight: ['az', 'entra'],
			messages: [
				{ from: 'az', to: 'entra', via: 'az-entra', kind: 'request', summary: 'interactive sign-in (OAuth 2.0 authorization code)' },
				{ from: 'entra', to: 'az', via: 'az-entra', kind: 'response', summary: 'access and refresh tokens for the Azure CLI' }
			],
			tables: [images([WHALE, BASE]), containers([])]
		},
		{
			id: 'acr-login',
			title: 'az acr login: an Entra token becomes a registry token',
			view: 'acr',
			narration:
				'az acr login -n myreg checks that Docker is installed, then exchanges your Entra ID token at https://myreg.azurecr.io/oauth2/exchange for an ACR refresh token valid for about three hours. It then runs docker login for you, with a fixed all-zero user name and that token as the password.',
			notes: "The slides present az acr login as a login of its own; it is a wrapper round docker login. Without Docker, az acr login --expose-token prints the token instead.",
			terminal: { command: 'az acr login -n myreg', output: 'Login Succeeded', api: 'POST https://myreg.azurecr.io/oauth2/exchange, then docker login → POST /auth' },
			highlight: ['az', 'acr', 'cli', 'dockerd'],
			messages: [
				{ from: 'az', to: 'acr', via: 'az-acr', kind: 'request', summary: 'POST /oauth2/exchange (grant_type=access_token, Entra token)' },
				{ from: 'acr', to: 'az', via: 'az-acr', kind: 'response', summary: 'ACR refresh token (about 3 hours)' },
				{ from: 'az', to: 'cli', via: 'az-cli', kind: 'request', summary: 'docker login myreg.azurecr.io -u 00000000-0000-0000-0000-000000000000 -p <token>' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /auth (serveraddress myreg.azurecr.io)' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'GET /v2/ with the refresh token' },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '200 OK: Login Succeeded' }
			]
		},
		{
			id: 'tag',
			title: 'Tag with the registry\'s name',
			notes: 'Ask what happens if you push without the registry prefix: it would go to Docker Hub.',
			view: 'acr',
			narration:
				'Docker decides where to push from the image name itself. docker tag adds the name myreg.azurecr.io/docker-whale:v1 to the image you built: same image ID, nothing copied. The registry host at the front of the name is what sends the push to Azure instead of Docker Hub.',
			terminal: { command: 'docker tag docker-whale myreg.azurecr.io/docker-whale:v1', api: 'POST /images/docker-whale/tag?repo=myreg.azurecr.io/docker-whale&tag=v1' },
			highlight: ['img-whale'],
			badges: { 'img-whale': '+ myreg…/docker-whale:v1' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/docker-whale/tag?repo=myreg.azurecr.io/docker-whale&tag=v1' },
				{ from: 'dockerd', to: 'img-whale', via: 'dockerd-img-whale', kind: 'data', summary: 'add name myreg.azurecr.io/docker-whale:v1' }
			],
			tables: [images([WHALE, ACR_V1, BASE]), containers([])]
		},
		{
			id: 'push',
			title: 'docker push to ACR',
			notes: 'If the push is denied, check the role assignment: AcrPull is not enough.',
			view: 'acr',
			narration:
				'docker push myreg.azurecr.io/docker-whale:v1 works like a push to Docker Hub, with one extra exchange: the daemon trades the refresh token at /oauth2/token for an access token scoped to this repository with push rights. That needs the AcrPush role; with only AcrPull the push is refused.',
			terminal: { command: 'docker push myreg.azurecr.io/docker-whale:v1', output: 'The push refers to repository [myreg.azurecr.io/docker-whale]\n3c1e9ae0b0f2: Pushed\n8b296f486960: Pushed\nv1: digest: sha256:… size: 741', api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v1' },
			highlight: ['dockerd', 'acr'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v1 (X-Registry-Auth)' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'POST /oauth2/token (scope repository:docker-whale:pull,push)' },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: 'access token (AcrPush role checked)' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'data', summary: 'HEAD then upload both layers (new registry: nothing to skip)' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'PUT /v2/docker-whale/manifests/v1' }
			]
		},
		{
			id: 'v2',
			title: 'Update: build and tag v2',
			view: 'acr',
			narration:
				'Now change the app (say, a different default message) and build again. Only the layers after the change are new; the base layer is reused from the cache. Tag the new image v2. v1 still points at the old image, so anyone using v1 is unaffected.',
			notes: 'Tags are movable names; digests are fixed. Production deployments often pin a digest.',
			terminal: { command: 'docker build -t myreg.azurecr.io/docker-whale:v2 .', output: ' => CACHED [1/2] FROM debian:bookworm-slim\n => [2/2] RUN apt-get update && apt-get install -y …\n => naming to myreg.azurecr.io/docker-whale:v2', api: 'POST /session, POST /grpc (BuildKit)' },
			highlight: ['buildkit', 'img-whale'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /grpc: build, tag myreg.azurecr.io/docker-whale:v2' },
				{ from: 'dockerd', to: 'buildkit', via: 'dockerd-buildkit', kind: 'request', summary: 'solve Dockerfile (base layer cached)' },
				{ from: 'buildkit', to: 'img-whale', via: 'buildkit-img-whale', kind: 'data', summary: 'new top layer, new image ID, tag v2' }
			],
			tables: [images([['myreg.azurecr.io/docker-whale', 'v2', IDS.whale2, '131MB'], WHALE, ACR_V1, BASE]), containers([])]
		},
		{
			id: 'push-v2',
			title: 'Push v2: only what changed',
			notes: 'Contrast tags (movable) with digests (fixed); ask which one a production deployment should pin.',
			view: 'acr',
			narration:
				'Pushing v2 uploads only the new layer: the registry already has the base layer, so the HEAD check says skip. The registry now holds both tags, and a deployment can move from v1 to v2, or back.',
			terminal: {
				command: 'docker push myreg.azurecr.io/docker-whale:v2',
				output: 'The push refers to repository [myreg.azurecr.io/docker-whale]\n9d0f7c2e1a44: Pushed\n8b296f486960: Layer already exists\nv2: digest: sha256:… size: 741',
				api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v2'
			},
			highlight: ['dockerd', 'acr'],
			messages: [
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'HEAD base layer → 200: Layer already exists' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'data', summary: 'upload the one new layer' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'PUT /v2/docker-whale/manifests/v2' },
				{ from: 'az', to: 'acr', via: 'az-acr', kind: 'request', summary: 'az acr repository show-tags -n myreg --repository docker-whale' },
				{ from: 'acr', to: 'az', via: 'az-acr', kind: 'response', summary: '["v1", "v2"]' }
			]
		}
	]
};
