import type { SourceFile, Walkthrough } from '$lib/model/types';
import type { EngineOptions } from '$lib/sim/docker/engine';
import { recordDockerWalkthrough, type DockerScenario } from '$lib/sim/docker/scenario';
import { d1Scenario } from './pull-and-run';
import { dockerScene } from './scene';
import { containers, images, NGINX, web, WHALE, whaleRun } from './tables';

// D2 in flows.md, the deck's Scenario 2. The deck builds FROM docker/whalesay, which no longer pulls
// (schema-1 manifest: pulls disabled in Engine 26, removed in 27); the same lesson with a maintained base.
// Messages and terminal output from build to the end are recorded from the simulator (src/lib/sim/docker),
// on the host "docker pull and docker run" left (its run replayed first: nginx pulled, web running), 45
// minutes later. What the run showed against the hand-written version (the primary sources agree):
// - Engine 29's builder adds a provenance attestation by default on the containerd store (docker/buildx
//   build/opt.go); the simulator exports one image manifest, so the build is typed with --provenance=false,
//   which is exactly that: no attestation manifest, no index; the IMAGE ID is the manifest's digest (moby
//   daemon/containerd/image_list.go `ID: target.Digest`) and the push sends two layers, the config and one manifest.
// - nginx, pulled in the first walkthrough, is built FROM debian:trixie-slim, so its bottom layer is the very
//   Debian layer: BuildKit finds it in the content store (nothing downloaded), and the push mounts it from a
//   repository it came with. containerd's pusher (core/remotes/docker/pusher.go selectRepositoryMountCandidate)
//   picks, of the sorted sources library/debian,library/nginx, the later on a tie: "Mounted from library/nginx".
// - The daemon pushes the top layer first: our layer's upload comes before the Debian layer's mount.
// - The simulator cannot prompt for a password: the run types `docker login -u student -p <token>` (same
//   POST /auth on the wire); the terminal keeps the -u prompt and the credential-store warning of docker/cli.
const deckFile: SourceFile = {
	name: 'Dockerfile (the classic whalesay tutorial)',
	lines: ['FROM docker/whalesay:latest', 'RUN apt-get -y update && apt-get install -y fortunes', 'CMD /usr/games/fortune -a | cowsay']
};
/** Our Dockerfile; push-to-acr changes only its CMD line for v2. */
export const dockerfileLines = [
	'FROM debian:trixie-slim',
	'RUN apt-get update && apt-get install -y --no-install-recommends cowsay fortune-mod && rm -rf /var/lib/apt/lists/*',
	'ENV PATH="/usr/games:${PATH}"',
	'CMD fortune | cowsay'
];
const file = (focus: number[]): SourceFile => ({ name: 'Dockerfile', lines: dockerfileLines, focus });

/** Terminal output recorded from the run (`output: true` in the scenario below). */
const FROM_RUN = '';
export const BUILD = 'docker build --provenance=false -t docker-whale .';
const pushCommand = 'docker push student/docker-whale:latest';
const pushApi = 'POST /images/student/docker-whale/push?tag=latest (X-Registry-Auth)';
// The host as build-and-push finds it: nginx and web from "docker pull and docker run", 45 minutes later.
const webNow = web('45 minutes ago', 'Up 45 minutes');
export const STUDENT_WHALE: [string, string, string, string] = ['student/docker-whale', 'latest', WHALE[2], WHALE[3]];

