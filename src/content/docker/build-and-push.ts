import type { SourceFile, Walkthrough } from '$lib/model/types';
import { containers, images, NGINX, web, WHALE, whaleRun } from './tables';

// D2 in flows.md, the deck's Scenario 2. The deck builds FROM docker/whalesay, which no longer pulls
// (schema-1 manifest: pulls disabled in Engine 26, removed in 27); the same lesson with a maintained base.
// The push follows the real client: a HEAD per blob first, then a cross-repository mount
// (POST …/blobs/uploads/?mount=…&from=…, 201 = "Mounted from") or an upload (POST 202, PUT ?digest= 201 =
// "Pushed"); a HEAD answered 200 is "Layer already exists" (OCI distribution spec; containerd
// core/remotes/docker/pusher.go; moby distribution/push_v2.go).
// Engine 29 with the containerd image store (checked against the code):
// - docker build (buildx, docker driver) adds a provenance attestation by default when the store is containerd
//   (docker/buildx build/opt.go: attest:provenance=mode=min,inline-only=true when the driver has MultiPlatform;
//   driver/docker/driver.go: MultiPlatform = containerd snapshotter). BuildKit's image exporter then prints
//   exporting manifest / config / attestation manifest / manifest list, naming to, unpacking to
//   (moby/buildkit exporter/containerimage writer.go, export.go), and the IMAGE ID is the index digest
//   (moby daemon/containerd/image_list.go `ID: target.Digest`).
// - docker push (moby daemon/containerd/image_push.go, progress.go): a line per layer and per other blob (the
//   attestation statement), none for configs, manifests or the index (showBlobProgress); "Waiting" before a blob
//   starts; a non-layer blob that exists prints "Already exists". containerd remotes.PushContent sends every blob,
//   then the manifests by digest, then the index under the tag; the digest printed is the index's.
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

/** The two layer blobs as `docker push` prints them (short digests): Debian's, then ours. */
export const LAYERS = { base: '8b296f486960', ours: '3c1e9ae0b0f2' } as const;
/**
 * The other blobs and manifests of docker-whale:latest (short digests). The index is what the name points to,
 * so its digest is the IMAGE ID (IDS.whale); the config is a separate blob with its own digest.
 */
export const WHALE_DIGESTS = { config: 'a5d93b0e41c7', manifest: 'd4b7e0a91c35', provenance: '5d1f0c8e2b7a', attestation: 'f08c2e6b9d14', index: WHALE[2] } as const;
export const STUDENT_WHALE: [string, string, string, string] = ['student/docker-whale', 'latest', WHALE[2], WHALE[3]];

const repo = '/v2/student/docker-whale';
const pushed = 'The push refers to repository [docker.io/student/docker-whale]';
const pushCommand = 'docker push student/docker-whale:latest';
const pushApi = 'POST /images/student/docker-whale/push?tag=latest (X-Registry-Auth)';
const D = WHALE_DIGESTS;
const pushedLine = `latest: digest: sha256:${D.index}… size: 856`;
// The host as build-and-push finds it: nginx and web from "docker pull and docker run", a little later.
const webNow = web('45 minutes ago', 'Up 45 minutes');

