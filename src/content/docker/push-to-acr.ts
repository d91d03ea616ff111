import type { SourceFile, Walkthrough } from '$lib/model/types';
import { recordDockerWalkthrough, type DockerScenario } from '$lib/sim/docker/scenario';
import { d2Scenario, dockerfileLines, hostOptions, STUDENT_WHALE } from './build-and-push';
import { dockerScene } from './scene';
import { containers, IDS, images, NGINX, web, WHALE, whaleRun } from './tables';

// The deck's Scenario 3 with the ACR variant of D2 in flows.md: az acr login wraps docker login with
// a token from Entra ID; the daemon swaps it for a repository-scoped token when it pushes.
// v2 changes only the CMD line, so the rebuild is metadata-only (RUN is CACHED, no new layer) and the
// push sends a new config and manifest while each layer's HEAD answers 200 ("Layer already exists").
// az acr login (azure-cli acr/custom.py acr_login, get_docker_command): runs `docker ps` first, exchanges the
// Entra token at /oauth2/exchange, then runs `docker login --username 00000000-… --password <token> <server>`;
// the daemon's login (moby daemon/pkg/registry/auth.go loginV2) pings GET /v2/, gets the Bearer challenge,
// fetches a token from the realm with basic auth, and repeats GET /v2/.
// Recorded from the simulator on the host build-and-push left (its run, and the first walkthrough's, replayed
// first), 5 minutes later. Against the hand-written version the run changed: no attestation (the builds are
// typed with --provenance=false, as in build-and-push), so each tag names one manifest and the push sends two
// layers, the config and the manifest; the top layer (ours) goes first; the push's first HEAD draws the 401
// challenge that sends the daemon to /oauth2/token.
export const ACR_V1: [string, string, string, string] = ['myreg.azurecr.io/docker-whale', 'v1', IDS.whale, WHALE[3]];
export const ACR_V2: [string, string, string, string] = ['myreg.azurecr.io/docker-whale', 'v2', IDS.whale2, WHALE[3]];
// The host 5 minutes after build-and-push: web still up, jolly_lovelace exited.
const hostContainers = containers([whaleRun('5 minutes ago', 'Exited (0) 5 minutes ago'), web('50 minutes ago', 'Up 50 minutes')]);
const V2_CMD = 'CMD fortune -s | cowsay -f tux';
/** The Dockerfile for v2: the same file with only its CMD line changed. */
export const v2DockerfileLines = [...dockerfileLines.slice(0, 3), V2_CMD];
const v2File: SourceFile = { name: 'Dockerfile (v2)', lines: v2DockerfileLines, focus: [4] };
/** Terminal output recorded from the run (`output: true` in the scenario below). */
const FROM_RUN = '';
const PUSH_V1 = 'docker push myreg.azurecr.io/docker-whale:v1';
const BUILD_V2 = 'docker build --provenance=false -t myreg.azurecr.io/docker-whale:v2 .';
const PUSH_V2 = 'docker push myreg.azurecr.io/docker-whale:v2';

