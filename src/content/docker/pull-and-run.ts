import type { Walkthrough } from '$lib/model/types';
import { containers, IDS, images, NGINX, WEB } from './tables';

// D1 in flows.md: docker pull nginx, then docker run -d --name web -p 8080:80 nginx.
const empty = [images([]), containers([])];

export const pullAndRun: Walkthrough = {
	id: 'docker/pull-and-run',
	scene: 'docker',
	title: 'docker pull and docker run',
	summary: 'From two commands to a running container: the socket, the registry, layers, and the runtime.',
	steps: [
		{
			id: 'architecture',
			title: 'Client, daemon, registry',
			view: 'empty',
			narration:
				'Docker is client and server. The docker command you type is only a client: it sends REST requests to the Docker daemon, dockerd, which does the work. The daemon pulls images from registries such as Docker Hub, and hands running containers to containerd and runc. The client can run on the same machine or another one, and can talk to several daemons.',
			notes: 'The deck\'s architecture slide. Ask: if the client is on a laptop and the daemon on a server, where does the container run?',
			highlight: ['cli', 'dockerd', 'hub'],
			tables: empty
		},
		{
			id: 'pull',
			title: 'docker pull nginx',
			notes: 'Ask what docker.io/library/nginx:latest means, part by part.',
			view: 'empty',
			narration:
				'docker pull nginx becomes one API call over the daemon\'s Unix socket. No registry is named, so the daemon assumes Docker Hub, the library namespace and the tag latest: docker.io/library/nginx:latest. Progress streams back to the client as JSON lines.',
			terminal: { command: 'docker pull nginx', output: 'Using default tag: latest\nlatest: Pulling from library/nginx', api: 'POST /images/create?fromImage=nginx&tag=latest' },
			highlight: ['cli', 'dockerd'],
			messages: [{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/create?fromImage=nginx&tag=latest' }]
		},
		{
			id: 'token',
			title: 'The registry asks for a token',
			notes: 'Even anonymous pulls get a token; rate limits are counted against it.',
			view: 'empty',
			narration:
				'The daemon first knocks: GET /v2/ on registry-1.docker.io answers 401 with a Bearer challenge. The daemon fetches a token from auth.docker.io for the scope repository:library/nginx:pull (anonymously, for a public image) and retries with it.',
			highlight: ['dockerd', 'hub'],
			messages: [
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'GET /v2/' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '401 Unauthorized, WWW-Authenticate: Bearer realm="https://auth.docker.io/token"' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'GET auth.docker.io/token?scope=repository:library/nginx:pull' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: '200: bearer token (short-lived)' }
			]
		},
		{
			id: 'manifest',
			title: 'Manifest, config, layers',
			notes: 'Digests make pulls verifiable: the same digest is the same bytes, everywhere.',
			view: 'empty',
			narration:
				'With the token, the daemon asks for the manifest of nginx:latest. It gets an index listing one manifest per platform, picks linux/amd64 by its digest, then downloads the image config and the layer blobs, several at once. Every blob is checked against its sha256 digest.',
			highlight: ['dockerd', 'hub'],
			messages: [
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'GET /v2/library/nginx/manifests/latest' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'response', summary: 'image index: one manifest per platform' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'GET /v2/library/nginx/manifests/sha256:… (linux/amd64)' },
				{ from: 'hub', to: 'dockerd', via: 'dockerd-hub', kind: 'data', summary: 'config blob + 7 layer blobs (in parallel, digests verified)' }
			]
		},
		{
			id: 'unpack',
			title: 'Unpacked and tagged locally',
			notes: 'Run docker image ls and docker history nginx to show the layers.',
			view: 'pulled',
			narration:
				'The daemon unpacks the layers into its image store (the containerd image store on a fresh Docker Engine 29; overlay2 before) and tags the result nginx:latest. An image is a read-only template: a stack of layers plus configuration saying what to run.',
			terminal: { command: 'docker pull nginx', output: 'Using default tag: latest\nlatest: Pulling from library/nginx\nDigest: sha256:…\nStatus: Downloaded newer image for nginx:latest\ndocker.io/library/nginx:latest', api: 'POST /images/create?fromImage=nginx&tag=latest → 200 (stream finished)' },
			highlight: ['img-nginx'],
			messages: [{ from: 'dockerd', to: 'img-nginx', via: 'dockerd-img-nginx', kind: 'data', summary: 'unpack 7 layers, tag nginx:latest' }],
			tables: [images([NGINX]), containers([])]
		},
		{
			id: 'create',
			title: 'docker run: first, create',
			view: 'pulled',
			narration:
				'docker run -d --name web -p 8080:80 nginx is several API calls. First the client asks the daemon to create a container named web from nginx, with port 8080 on the host published to port 80 inside. The daemon answers 201 with the new container\'s ID. Nothing runs yet.',
			notes: 'Offer the branch: what if you skip docker pull?',
			terminal: { command: 'docker run -d --name web -p 8080:80 nginx', api: 'POST /containers/create?name=web' },
			highlight: ['cli', 'dockerd'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /containers/create?name=web (Image nginx, PortBindings 80/tcp → 8080)' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: `201 Created {"Id":"${IDS.web}…"}` }
			],
			choices: [
				{ label: 'Continue: start it', to: 'start' },
				{ label: 'What if you skip docker pull?', to: 'no-image' }
			],
			tables: [images([NGINX]), containers([[IDS.web, 'nginx', 'Created', '', 'web']])]
		},
		{
			id: 'start',
			title: 'Wait, then start',
			notes: 'Without -d the client would attach to the container\'s output instead of returning.',
			view: 'pulled',
			narration:
				'The client first opens a long-poll "wait" request, so it would hear if the container exits at once, then asks the daemon to start the container. 204 No Content means it started. With -d the client does not attach to the output; it prints the ID and returns.',
			terminal: { command: 'docker run -d --name web -p 8080:80 nginx', output: `${IDS.web}0a81f6c2d9e4b7a5c3f1e8d6b2a4c7e9f1d3b5a7c9e2f4`, api: `POST /containers/${IDS.web}/wait?condition=next-exit, POST /containers/${IDS.web}/start` },
			highlight: ['cli', 'dockerd'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: `POST /containers/${IDS.web}/wait?condition=next-exit (long-poll)` },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: `POST /containers/${IDS.web}/start` },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '204 No Content' }
			]
		},
		{
			id: 'runtime',
			title: 'containerd, the shim and runc',
			notes: 'Name the layers: dockerd (API), containerd (lifecycle), runc (kernel features). Kubernetes uses containerd directly.',
			view: 'running',
			narration:
				'The daemon passes the container to containerd over gRPC; containerd starts a shim, and runc asks the kernel for namespaces (its own view of processes, network and files) and cgroups (resource limits), adds a thin writable layer on top of the image, and starts nginx. A veth pair joins it to the docker0 bridge, and a NAT rule sends host port 8080 to its port 80.',
			highlight: ['dockerd', 'containerd', 'runc', 'ctr-web'],
			messages: [
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'gRPC: create task for web, start' },
				{ from: 'containerd', to: 'runc', via: 'containerd-runc', kind: 'request', summary: 'shim → runc create/start (namespaces, cgroups, writable layer)' },
				{ from: 'runc', to: 'ctr-web', via: 'runc-web', kind: 'request', summary: 'exec nginx as PID 1; veth on docker0; NAT 8080 → 80' }
			],
			tables: [images([NGINX]), containers([WEB])]
		},
		{
			id: 'summary',
			title: 'An image, a container, a port',
			notes: 'Open http://localhost:8080 if you have Docker at hand; the welcome page comes from inside the container.',
			view: 'running',
			narration:
				'Now http://localhost:8080 reaches nginx inside the container. The image stays read-only and can start any number of containers; each container is a runnable instance with its own writable layer. Anything written there vanishes when the container is removed, unless it goes to a volume.',
			highlight: ['img-nginx', 'ctr-web'],
			terminal: { command: 'docker ps', output: `CONTAINER ID   IMAGE   COMMAND                  STATUS         PORTS                  NAMES\n${IDS.web}   nginx   "/docker-entrypoint.…"   Up 5 seconds   0.0.0.0:8080->80/tcp   web`, api: 'GET /containers/json' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200: [web, Up 5 seconds, 0.0.0.0:8080->80/tcp]' }
			],
			end: true
		},
		{
			id: 'no-image',
			title: 'Branch: the image is not there yet',
			notes: 'This is why tutorials often skip docker pull: run does it for you.',
			view: 'empty',
			narration:
				'Had you never pulled nginx, the create call would fail with 404 No such image. The client notices, prints "Unable to find image \'nginx:latest\' locally", runs the same pull you saw earlier, and then retries the create, which now succeeds. So docker run pulls for you; docker pull just does it ahead of time.',
			terminal: {
				command: 'docker run -d --name web -p 8080:80 nginx',
				output: "Unable to find image 'nginx:latest' locally\nlatest: Pulling from library/nginx\n…\nStatus: Downloaded newer image for nginx:latest",
				api: 'POST /containers/create → 404, POST /images/create?fromImage=nginx&tag=latest, POST /containers/create → 201'
			},
			highlight: ['cli', 'dockerd', 'hub'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /containers/create?name=web' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '404 No such image: nginx:latest' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /images/create?fromImage=nginx&tag=latest' },
				{ from: 'dockerd', to: 'hub', via: 'dockerd-hub', kind: 'request', summary: 'token, manifest and layers, as before' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /containers/create?name=web (retry)' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: `201 Created {"Id":"${IDS.web}…"}` }
			],
			tables: [images([NGINX]), containers([[IDS.web, 'nginx', 'Created', '', 'web']])],
			next: 'start'
		}
	]
};