const written: Walkthrough = {
	id: 'docker/build-and-push',
	scene: 'docker',
	order: 2,
	title: 'Build and push an image',
	summary: 'A Dockerfile becomes layers, a tag, a login and an upload that mounts, skips or sends each blob.',
	deckCorrections: [
		{ step: 'deck-dockerfile', text: 'The deck says to build FROM docker/whalesay. That image was pushed in the old "schema 1" manifest format, which Docker Engine 26 stopped pulling by default and Engine 27 cannot pull at all. Building it today fails at the very first line, so we teach the same idea with a maintained base image.' },
		{ step: 'build', text: 'The deck says nothing about BuildKit: its era used the classic builder, which uploaded the whole folder and printed "Step 1/3" lines instead of today\'s "[1/2] FROM" progress.' }
	],
	steps: [
		{
			id: 'deck-dockerfile',
			title: "The slides' Dockerfile no longer builds",
			view: 'empty',
			narration:
				'The deck says to build FROM docker/whalesay. That image was pushed in the old "schema 1" manifest format, which Docker Engine 26 stopped pulling by default and Engine 27 cannot pull at all. Building it today fails at the very first line, so we teach the same idea with a maintained base image.',
			notes: 'Demo: run docker pull docker/whalesay live and read the error aloud. On Engine 29 (containerd image store) containerd itself refuses the schema 1 manifest; a host still on overlay2 says "Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed". Ask the class what "images rot" means for their own projects: pin maintained bases and rebuild regularly.',
			file: deckFile,
			terminal: {
				command: 'docker pull docker/whalesay',
				output:
					'Using default tag: latest\nError response from daemon: not implemented: media type "application/vnd.docker.distribution.manifest.v1+prettyjws" is no longer supported since containerd v2.1, please rebuild the image as "application/vnd.docker.distribution.manifest.v2+json" or "application/vnd.oci.image.manifest.v1+json"',
				api: 'POST /images/create?fromImage=docker/whalesay&tag=latest → 501 Not Implemented'
			},
			highlight: ['hub'],
			tables: [images([NGINX]), containers([webNow])]
		},
		{
			id: 'dockerfile',
			title: 'The same idea, maintained',
			notes: 'Read the four lines aloud and ask which of them will add files to the image (only FROM and RUN). Expect some students to say CMD: it only records what to run later.',
			view: 'empty',
			narration:
				'Our Dockerfile starts FROM debian:trixie-slim, a small image of Debian 13, the current stable release. One RUN installs cowsay and fortune and cleans the package lists in the same step, so they never land in a layer. ENV puts /usr/games on the PATH and CMD says what to run by default. Only FROM and RUN bring files.',
			file: file([])
		},
		{
			id: 'build',
			title: 'docker build: a session with BuildKit',
			notes: 'Point out that the client sends only the files BuildKit asks for; a .dockerignore still keeps secrets and node_modules out. The output here is --progress=plain\'s numbered lines (#4 [2/2] RUN …), what you get when the output is not a terminal; in a terminal the same steps redraw in place. --provenance=false: Engine 29 otherwise adds a provenance attestation (an attestation manifest, and an index tying it to the image), so docker images would show the index digest and the push would send a few more small blobs and manifests; docker buildx imagetools inspect shows them.',
			view: 'build',
			narration:
				'docker build --provenance=false -t docker-whale . talks to BuildKit, the default builder since Engine 23. The client opens a session with the daemon; BuildKit then asks the client for just the build-context files it needs. (--provenance=false leaves out the build record Engine 29 attaches by default, so the image is one manifest.) The deck says nothing about BuildKit: its era used the classic builder, which uploaded the whole folder and printed "Step 1/3" lines instead of today\'s "[1/2] FROM" progress.',
			terminal: { command: BUILD, output: FROM_RUN, api: 'POST /session, POST /grpc (BuildKit)' },
			highlight: ['cli', 'dockerd', 'buildkit'],
			file: file([])
		},
		{
			id: 'from',
			title: 'FROM: resolve the base into the build cache',
			notes: 'Ask: where does debian:trixie-slim come from if no registry is named? (docker.io/library/debian.) Expect students to look for it in docker images afterwards; docker buildx du shows it in the build cache instead. Ask why no layer was downloaded: nginx is built FROM debian:trixie-slim too, so its bottom layer has the same digest, and content is stored by digest.',
			view: 'build',
			narration:
				"FROM debian:trixie-slim: BuildKit resolves the tag to a digest on Docker Hub (HEAD, a 401 challenge, an anonymous token, HEAD again) and fetches the index, this platform's manifest and the config, much like docker pull. Its one layer is not downloaded: nginx, pulled earlier, is built on the same Debian, so this host already holds a blob with that digest. BuildKit keeps the base in its own build cache, so docker images does not list debian:trixie-slim.",
			file: file([1]),
			terminal: { command: BUILD, output: FROM_RUN, api: 'POST /grpc (progress streamed)' },
			highlight: ['buildkit', 'hub', 'img-base'],
			tables: [images([NGINX]), containers([webNow])]
		},
		{
			id: 'run',
			title: 'RUN: one temporary container, one new layer',
			notes: 'Ask why apt-get update, install and cleanup share one RUN line: a separate rm in a later layer would not shrink the image. Misconception: docker ps during the build shows nothing, because BuildKit runs RUN steps with its own runc executor, not as Docker containers.',
			view: 'build',
			narration:
				'RUN executes apt-get inside a temporary container started from the base. Whatever the command changes in the filesystem is captured as one new read-only layer on top. The temporary container is then thrown away. Each RUN makes one layer, which is why commands are chained with &&.',
			file: file([2]),
			highlight: ['buildkit', 'img-base'],
			terminal: { command: BUILD, output: FROM_RUN, api: 'POST /grpc (progress streamed)' }
		},
		{
			id: 'cmd',
			title: 'ENV and CMD: metadata; then the image is written',
			notes: "Misconception: the IMAGE ID is the config's digest. That was true on the classic overlay2 store; on Engine 29's containerd store it is the digest of what the name points to, here the manifest (without --provenance=false, the index). The config is a separate blob with its own digest. Ask: if you change only CMD and rebuild, how many new layers appear? (None.)",
			view: 'built',
			narration:
				"ENV and CMD change only the image's configuration, not its files, so they add no layer. BuildKit writes the config and a manifest listing the config and both layers; the manifest's digest is the IMAGE ID. It names the manifest docker-whale:latest and unpacks the layers. docker images lists docker-whale, not Debian: the base stays in the build cache.",
			file: file([3, 4]),
			highlight: ['img-whale'],
			terminal: { command: BUILD, output: FROM_RUN, api: 'POST /grpc (done)' },
			tables: [images([WHALE, NGINX]), containers([webNow])]
		},
		{
			id: 'tag',
			checkpoint: {
				question: 'docker tag docker-whale student/docker-whale:latest. What does the daemon do?',
				kind: 'choice',
				options: [
					{ value: 'Copies the image under the new name', misconception: 'A tag is a copy. It is a second name for the same image ID.' },
					{ value: 'Uploads it to Docker Hub', misconception: 'Naming an image for Docker Hub sends it there. Only docker push uploads.' },
					{ value: 'Adds a second name to the same image' }
				],
				answer: 'Adds a second name to the same image',
				feedback: 'docker tag only adds a name that points at the same image ID; nothing is copied and nothing leaves the machine.'
			},
			title: 'docker tag: a second name, nothing copied',
			notes: 'Run docker images after tagging: on Docker 29 a plain docker images prints a tree (IMAGE, ID, DISK USAGE, CONTENT SIZE, EXTRA), one line per name; docker images --format table gives the classic columns shown here. Both names show the same ID. Ask what docker rmi docker-whale would delete now (only the name; the image stays while another name points at it).',
			view: 'built',
			narration:
				'To push to your Docker Hub account, the image needs a name in your namespace. docker tag adds the name student/docker-whale:latest to the same image ID. Nothing is copied or uploaded. Names read [registry/][namespace/]repository[:tag], with defaults docker.io, library/ and latest.',
			file: file([]),
			terminal: { command: 'docker tag docker-whale student/docker-whale:latest', api: 'POST /images/docker-whale/tag?repo=student/docker-whale&tag=latest' },
			highlight: ['img-whale'],
			badges: { 'img-whale': '+ student/docker-whale' },
			tables: [images([WHALE, STUDENT_WHALE, NGINX]), containers([webNow])]
		},
		{
			id: 'login',
			title: 'docker login -u: a token at the Password prompt',
			notes: 'Have students create a personal access token (Docker Hub → Account settings → Personal access tokens) before class. Misconception: "docker login" asks for a password. Today it starts a web login with a one-time code; only -u gives the prompt. Read the WARNING aloud: config.json holds a reversible base64 of the token. Ask what a credential helper (pass, the macOS keychain, Windows Credential Manager) changes.',
			view: 'built',
			narration:
				'A plain docker login to Docker Hub now starts a web sign-in with a one-time device code. To type credentials instead, run docker login -u student and paste a personal access token at the Password prompt; Docker Hub recommends a token over your password. The daemon checks it with the registry: GET /v2/ draws a 401 challenge, a token from auth.docker.io with those credentials, GET /v2/ again. Then the client stores it. With no credential helper set up it goes into ~/.docker/config.json, and the client warns that it is stored unencrypted.',
			terminal: {
				command: 'docker login -u student',
				output: [
					'i Info → A Personal Access Token (PAT) can be used instead.',
					'         To create a PAT, visit https://app.docker.com/settings',
					'',
					'Password:',
					'',
					"WARNING! Your credentials are stored unencrypted in '/home/student/.docker/config.json'.",
					'Configure a credential helper to remove this warning. See',
					'https://docs.docker.com/go/credential-store/',
					'',
					'Login Succeeded'
				].join('\n'),
				api: 'POST /auth'
			},
			highlight: ['cli', 'dockerd', 'hub']
		},
		{
			id: 'push',
			title: 'docker push: a token to write',
			notes: 'Ask: what does the registry receive, a Dockerfile or an image? (Only blobs and a manifest; it never sees the Dockerfile.) Misconception: the client uploads the image. The daemon does; the client only streams progress back.',
			view: 'built',
			narration:
				'docker push sends the push request to the daemon with the stored credentials in an X-Registry-Auth header. The daemon\'s first HEAD draws a 401 challenge; with your credentials it gets a token from Docker Hub that allows it to push to student/docker-whale (and to read library/nginx, where one of its layers came from). Then, for each blob (the two layers, then the config), it first asks with a HEAD request whether the repository already has that digest.',
			terminal: { command: pushCommand, output: FROM_RUN, api: pushApi },
			highlight: ['cli', 'dockerd', 'hub']
		},
		{
			id: 'upload',
			title: 'Our layer: the only big upload',
			notes: 'Ask: which layer would be "Mounted from" if a classmate pushed an image built FROM student/docker-whale? Big uploads may go in chunks (PATCH, then the closing PUT); the registry checks the digest before it answers 201.',
			view: 'built',
			narration:
				'The daemon starts with the top layer, our own. It exists nowhere on Docker Hub: its HEAD answers 404 and there is nothing to mount. So the daemon opens an upload with a POST, gets 202 Accepted and an upload Location, then sends the compressed layer in a PUT to that location with ?digest=sha256:…. The registry checks the digest and answers 201 Created; the client prints "Pushed".',
			terminal: { command: pushCommand, output: FROM_RUN, api: pushApi },
			highlight: ['dockerd', 'hub']
		},
		{
			id: 'mount',
			checkpoint: {
				question: 'Debian\'s layer is already on Docker Hub: it is nginx\'s bottom layer, pulled in the first walkthrough. What happens to it in this push?',
				kind: 'choice',
				options: [
					{ value: 'It is uploaded again', misconception: 'Every push uploads every layer. A registry can link a blob it already holds.' },
					{ value: 'It is mounted from library/nginx: no bytes sent' },
					{ value: 'It is skipped, because the HEAD answers 200', misconception: 'A blob anywhere on the registry counts as present. HEAD looks in the new repository and answers 404.' }
				],
				answer: 'It is mounted from library/nginx: no bytes sent',
				feedback: 'The HEAD answers 404 because student/docker-whale is new, but the daemon knows which repository the blob came from and asks Docker Hub to mount it from there: a link, nothing uploaded.'
			},
			title: "Debian's layer: mounted, not uploaded",
			notes: 'Common mistake (an earlier version of this app made it): "Mounted from" does not come from a HEAD. A HEAD in a new repository answers 404; the mount is a POST with ?mount=&from=, answered 201. Ask: why library/nginx and not library/debian? (The daemon labels each blob with the repositories it came from; this one came with nginx. Had it been labelled with library/debian too, containerd would still pick library/nginx: of the sorted names, the one sharing most path with the target, the later on a tie. On a host without nginx it says library/debian.) For the mount the token must also allow pulling from that repository, which anyone may for an official image.',
			view: 'built',
			narration:
				"Debian's layer: the HEAD answers 404, because student/docker-whale is a brand-new repository. But the daemon remembers that this blob came from library/nginx on the same registry: it is the bottom layer of nginx, pulled in the first walkthrough. So it asks Docker Hub to mount it from there: a POST to the upload endpoint with ?mount=<digest>&from=library/nginx. Docker Hub answers 201 Created and links the blob it already stores. No bytes travel; the client prints \"Mounted from library/nginx\".",
			terminal: { command: pushCommand, output: FROM_RUN, api: pushApi },
			highlight: ['dockerd', 'hub']
		},
		{
			id: 'manifest',
			title: 'The config, then the manifest under the tag',
			notes: "Ask: why must the manifest go last? (The registry refuses a manifest that points at content it does not have.) The digest printed at the end is the manifest's, the same one docker images shows as IMAGE ID on the containerd store; pin it to deploy exactly these bytes. The config gets no progress line. Without --provenance=false the attestation's blobs and manifest would travel too, and the index last under the tag.",
			view: 'built',
			narration:
				"The config travels the same way as our layer: HEAD 404, POST 202, PUT 201, with no progress line of its own. Then the manifest, which must come after the blobs it lists: the daemon asks with a HEAD whether latest already names it (404), then PUTs it under the tag latest. The client prints the manifest's digest, which is the IMAGE ID you saw in docker images.",
			terminal: { command: pushCommand, output: FROM_RUN, api: pushApi },
			highlight: ['dockerd', 'hub']
		},
		{
			id: 'push-again',
			title: 'Push again: "Layer already exists"',
			notes: 'Demo: push the same image twice; the second push finishes in a second. Then contrast the words a push can print per blob: Pushed (uploaded), Mounted from (linked from another repository), Layer already exists (HEAD said 200).',
			view: 'built',
			narration:
				'Push the same image a second time and every HEAD now answers 200 OK: the repository has each layer, the config, and the manifest under latest. For a layer answered 200 the client prints "Layer already exists"; nothing is sent. That is the word for content already in this repository; "Mounted from" means it was linked from another one.',
			terminal: { command: pushCommand, output: FROM_RUN, api: pushApi },
			highlight: ['dockerd', 'hub']
		},
		{
			id: 'anyone',
			title: 'Run it here; anyone can now pull it',
			notes: 'Ask: where is the container now? (Stopped, not gone: docker ps -a lists jolly_lovelace, Exited (0).) docker run --rm would have removed it on exit. Close the loop: a student on another machine runs docker run --rm student/docker-whale and compares the digest docker pull prints with the one from the push.',
			view: 'ran',
			narration:
				'Try it here first: docker run docker-whale starts a container that prints a talking cow with a fortune and exits. Without --rm the stopped container stays; Docker named it jolly_lovelace. The image is also on Docker Hub, so any machine can run docker run student/docker-whale, pulling Debian\'s layer and yours as you saw in "docker pull and docker run". For a private registry in Azure, see the next walkthrough.',
			highlight: ['hub', 'img-whale'],
			terminal: { command: 'docker run docker-whale', output: FROM_RUN, api: 'POST /containers/create, POST /containers/{id}/attach, POST /containers/{id}/wait, POST /containers/{id}/start' },
			tables: [images([WHALE, STUDENT_WHALE, NGINX]), containers([whaleRun('Less than a second ago', 'Exited (0) Less than a second ago'), webNow])]
		}
	]
};

