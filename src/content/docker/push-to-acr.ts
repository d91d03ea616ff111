import type { SourceFile, Walkthrough } from '$lib/model/types';
import { dockerfileLines, LAYERS, STUDENT_WHALE, WHALE_DIGESTS } from './build-and-push';
import { containers, IDS, images, NGINX, web, WHALE, whaleRun } from './tables';

// The deck's Scenario 3 with the ACR variant of D2 in flows.md: az acr login wraps docker login with
// a token from Entra ID; the daemon swaps it for a repository-scoped token when it pushes.
// v2 changes only the CMD line, so the rebuild is metadata-only (RUN is CACHED, no new layer) and the
// push sends a new config and manifest while each layer's HEAD answers 200 ("Layer already exists").
// As in build-and-push, the build adds a provenance attestation (Engine 29, containerd store), so each tag names
// an index whose digest is the IMAGE ID, and the push also sends the attestation's blobs and manifest.
// az acr login (azure-cli acr/custom.py acr_login, get_docker_command): runs `docker ps` first, exchanges the
// Entra token at /oauth2/exchange, then runs `docker login --username 00000000-… --password <token> <server>`;
// the daemon's login (moby daemon/pkg/registry/auth.go loginV2) pings GET /v2/, gets the Bearer challenge,
// fetches a token from the realm with basic auth, and repeats GET /v2/.
export const ACR_V1: [string, string, string, string] = ['myreg.azurecr.io/docker-whale', 'v1', IDS.whale, WHALE[3]];
export const ACR_V2: [string, string, string, string] = ['myreg.azurecr.io/docker-whale', 'v2', IDS.whale2, WHALE[3]];
/** v2's config, image manifest and provenance statement (short digests); its index is IDS.whale2. */
const V2 = { config: '9f3b6c2d8e01', manifest: 'b2e85a7c0d96', provenance: '7a4e1d0c5b93', attestation: '0c6d93f2a8e4' } as const;
const D = WHALE_DIGESTS;
// The host a few minutes after build-and-push: web still up, quirky_turing exited.
const hostContainers = containers([whaleRun('5 minutes ago', 'Exited (0) 5 minutes ago'), web('55 minutes ago', 'Up 55 minutes')]);
const V2_CMD = 'CMD fortune -s | cowsay -f tux';
/** The Dockerfile for v2: the same file with only its CMD line changed. */
export const v2DockerfileLines = [...dockerfileLines.slice(0, 3), V2_CMD];
const v2File: SourceFile = { name: 'Dockerfile (v2)', lines: v2DockerfileLines, focus: [4] };

const repo = '/v2/docker-whale';
const pushed = 'The push refers to repository [myreg.azurecr.io/docker-whale]';

