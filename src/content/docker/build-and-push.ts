import type { SourceFile, Walkthrough } from '$lib/model/types';
import { BASE, containers, images, WHALE } from './tables';

// D2 in flows.md, the deck's Scenario 2. The deck builds FROM docker/whalesay, which no longer pulls
// (schema-1 manifest: pulls disabled in Engine 26, removed in 27); the same lesson with a maintained base.
const deckFile: SourceFile = {
	name: 'Dockerfile (from the slides)',
	lines: ['FROM docker/whalesay:latest', 'RUN apt-get -y update && apt-get install -y fortunes', 'CMD /usr/games/fortune -a | cowsay']
};
const lines = [
	'FROM debian:bookworm-slim',
	'RUN apt-get update && apt-get install -y --no-install-recommends cowsay fortune-mod && rm -rf /var/lib/apt/lists/*',
	'ENV PATH="/usr/games:${PATH}"',
	'CMD fortune | cowsay'
];
const file = (focus: number[]): SourceFile => ({ name: 'Dockerfile', lines, focus });

export const buildAndPush: Walkthrough = {
	id: 'docker/build-and-push',
	scene: 'docker',
	title: 'Build and push an image',
	summary: 'A Dockerfile becomes layers, a tag, a login and an upload that skips what the registry already has.',
	steps: [
		{
			id: 'deck-dockerfile',
			title: "The slides' Dockerfile no longer builds",
			view: 'empty',
			narration:
				'The course builds on docker/whalesay. That image was pushed in the old "schema 1" manifest format, which Docker Engine stopped pulling in version 26 and removed in 27. Building it today fails at the very first line, so we teach the same idea with a maintained base image.',
			notes: 'Worth showing students: images rot. Pin maintained bases and rebuild regularly.',
			file: deckFile,
			terminal: {
				command: 'docker pull docker/whalesay',
				output: '[DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed. Suggest the author of docker.io/docker/whalesay:latest to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2.',
				api: 'POST /images/create?fromImage=docker/whalesay&tag=latest → error'
			},
			highlight: ['hub'],
			tables: [images([]), containers([])]
		},
		{
			id: 'dockerfile',
			title: 'The same idea, maintained',
			notes: 'Read the four lines aloud and ask which of them will add files to the image (only FROM and RUN).',
			view: 'empty',
			narration:
				'Our Dockerfile starts FROM a small, maintained Debian image, installs cowsay and fortune in one RUN (cleaning the package lists in the same step so they never land in a layer), puts /usr/games on the PATH, and says what to run by default. Four instructions; only FROM and RUN bring files.',
			file: file([])
		},
		{
			id: 'build',
			title: 'docker build: a session with BuildKit',
			notes: 'Point out that the client sends only what BuildKit asks for; a .dockerignore still keeps secrets and node_modules out.',
			view: 'build',
			narration:
				'docker build -t docker-whale . talks to BuildKit, the default builder since Engine 23. The client opens a session and a gRPC stream to the daemon; BuildKit then asks the client for just the build-context files it needs, rather than the old behaviour of uploading the whole folder.',
			terminal: { command: 'docker build -t docker-whale .', output: '[+] Building 0.1s (2/6)\n => [internal] load build definition from Dockerfile', api: 'POST /session, POST /grpc (BuildKit)' },
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
			title: 'FROM: fetch the base image',
			notes: 'Same registry exchange as docker pull. Ask: where does debian:bookworm-slim come from if no registry is named?',
			view: 'build',
			narration:
				'FROM debian:bookworm-slim: BuildKit resolves the tag to a digest on Docker Hub and pulls the base image\'s layers, exactly like docker pull. These layers become the bottom of our image, unchanged.',
			file: file([1]),
			highlight: ['buildkit', 'hub', 'img-base'],
			messages: [
				{ from: 'buildkit', to: 'hub', via: 'buildkit-hub', kind: 'request', summary: 'GET /v2/library/debian/manifests/bookworm-slim' },
				{ from: 'hub', to: 'buildkit', via: 'buildkit-hub', kind: 'data', summary: 'manifest + 1 layer blob' },
				{ from: 'buildkit', to: 'img-base', via: 'buildkit-img-base', kind: 'data', summary: 'store debian:bookworm-slim' }
			],
			tables: [images([BASE]), containers([])]
		},
		{
			id: 'run',
			title: 'RUN: one temporary container, one new layer',
			notes: 'Ask why apt-get update, install and cleanup share one RUN line: a separate rm in a later layer would not shrink the image.',
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
			title: 'ENV and CMD: metadata only',
			notes: 'Check understanding: CMD runs when a container starts, not during the build.',
			view: 'built',
			narration:
				'ENV and CMD change only the image\'s configuration (environment and default command), not its files, so they add no layer. BuildKit writes the config and manifest, stores the image and names it docker-whale:latest. Our image is the base\'s layer plus one of our own.',
			file: file([3, 4]),
			highlight: ['img-whale'],
			messages: [{ from: 'buildkit', to: 'img-whale', via: 'buildkit-img-whale', kind: 'data', summary: 'write config (ENV, CMD) and manifest; tag docker-whale:latest' }],
			terminal: { command: 'docker build -t docker-whale .', output: ' => exporting to image\n => => naming to docker.io/library/docker-whale:latest', api: 'POST /grpc (done)' },
			tables: [images([WHALE, BASE]), containers([])]
		},
		{
			id: 'tag',
			title: 'docker tag: a second name, nothing copied',
			notes: 'Run docker images after tagging: both names show the same IMAGE ID.',
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
			tables: [images([WHALE, ['student/docker-whale', 'latest', WHALE[2], WHALE[3]], BASE]), containers([])]
		},
		{
			id: 'login',
			title: 'docker login',
			notes: 'Mention credential helpers: a plain config.json stores a reversible base64 of the password.',
			view: 'built',
			narration:
				'docker login sends your credentials to the daemon, which checks them with the registry. On success the client, not the daemon, stores them: in ~/.docker/config.json or, better, in a credential helper such as the OS keychain.',
			terminal: { command: 'docker login', output: 'Username: student\nPassword:\nLogin Succeeded', api: 'POST /auth' },
			highlight: ['cli', 'dockerd', 'hub'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /auth {username, password}' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'GET /v2/ with credentials (token exchange)' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '200 OK' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200 Login Succeeded' }
			]
		},
		{
			id: 'push',
			title: 'docker push',
			notes: 'Ask why the base layer is already on Docker Hub: it belongs to the official debian image, so it can be mounted, not uploaded.',
			view: 'built',
			narration:
				'docker push sends the push request to the daemon with the stored credentials in an X-Registry-Auth header. The daemon gets a push-scoped token from Docker Hub, then for each layer asks "do you have this digest?" with a HEAD request.',
			terminal: { command: 'docker push student/docker-whale:latest', output: 'The push refers to repository [docker.io/student/docker-whale]', api: 'POST /images/student/docker-whale/push?tag=latest (X-Registry-Auth)' },
			highlight: ['cli', 'dockerd', 'hub'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/student/docker-whale/push?tag=latest' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'token for repository:student/docker-whale:push,pull' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'HEAD /v2/student/docker-whale/blobs/sha256:… (base layer)' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '200: already there (mounted from library/debian), skipped' }
			]
		},
		{
			id: 'upload',
			title: 'Only the new layer travels',
			notes: 'Push the same image twice live if you can: the second push uploads nothing.',
			view: 'built',
			narration:
				'Only our own layer is missing, so only it is uploaded: start an upload, send the bytes, finish with the digest. Last comes the manifest, which ties config and layers together under the tag latest. A second push of the same image would upload nothing at all.',
			terminal: { command: 'docker push student/docker-whale:latest', output: 'The push refers to repository [docker.io/student/docker-whale]\n3c1e9ae0b0f2: Pushed\n8b296f486960: Mounted from library/debian\nlatest: digest: sha256:… size: 741', api: 'POST /images/student/docker-whale/push?tag=latest' },
			highlight: ['dockerd', 'hub'],
			messages: [
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'POST /v2/student/docker-whale/blobs/uploads/' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'data', summary: 'PATCH layer bytes; PUT ?digest=sha256:3c1e…' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'PUT /v2/student/docker-whale/manifests/latest' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '201 Created' }
			]
		},
		{
			id: 'anyone',
			title: 'Anyone can now pull it',
			notes: 'Close the loop: build once, run anywhere with the same image.',
			view: 'built',
			narration:
				'The image is on Docker Hub. Any machine can now run docker run student/docker-whale and get a talking cow with a fortune, pulling the base layer and your layer as you saw in "docker pull and docker run". For a private registry in Azure, see the next walkthrough.',
			highlight: ['hub', 'img-whale'],
			terminal: { command: 'docker run --rm student/docker-whale', output: ' _________________________________\n< You will be successful in your work. >\n ---------------------------------\n        \\   ^__^\n         \\  (oo)\\_______\n            (__)\\       )\\/\\\n                ||----w |\n                ||     ||', api: 'POST /containers/create, POST /containers/{id}/start' }
		}
	]
};