/** Scene components for the images and containers of D2–D4 (the simulator's default is img-<name>, ctr-<name>). */
const IMAGE_COMPONENT: Record<string, string> = { debian: 'img-base', 'docker-whale': 'img-whale', 'student/docker-whale': 'img-whale', 'myreg.azurecr.io/docker-whale': 'img-whale', 'nginx-hello': 'img-hello' };
const CONTAINER_COMPONENT: Record<string, string> = { jolly_lovelace: 'ctr-old', admiring_hopper: 'ctr-killed' };
/** The host of D2–D4: D1's seed (so replaying it gives the same IDs), a Docker Hub account and the class registry. */
export const hostOptions: EngineOptions = {
	seed: 'd1',
	hub: { users: { student: 'pat' } },
	acr: { name: 'myreg', roles: { 'student@school.edu': 'AcrPush' } },
	imageComponent: (name) => IMAGE_COMPONENT[name] ?? `img-${name.split('/').at(-1)}`,
	containerComponent: (name) => CONTAINER_COMPONENT[name] ?? `ctr-${name}`
};
const HUB = [{ to: 'hub' }, { from: 'hub' }];
const PROGRESS = (re: RegExp) => ({ from: 'dockerd', to: 'cli', summary: re });
export const d2Scenario: DockerScenario = {
	title: 'D2: docker build, tag, login and push to Docker Hub (twice), then docker run',
	engine: hostOptions,
	continues: d1Scenario,
	steps: [
		{ step: 'build', wait: 45 * 60_000 - 6_000, files: { Dockerfile: dockerfileLines.join('\n') + '\n' }, type: [BUILD], until: PROGRESS(/#1 \[internal\]/), settle: 5, show: [{ from: 'cli' }, { from: 'dockerd', to: 'cli', kind: 'response' }, { to: 'buildkit' }], output: true },
		{ step: 'from', until: PROGRESS(/#3 \[1\/2\] FROM/), settle: 5, show: [...HUB, { to: 'img-base', summary: /^keep/ }], output: true },
		{ step: 'run', until: PROGRESS(/#4 \[2\/2\] RUN/), settle: 5, show: [{ from: 'buildkit', to: 'img-base' }], output: true },
		{ step: 'cmd', show: [{ to: 'img-whale' }, { from: 'buildkit', to: 'dockerd' }, { from: 'dockerd', to: 'cli', kind: 'response' }], output: true },
		{ step: 'tag', type: ['docker tag docker-whale student/docker-whale:latest'], show: [{ from: 'cli' }, { to: 'img-whale' }, { to: 'cli' }] },
		{ step: 'login', type: ['docker login -u student -p pat'], show: [{ from: 'cli' }, ...HUB, { to: 'cli' }] },
		{ step: 'push', type: [pushCommand], until: { from: 'hub', summary: /^200: bearer token/ }, settle: 5, show: [{ from: 'cli' }, ...HUB], output: true },
				// A blob's last answer, its progress line and the next blob's HEAD go out together: each step shows its own blob's exchanges.
		{ step: 'upload', until: PROGRESS(/: Pushed$/), settle: 5, show: [{ to: 'hub', first: 3 }, { from: 'hub', first: 3 }, PROGRESS(/: Pushed$/)], output: true },
		{ step: 'mount', until: PROGRESS(/Mounted from/), settle: 5, show: [{ to: 'hub', first: 2 }, { from: 'hub', first: 2 }, PROGRESS(/Mounted from/)], output: true },
		{ step: 'manifest', show: [...HUB, { to: 'cli', kind: 'response' }], output: true },
		{ step: 'push-again', wait: 20_000, type: [pushCommand], show: [{ from: 'cli' }, ...HUB, PROGRESS(/already exists/)], output: true },
		{ step: 'anyone', wait: 10_000, type: ['docker run docker-whale'], show: [{ from: 'cli' }, { to: 'ctr-old', summary: /PID 1/ }, { from: 'dockerd', to: 'cli', kind: 'response', summary: /StatusCode/ }], output: true }
	]
};

export const d2Recording = recordDockerWalkthrough(d2Scenario, written, dockerScene);
export const buildAndPush: Walkthrough = d2Recording.walkthrough;