export const pushToAcr: Walkthrough = {
	id: 'docker/push-to-acr',
	scene: 'docker',
	order: 3,
	title: 'Push to Azure Container Registry',
	summary: 'az login, az acr login and its token exchange, tag with the registry name, push, then push a second version that changes only metadata.',
	deckCorrections: [
		{ step: 'acr-login', text: 'The deck says to run az acr login as its own step; it is a wrapper round docker login.' }
	],
	steps: [
		{
			id: 'az-login',
			title: 'az login: sign in to Azure',
			view: 'acr',
			narration:
				'We start from the docker-whale image built in the previous walkthrough. Pushing to a private registry starts with who you are: az login signs you in to Microsoft Entra ID (formerly Azure Active Directory) in the browser and keeps tokens for the Azure CLI. Docker knows nothing of this yet.',
			notes: 'Ask: after az login, can docker push to myreg yet? (No: Docker has its own credentials store and knows nothing of the Azure CLI tokens.) The registry is myreg.azurecr.io; the login server is always lower case.',
			terminal: { command: 'az login', output: 'A web browser has been opened at https://login.microsoftonline.com/… Please continue the login in the web browser.\n[ { "name": "Student subscription", "state": "Enabled", … } ]', api: 'Entra ID: OAuth 2.0 sign-in (not the Docker API)' },
			highlight: ['az', 'entra'],
			messages: [
				{ from: 'az', to: 'entra', via: 'az-entra', kind: 'request', summary: 'interactive sign-in (OAuth 2.0 authorization code)' },
				{ from: 'entra', to: 'az', via: 'az-entra', kind: 'response', summary: 'access and refresh tokens for the Azure CLI' }
			],
			tables: [images([WHALE, STUDENT_WHALE, NGINX]), hostContainers]
		},
		{
			id: 'acr-login',
			title: 'az acr login: an Entra token becomes a docker login',
			view: 'acr',
			narration:
				'az acr login -n myreg first runs docker ps, so the daemon must be running. It exchanges your Entra ID token at /oauth2/exchange for an ACR refresh token valid for three hours, then runs docker login with an all-zero user name and that token as the password. The daemon checks it: GET /v2/ draws a 401 challenge naming /oauth2/token; with a token from there, GET /v2/ succeeds. The deck says to run az acr login as its own step; it is a wrapper round docker login.',
			notes: 'Expect "it worked yesterday, denied today": the ACR token lasts three hours, so run az acr login again. With Docker stopped, az acr login fails at its docker ps check. Without Docker (a CI job, a cloud shell) az acr login --expose-token prints the token instead.',
			terminal: { command: 'az acr login -n myreg', output: 'Login Succeeded', api: 'docker ps → GET /containers/json; POST https://myreg.azurecr.io/oauth2/exchange; docker login → POST /auth' },
			highlight: ['az', 'acr', 'cli', 'dockerd'],
			messages: [
				{ from: 'az', to: 'cli', via: 'az-cli', kind: 'request', summary: 'docker ps (is Docker installed and the daemon running?)' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200 (the daemon answers)' },
				{ from: 'az', to: 'acr', via: 'az-acr', kind: 'request', summary: 'POST /oauth2/exchange (grant_type=access_token, Entra token)' },
				{ from: 'acr', to: 'az', via: 'az-acr', kind: 'response', summary: 'ACR refresh token (3 hours)' },
				{ from: 'az', to: 'cli', via: 'az-cli', kind: 'request', summary: 'docker login --username 00000000-0000-0000-0000-000000000000 --password <token> myreg.azurecr.io' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /auth (serveraddress myreg.azurecr.io)' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'GET /v2/' },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '401 Unauthorized, WWW-Authenticate: Bearer realm="https://myreg.azurecr.io/oauth2/token",service="myreg.azurecr.io"' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'GET /oauth2/token?service=myreg.azurecr.io (basic auth: 00000000-…, <token>)' },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '200: access token' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'GET /v2/ (Authorization: Bearer <access token>)' },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '200 OK' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200 Login Succeeded' }
			]
		},
		{
			id: 'tag',
			title: "Tag with the registry's name",
			notes: 'Ask what happens if you push docker-whale without the registry prefix (it would go to Docker Hub, as docker.io/library/docker-whale, and be refused). Misconception: the tag is not a copy; docker images shows one IMAGE ID under three names.',
			view: 'acr',
			narration:
				'Docker decides where to push from the image name itself. docker tag adds the name myreg.azurecr.io/docker-whale:v1 to the image you built: same image ID, nothing copied. The registry host at the front of the name is what sends the push to Azure instead of Docker Hub.',
			terminal: { command: 'docker tag docker-whale myreg.azurecr.io/docker-whale:v1', api: 'POST /images/docker-whale/tag?repo=myreg.azurecr.io/docker-whale&tag=v1' },
			highlight: ['img-whale'],
			badges: { 'img-whale': '+ myreg…/docker-whale:v1' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/docker-whale/tag?repo=myreg.azurecr.io/docker-whale&tag=v1' },
				{ from: 'dockerd', to: 'img-whale', via: 'dockerd-img-whale', kind: 'data', summary: 'add name myreg.azurecr.io/docker-whale:v1' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '201 Created' }
			],
			tables: [images([WHALE, STUDENT_WHALE, ACR_V1, NGINX]), hostContainers]
		},
		{
			id: 'push',
			title: 'docker push to ACR: a token with push rights',
			notes: 'If the push is denied, check the role assignment on the registry: AcrPull is not enough, you need AcrPush (or Contributor/Owner). Ask: who checks the role, Docker or Azure? (ACR, when it issues the scoped token.)',
			view: 'acr',
			narration:
				'docker push myreg.azurecr.io/docker-whale:v1 works like a push to Docker Hub, with one extra exchange: the daemon trades the stored ACR token at /oauth2/token for a short-lived access token scoped to this repository with push rights. ACR grants push only if you hold the AcrPush role; with only AcrPull the push is refused.',
			terminal: { command: 'docker push myreg.azurecr.io/docker-whale:v1', output: `${pushed}\n${LAYERS.ours}: Waiting\n${LAYERS.base}: Waiting\n${D.provenance}: Waiting`, api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v1' },
			highlight: ['dockerd', 'acr'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v1 (X-Registry-Auth)' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: 'POST /oauth2/token (stored ACR token; scope repository:docker-whale:pull,push)' },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: 'access token (AcrPush role checked)' }
			]
		},
		{
			id: 'upload-v1',
			checkpoint: {
				question: 'docker-whale is new in myreg, and Debian\'s layer lives on Docker Hub. What happens to Debian\'s layer?',
				kind: 'choice',
				options: [
					{ value: 'It is mounted from Docker Hub', misconception: 'A mount can link a blob from another registry. A mount only links between repositories of the same registry.' },
					{ value: 'It is uploaded to ACR' },
					{ value: 'It is skipped: ACR fetches it from Docker Hub itself', misconception: 'Registries copy blobs from each other. The daemon must send every blob the new repository lacks.' }
				],
				answer: 'It is uploaded to ACR',
				feedback: 'Each HEAD answers 404 and there is nothing in myreg to mount from, so both layers are uploaded (POST, then PUT ?digest=).'
			},
			title: 'A new registry: every blob is uploaded',
			notes: 'Ask: Debian\'s layer was "Mounted from library/debian" on Docker Hub, so why is it uploaded here? (A mount works only between repositories of the same registry; myreg has no copy of Debian.) Expect the push of the 30 MB base layer to take the longest. The digest printed is the same index digest as on Docker Hub: same bytes, same digest.',
			view: 'acr',
			narration:
				'The repository docker-whale is new in myreg, so each HEAD answers 404. There is nothing to mount either: a mount only links a blob from another repository of the same registry, and Debian\'s layer lives on Docker Hub. So both layers are uploaded (POST 202, then PUT ?digest= 201), then the config and the attestation\'s blobs, the two manifests by digest, and finally the index under the tag v1.',
			terminal: {
				command: 'docker push myreg.azurecr.io/docker-whale:v1',
				output: `${pushed}\n${LAYERS.ours}: Pushed\n${LAYERS.base}: Pushed\n${D.provenance}: Pushed\nv1: digest: sha256:${D.index}… size: 856`,
				api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v1'
			},
			highlight: ['dockerd', 'acr'],
			messages: [
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:8b29… and sha256:3c1e… (both layers)` },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '404 Not Found for both' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'data', summary: `POST ${repo}/blobs/uploads/ → 202, then PUT <upload URL>?digest=sha256:8b29… (Debian's layer)` },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'data', summary: `POST ${repo}/blobs/uploads/ → 202, then PUT <upload URL>?digest=sha256:3c1e… (our layer)` },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'data', summary: `HEAD → 404, POST, PUT <upload URL>?digest=sha256:${D.config.slice(0, 4)}… (config), the same for the attestation's two blobs` },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: `PUT ${repo}/manifests/sha256:${D.manifest.slice(0, 4)}… and …/sha256:${D.attestation.slice(0, 4)}… (image and attestation manifests)` },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: `PUT ${repo}/manifests/v1 (the index, sha256:${D.index.slice(0, 4)}…)` },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '201 Created' }
			]
		},
		{
			id: 'v2',
			title: 'Update: a new CMD, a metadata-only rebuild',
			view: 'acr',
			narration:
				'Now change the default message: v2 runs fortune -s | cowsay -f tux, short fortunes told by a penguin. Only the CMD line changes, and CMD is metadata. BuildKit finds FROM and RUN in its cache (RUN shows CACHED) and makes no new layer. It writes a new config, manifest, attestation and index: a new image ID with the same two layers, tagged v2. v1 is untouched.',
			notes: 'Ask before you click: how many new layers will this build make? Most students say one; the answer is none, because only the config changed. Demo: docker history on v1 and v2 lists the same two layers with sizes; only the 0B CMD line differs. Tags are movable names; digests are fixed; production deployments often pin a digest.',
			file: v2File,
			terminal: {
				command: 'docker build -t myreg.azurecr.io/docker-whale:v2 .',
				output: [
					' => [1/2] FROM docker.io/library/debian:trixie-slim@sha256:…',
					' => CACHED [2/2] RUN apt-get update && apt-get install -y --no-install-recommends cowsay fortune-mod …',
					' => exporting to image',
					' => => exporting layers',
					` => => exporting manifest sha256:${V2.manifest}…`,
					` => => exporting config sha256:${V2.config}…`,
					` => => exporting attestation manifest sha256:${V2.attestation}…`,
					` => => exporting manifest list sha256:${IDS.whale2}…`,
					' => => naming to myreg.azurecr.io/docker-whale:v2',
					' => => unpacking to myreg.azurecr.io/docker-whale:v2'
				].join('\n'),
				api: 'POST /session, POST /grpc (BuildKit)'
			},
			highlight: ['buildkit', 'img-whale'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /grpc: build, tag myreg.azurecr.io/docker-whale:v2' },
				{ from: 'dockerd', to: 'buildkit', via: 'dockerd-buildkit', kind: 'request', summary: 'solve Dockerfile (FROM and RUN found in the cache)' },
				{ from: 'buildkit', to: 'img-whale', via: 'buildkit-img-whale', kind: 'data', summary: `same two layers; write a new config (CMD), manifest, attestation and index sha256:${IDS.whale2.slice(0, 4)}…; tag v2` }
			],
			tables: [images([ACR_V2, WHALE, STUDENT_WHALE, ACR_V1, NGINX]), hostContainers]
		},
		{
			id: 'push-v2',
			checkpoint: {
				question: 'v2 changed only the CMD line. What does pushing v2 upload?',
				kind: 'choice',
				options: [
					{ value: 'Both layers again', misconception: 'A new tag needs its layers uploaded again. HEAD finds them, and "Layer already exists".' },
					{ value: 'One new layer for the CMD', misconception: 'CMD makes a layer. CMD is metadata in the config; no file changed.' },
					{ value: 'Only small blobs: a new config, attestation and manifests' }
				],
				answer: 'Only small blobs: a new config, attestation and manifests',
				feedback: 'The two layers answer 200 to HEAD and stay put; only the new config, the attestation blobs, the manifests and the index under v2 are sent.'
			},
			title: 'Push v2: no layer travels',
			notes: 'Contrast tags (movable) with digests (fixed); ask which one a production deployment should pin. Point at the output: no layer says Pushed, yet v2 has a new digest, because its config differs. Demo afterwards: az acr repository show-tags -n myreg --repository docker-whale lists ["v1", "v2"].',
			view: 'acr',
			narration:
				'Pushing v2 sends almost nothing. The HEAD for each layer answers 200 OK, so the client prints "Layer already exists" for both. Only small blobs are uploaded: the new config, a few kilobytes, and the attestation\'s blobs, new too because the provenance names the new manifest. Then the two manifests and the index under the tag v2. The registry now holds both tags; a deployment can move from v1 to v2, or back.',
			terminal: {
				command: 'docker push myreg.azurecr.io/docker-whale:v2',
				output: `${pushed}\n${LAYERS.ours}: Layer already exists\n${LAYERS.base}: Layer already exists\n${V2.provenance}: Pushed\nv2: digest: sha256:${IDS.whale2}… size: 856`,
				api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v2'
			},
			highlight: ['dockerd', 'acr'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v2 (X-Registry-Auth)' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:8b29… and sha256:3c1e… (both layers)` },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '200 OK for both: Layer already exists' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:${V2.config.slice(0, 4)}… (the new config)` },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '404 Not Found' },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'data', summary: `POST ${repo}/blobs/uploads/ → 202, then PUT <upload URL>?digest=sha256:${V2.config.slice(0, 4)}… (config)` },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'data', summary: `the same for the attestation's new config and provenance statement (sha256:${V2.provenance.slice(0, 4)}…)` },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: `PUT ${repo}/manifests/sha256:${V2.manifest.slice(0, 4)}… and …/sha256:${V2.attestation.slice(0, 4)}… (image and attestation manifests)` },
				{ from: 'dockerd', to: 'acr', via: 'dockerd-acr', kind: 'request', summary: `PUT ${repo}/manifests/v2 (the index, sha256:${IDS.whale2.slice(0, 4)}…)` },
				{ from: 'acr', to: 'dockerd', via: 'dockerd-acr', kind: 'response', summary: '201 Created' }
			]
		}
	]
};