const written: Walkthrough = {
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
			notes: 'Ask: after az login, can docker push to myreg yet? (No: Docker has its own credentials store and knows nothing of the Azure CLI tokens.) The registry is myreg.azurecr.io; the login server is always lower case.',
			view: 'acr',
			narration:
				'We start from the docker-whale image built in the previous walkthrough. Pushing to a private registry starts with who you are: az login signs you in to Microsoft Entra ID (formerly Azure Active Directory) in the browser and keeps tokens for the Azure CLI. Docker knows nothing of this yet.',
			terminal: { command: 'az login', output: FROM_RUN, api: 'Entra ID: OAuth 2.0 sign-in (not the Docker API)' },
			highlight: ['az', 'entra'],
			tables: [images([WHALE, STUDENT_WHALE, NGINX]), hostContainers]
		},
		{
			id: 'acr-login',
			title: 'az acr login: an Entra token becomes a docker login',
			notes: 'Expect "it worked yesterday, denied today": the ACR token lasts three hours, so run az acr login again. With Docker stopped, az acr login fails at its docker ps check. Without Docker (a CI job, a cloud shell) az acr login --expose-token prints the token instead.',
			view: 'acr',
			narration:
				'az acr login -n myreg first runs docker ps, so the daemon must be running. It exchanges your Entra ID token at /oauth2/exchange for an ACR refresh token valid for three hours, then runs docker login with an all-zero user name and that token as the password. The daemon checks it: GET /v2/ draws a 401 challenge naming /oauth2/token; with a token from there, GET /v2/ succeeds. The deck says to run az acr login as its own step; it is a wrapper round docker login.',
			terminal: { command: 'az acr login -n myreg', output: FROM_RUN, api: 'docker ps → GET /containers/json; POST https://myreg.azurecr.io/oauth2/exchange; docker login → POST /auth' },
			highlight: ['az', 'acr', 'cli', 'dockerd']
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
			tables: [images([WHALE, STUDENT_WHALE, ACR_V1, NGINX]), hostContainers]
		},
		{
			id: 'push',
			title: 'docker push to ACR: a token with push rights',
			notes: 'If the push is denied, check the role assignment on the registry: AcrPull is not enough, you need AcrPush (or Contributor/Owner). Ask: who checks the role, Docker or Azure? (ACR, when it issues the scoped token.)',
			view: 'acr',
			narration:
				'docker push myreg.azurecr.io/docker-whale:v1 works like a push to Docker Hub, with one extra exchange: the first HEAD draws a 401 challenge, and the daemon trades the stored ACR token at /oauth2/token for a short-lived access token scoped to this repository with push rights. ACR grants push only if you hold the AcrPush role; with only AcrPull the push is refused.',
			terminal: { command: PUSH_V1, output: FROM_RUN, api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v1' },
			highlight: ['dockerd', 'acr']
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
			notes: 'Ask: Debian\'s layer was "Mounted from library/nginx" on Docker Hub, so why is it uploaded here? (A mount works only between repositories of the same registry; myreg has no copy of Debian.) Expect the push of the 30 MB base layer to take the longest. The digest printed is the same manifest digest as on Docker Hub: same bytes, same digest.',
			view: 'acr',
			narration:
				"The repository docker-whale is new in myreg, so each HEAD answers 404. There is nothing to mount either: a mount only links a blob from another repository of the same registry, and Debian's layer lives on Docker Hub. So both layers are uploaded, ours first (POST 202, then PUT ?digest= 201), then the config, and finally the manifest under the tag v1.",
			terminal: { command: PUSH_V1, output: FROM_RUN, api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v1' },
			highlight: ['dockerd', 'acr']
		},
		{
			id: 'v2',
			title: 'Update: a new CMD, a metadata-only rebuild',
			notes: 'Ask before you click: how many new layers will this build make? Most students say one; the answer is none, because only the config changed. Demo: docker history on v1 and v2 lists the same two layers with sizes; only the 0B CMD line differs. Tags are movable names; digests are fixed; production deployments often pin a digest.',
			view: 'acr',
			narration:
				'Now change the default message: v2 runs fortune -s | cowsay -f tux, short fortunes told by a penguin. Only the CMD line changes, and CMD is metadata. BuildKit asks Docker Hub again what trixie-slim points to (the same digest), then finds FROM and RUN in its cache (both show CACHED) and makes no new layer. It writes a new config and a new manifest: a new image ID with the same two layers, tagged v2. v1 is untouched.',
			file: v2File,
			terminal: { command: BUILD_V2, output: FROM_RUN, api: 'POST /session, POST /grpc (BuildKit)' },
			highlight: ['buildkit', 'img-whale'],
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
					{ value: 'Only the new config, then the manifest' }
				],
				answer: 'Only the new config, then the manifest',
				feedback: 'The two layers answer 200 to HEAD and stay put ("Layer already exists"); only the new config blob is uploaded, and the manifest naming it is PUT under v2.'
			},
			title: 'Push v2: no layer travels',
			notes: 'Contrast tags (movable) with digests (fixed); ask which one a production deployment should pin. Point at the output: no layer says Pushed, yet v2 has a new digest, because its config differs. Demo afterwards: az acr repository show-tags -n myreg --repository docker-whale lists ["v1", "v2"].',
			view: 'acr',
			narration:
				'Pushing v2 sends almost nothing. The HEAD for each layer answers 200 OK, so the client prints "Layer already exists" for both. Only the new config is uploaded, a few hundred bytes, then the manifest under the tag v2. The registry now holds both tags; a deployment can move from v1 to v2, or back.',
			terminal: { command: PUSH_V2, output: FROM_RUN, api: 'POST /images/myreg.azurecr.io/docker-whale/push?tag=v2' },
			highlight: ['dockerd', 'acr']
		}
	]
};

const ACR = [{ to: 'acr' }, { from: 'acr' }];
export const d3Scenario: DockerScenario = {
	title: 'D2 (ACR): az login, az acr login, tag and push v1; a CMD-only v2, built and pushed',
	engine: hostOptions,
	continues: d2Scenario,
	steps: [
		{ step: 'az-login', wait: 5 * 60_000, type: ['az login'], show: [{ from: 'az' }, { to: 'az' }], output: true },
		{ step: 'acr-login', type: ['az acr login -n myreg'], show: [{ from: 'az' }, { to: 'az' }, { from: 'cli' }, { to: 'cli' }, ...ACR], output: true },
		{ step: 'tag', type: ['docker tag docker-whale myreg.azurecr.io/docker-whale:v1'], show: [{ from: 'cli' }, { to: 'img-whale' }, { to: 'cli' }] },
		{ step: 'push', type: [PUSH_V1], until: { from: 'acr', summary: /^200: access token/ }, settle: 5, show: [{ from: 'cli' }, ...ACR], output: true },
		{ step: 'upload-v1', show: [...ACR, { to: 'cli', summary: /: Pushed$/ }, { to: 'cli', kind: 'response' }], output: true },
		{ step: 'v2', wait: 60_000, files: { Dockerfile: v2DockerfileLines.join('\n') + '\n' }, type: [BUILD_V2], show: [{ from: 'cli', summary: /^POST \/grpc/ }, { from: 'dockerd', to: 'buildkit' }, { from: 'buildkit', to: 'hub' }, { from: 'hub', to: 'buildkit' }, { to: 'img-whale' }], output: true },
		{ step: 'push-v2', type: [PUSH_V2], show: [{ from: 'cli' }, ...ACR, { to: 'cli', summary: /already exists/ }], output: true }
	]
};

export const d3Recording = recordDockerWalkthrough(d3Scenario, written, dockerScene);
export const pushToAcr: Walkthrough = d3Recording.walkthrough;