export const buildAndPush: Walkthrough = {
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
			notes: 'Point out that the client sends only the files BuildKit asks for; a .dockerignore still keeps secrets and node_modules out. Demo: docker build --progress=plain shows the same steps as numbered lines (#5 [2/2] RUN …).',
			view: 'build',
			narration:
				'docker build -t docker-whale . talks to BuildKit, the default builder since Engine 23. The client opens a session with the daemon; BuildKit then asks the client for just the build-context files it needs. The deck says nothing about BuildKit: its era used the classic builder, which uploaded the whole folder and printed "Step 1/3" lines instead of today\'s "[1/2] FROM" progress.',
			terminal: {
				command: 'docker build -t docker-whale .',
				output: '[+] Building 0.2s (2/6)\n => [internal] load build definition from Dockerfile\n => => transferring dockerfile: 243B\n => [internal] load .dockerignore',
				api: 'POST /session, POST /grpc (BuildKit)'
			},
			highlight: ['cli', 'dockerd', 'buildkit'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /session (upgrade to a two-way stream)' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /grpc: solve Dockerfile, tag docker-whale' },
				{ from: 'dockerd', to: 'buildkit', via: 'dockerd-buildkit', kind: 'request', summary: 'build request; pull context files from the client session' }
			],
			file: file([])
		},
		{
			id: 'from',
			title: 'FROM: fetch the base into the build cache',
			notes: 'Ask: where does debian:trixie-slim come from if no registry is named? (docker.io/library/debian.) Expect students to look for it in docker images afterwards; docker buildx du shows it in the build cache instead.',
			view: 'build',
			narration:
				'FROM debian:trixie-slim: BuildKit resolves the tag to a digest on Docker Hub and fetches the base image\'s manifest, config and single layer, much like docker pull. The layer becomes the bottom of our image, unchanged. Unlike docker pull, BuildKit keeps the base in its own build cache, so docker images does not list debian:trixie-slim.',
			file: file([1]),
			terminal: {
				command: 'docker build -t docker-whale .',
				output: ' => [internal] load metadata for docker.io/library/debian:trixie-slim\n => [auth] library/debian:pull token for registry-1.docker.io\n => [1/2] FROM docker.io/library/debian:trixie-slim@sha256:…\n => => extracting sha256:8b296f486960…',
				api: 'POST /grpc (progress streamed)'
			},
			highlight: ['buildkit', 'hub', 'img-base'],
			messages: [
				{ from: 'buildkit', to: 'hub', via: 'buildkit-hub', kind: 'request', summary: 'GET /v2/library/debian/manifests/trixie-slim' },
				{ from: 'hub', to: 'buildkit', via: 'buildkit-hub', kind: 'data', summary: 'index → linux/amd64 manifest, config blob, 1 layer blob (sha256:8b29…)' },
				{ from: 'buildkit', to: 'img-base', via: 'buildkit-img-base', kind: 'data', summary: 'keep debian:trixie-slim in the build cache (not listed by docker images)' }
			],
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
			messages: [{ from: 'buildkit', to: 'img-base', via: 'buildkit-img-base', kind: 'data', summary: 'run apt-get in a temporary container on top of the base; snapshot the changes as layer 2' }],
			terminal: { command: 'docker build -t docker-whale .', output: ' => [2/2] RUN apt-get update && apt-get install -y --no-install-recommends cowsay fortune-mod …  14.2s', api: 'POST /grpc (progress streamed)' }
		},
		{
			id: 'cmd',
			title: 'ENV and CMD: metadata; then the image is written',
			notes: 'Misconception: the IMAGE ID is the config\'s digest. That was true on the classic overlay2 store; on Engine 29\'s containerd store it is the digest of what the name points to, here the index (7e2f…), not the config (a5d9…). Demo: docker buildx imagetools inspect after the push lists a linux/amd64 image and an unknown/unknown attestation; docker build --provenance=false leaves the attestation out. Ask: if you change only CMD and rebuild, how many new layers appear? (None.)',
			view: 'built',
			narration:
				'ENV and CMD change only the image\'s configuration, not its files, so they add no layer. BuildKit writes the config, a manifest listing the config and both layers, and by default a small provenance attestation recording how the image was built. An index ties manifest and attestation together; its digest is the IMAGE ID. BuildKit names the index docker-whale:latest and unpacks it. docker images lists docker-whale, not Debian: the base stays in the build cache.',
			file: file([3, 4]),
			highlight: ['img-whale'],
			messages: [
				{ from: 'buildkit', to: 'img-whale', via: 'buildkit-img-whale', kind: 'data', summary: `write config sha256:${D.config}… (ENV, CMD), manifest, provenance attestation, index sha256:${D.index}…` },
				{ from: 'buildkit', to: 'img-whale', via: 'buildkit-img-whale', kind: 'data', summary: 'name docker-whale:latest → the index; unpack the layers into a snapshot' }
			],
			terminal: {
				command: 'docker build -t docker-whale .',
				output: [
					' => exporting to image',
					' => => exporting layers',
					` => => exporting manifest sha256:${D.manifest}…`,
					` => => exporting config sha256:${D.config}…`,
					` => => exporting attestation manifest sha256:${D.attestation}…`,
					` => => exporting manifest list sha256:${D.index}…`,
					' => => naming to docker.io/library/docker-whale:latest',
					' => => unpacking to docker.io/library/docker-whale:latest'
				].join('\n'),
				api: 'POST /grpc (done)'
			},
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
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/docker-whale/tag?repo=student/docker-whale&tag=latest' },
				{ from: 'dockerd', to: 'img-whale', via: 'dockerd-img-whale', kind: 'data', summary: 'add name student/docker-whale:latest (same image ID)' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '201 Created' }
			],
			tables: [images([WHALE, STUDENT_WHALE, NGINX]), containers([webNow])]
		},
		{
			id: 'login',
			title: 'docker login -u: a token at the Password prompt',
			notes: 'Have students create a personal access token (Docker Hub → Account settings → Personal access tokens) before class. Misconception: "docker login" asks for a password. Today it starts a web login with a one-time code; only -u gives the prompt. Read the WARNING aloud: config.json holds a reversible base64 of the token. Ask what a credential helper (pass, the macOS keychain, Windows Credential Manager) changes.',
			view: 'built',
			narration:
				'A plain docker login to Docker Hub now starts a web sign-in with a one-time device code. To type credentials instead, run docker login -u student and paste a personal access token at the Password prompt; Docker Hub recommends a token over your password. The daemon checks it with the registry, then the client stores it. With no credential helper set up it goes into ~/.docker/config.json, and the client warns that it is stored unencrypted.',
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
			highlight: ['cli', 'dockerd', 'hub'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /auth {username: student, password: <personal access token>}' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'GET /v2/, then a token from auth.docker.io with those credentials' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '200 OK' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200 Login Succeeded' }
			]
		},
		{
			id: 'push',
			title: 'docker push: a token to write',
			notes: 'Ask: what does the registry receive, a Dockerfile or an image? (Only blobs and manifests; it never sees the Dockerfile.) Misconception: the client uploads the image. The daemon does; the client only streams progress back. The third line is not a third layer: it is the provenance statement BuildKit attached.',
			view: 'built',
			narration:
				'docker push sends the push request to the daemon with the stored credentials in an X-Registry-Auth header. The daemon gets a token from Docker Hub that allows it to push to student/docker-whale. Then, for each blob (the two layers, the config and the attestation\'s small blobs), it first asks with a HEAD request whether the repository already has that digest. The client shows a Waiting line for each layer and for the attestation.',
			terminal: { command: pushCommand, output: `${pushed}\n${LAYERS.ours}: Waiting\n${LAYERS.base}: Waiting\n${D.provenance}: Waiting`, api: pushApi },
			highlight: ['cli', 'dockerd', 'hub'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/student/docker-whale/push?tag=latest' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'token for repository:student/docker-whale:pull,push' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: 'bearer token with those scopes' }
			]
		},
		{
			id: 'mount',
			checkpoint: {
				question: 'Debian\'s layer already sits on Docker Hub in library/debian. What happens to it in this push?',
				kind: 'choice',
				options: [
					{ value: 'It is uploaded again', misconception: 'Every push uploads every layer. A registry can link a blob it already holds.' },
					{ value: 'It is mounted from library/debian: no bytes sent' },
					{ value: 'It is skipped, because the HEAD answers 200', misconception: 'A blob anywhere on the registry counts as present. HEAD looks in the new repository and answers 404.' }
				],
				answer: 'It is mounted from library/debian: no bytes sent',
				feedback: 'The HEAD answers 404 because student/docker-whale is new, but the daemon knows where the layer came from and asks Docker Hub to mount it: a link, nothing uploaded.'
			},
			title: "Debian's layer: mounted, not uploaded",
			notes: 'Common mistake (an earlier version of this app made it): "Mounted from" does not come from a HEAD. A HEAD in a new repository answers 404; the mount is a POST with ?mount=&from=, answered 201. Ask: why can the daemon name library/debian? (BuildKit recorded where it fetched the layer.) For the mount the token must also allow repository:library/debian:pull, which anyone has for an official image.',
			view: 'built',
			narration:
				'Debian\'s layer: the HEAD answers 404, because student/docker-whale is a brand-new repository. But the daemon remembers that this layer came from library/debian on the same registry, so it asks Docker Hub to mount it: a POST to the upload endpoint with ?mount=<digest>&from=library/debian. Docker Hub answers 201 Created and links the blob it already stores. No bytes travel; the client prints "Mounted from library/debian".',
			terminal: { command: pushCommand, output: `${pushed}\n${LAYERS.ours}: Waiting\n${LAYERS.base}: Mounted from library/debian\n${D.provenance}: Waiting`, api: pushApi },
			highlight: ['dockerd', 'hub'],
			messages: [
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:8b29… (Debian's layer)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '404 Not Found (new repository)' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `POST ${repo}/blobs/uploads/?mount=sha256:8b29…&from=library/debian` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '201 Created (blob linked, nothing uploaded)' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'data', summary: `progress: ${LAYERS.base}: Mounted from library/debian` }
			]
		},
		{
			id: 'upload',
			title: 'Our layer: the only big upload',
			notes: 'Ask: which layer would be "Mounted from" if a classmate pushed an image built FROM student/docker-whale? Big uploads may go in chunks (PATCH, then the closing PUT); the registry checks the digest before it answers 201.',
			view: 'built',
			narration:
				'Our own layer exists nowhere on Docker Hub: its HEAD answers 404 and there is nothing to mount. So the daemon opens an upload with a POST, gets 202 Accepted and an upload Location, then sends the compressed layer in a PUT to that location with ?digest=sha256:…. The registry checks the digest and answers 201 Created; the client prints "Pushed".',
			terminal: { command: pushCommand, output: `${pushed}\n${LAYERS.ours}: Pushed\n${LAYERS.base}: Mounted from library/debian\n${D.provenance}: Waiting`, api: pushApi },
			highlight: ['dockerd', 'hub'],
			messages: [
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:3c1e… (our layer)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '404 Not Found' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `POST ${repo}/blobs/uploads/` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '202 Accepted, Location: <upload URL>' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'data', summary: 'PUT <upload URL>?digest=sha256:3c1e… (layer bytes)' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '201 Created' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'data', summary: `progress: ${LAYERS.ours}: Pushed` }
			]
		},
		{
			id: 'manifest',
			title: 'Small blobs, the manifests, and the index under the tag',
			notes: 'Ask: why must the index go last? (The registry refuses a manifest that points at content it does not have.) The digest printed at the end is the index\'s, the same 7e2f… that docker images shows as IMAGE ID on the containerd store; pin it to deploy exactly these bytes. Configs and manifests get no progress line; the attestation statement does.',
			view: 'built',
			narration:
				'The config and the attestation\'s two small blobs travel the same way: HEAD 404, POST, PUT. The client prints a line for the provenance statement but none for configs. Then the manifests, which must come after the blobs they list: the image manifest and the attestation manifest, each PUT by its digest, and last the index, PUT under the tag latest. The client prints the index\'s digest, which is the IMAGE ID you saw in docker images.',
			terminal: { command: pushCommand, output: `${pushed}\n${LAYERS.ours}: Pushed\n${LAYERS.base}: Mounted from library/debian\n${D.provenance}: Pushed\n${pushedLine}`, api: pushApi },
			highlight: ['dockerd', 'hub'],
			messages: [
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:${D.config.slice(0, 4)}… (config)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '404 Not Found' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'data', summary: `POST ${repo}/blobs/uploads/ → 202, then PUT <upload URL>?digest=sha256:${D.config.slice(0, 4)}… (config)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '201 Created' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'data', summary: `the same for the attestation's config and its provenance statement (sha256:${D.provenance.slice(0, 4)}…)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '201 Created for both' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `PUT ${repo}/manifests/sha256:${D.manifest.slice(0, 4)}… (image manifest), then …/manifests/sha256:${D.attestation.slice(0, 4)}… (attestation manifest)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '201 Created for both' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `PUT ${repo}/manifests/latest (the index, sha256:${D.index.slice(0, 4)}…)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '201 Created' }
			]
		},
		{
			id: 'push-again',
			title: 'Push again: "Layer already exists"',
			notes: 'Demo: push the same image twice; the second push finishes in a second. Then contrast the words a push can print per blob: Pushed (uploaded), Mounted from (linked from another repository), Layer already exists (HEAD said 200; "Already exists" for a blob that is not a layer).',
			view: 'built',
			narration:
				'Push the same image a second time and every HEAD now answers 200 OK: the repository has each blob, each manifest, and the index under latest. For a layer answered 200 the client prints "Layer already exists", and for the provenance statement "Already exists"; nothing is sent. That is the word for content already in this repository; "Mounted from" means it was linked from another one.',
			terminal: {
				command: pushCommand,
				output: `${pushed}\n${LAYERS.ours}: Layer already exists\n${LAYERS.base}: Layer already exists\n${D.provenance}: Already exists\n${pushedLine}`,
				api: pushApi
			},
			highlight: ['dockerd', 'hub'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/student/docker-whale/push?tag=latest' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:8b29… and sha256:3c1e… (both layers)` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '200 OK for both' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `HEAD ${repo}/blobs/sha256:${D.config.slice(0, 4)}… (config) and the attestation's two blobs` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '200 OK for each' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: `HEAD ${repo}/manifests/sha256:${D.manifest.slice(0, 4)}…, …/sha256:${D.attestation.slice(0, 4)}… and …/manifests/latest` },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: `200 OK for each (latest: Docker-Content-Digest sha256:${D.index.slice(0, 4)}…, the same index)` },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'data', summary: `progress: ${LAYERS.ours}, ${LAYERS.base}: Layer already exists; ${D.provenance}: Already exists` }
			]
		},
		{
			id: 'anyone',
			title: 'Run it here; anyone can now pull it',
			notes: 'Ask: where is the container now? (Stopped, not gone: docker ps -a lists quirky_turing, Exited (0).) docker run --rm would have removed it on exit. Close the loop: a student on another machine runs docker run --rm student/docker-whale and compares the digest docker pull prints with the one from the push.',
			view: 'built',
			narration:
				'Try it here first: docker run docker-whale starts a container that prints a talking cow with a fortune and exits. Without --rm the stopped container stays; Docker named it quirky_turing. The image is also on Docker Hub, so any machine can run docker run student/docker-whale, pulling Debian\'s layer and yours as you saw in "docker pull and docker run". For a private registry in Azure, see the next walkthrough.',
			highlight: ['hub', 'img-whale'],
			terminal: {
				command: 'docker run docker-whale',
				output: ' ______________________________________\n< You will be successful in your work. >\n --------------------------------------\n        \\   ^__^\n         \\  (oo)\\_______\n            (__)\\       )\\/\\\n                ||----w |\n                ||     ||',
				api: 'POST /containers/create, POST /containers/{id}/attach, POST /containers/{id}/wait, POST /containers/{id}/start'
			},
			tables: [images([WHALE, STUDENT_WHALE, NGINX]), containers([whaleRun('Less than a second ago', 'Exited (0) Less than a second ago'), web('50 minutes ago', 'Up 50 minutes')])]
		}
	]
};
