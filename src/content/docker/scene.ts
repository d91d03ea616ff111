import type { Scene } from '$lib/model/types';

// Docker's client–server architecture (the deck's "Docker Architecture" slide): a client that talks
// REST to a daemon over its socket, the daemon's local images and containers, the runtime beneath it,
// and the registries it pulls from and pushes to.
const host = ['dockerd', 'buildkit', 'containerd', 'runc'];
const rows = { 'dev-machine': 0, entra: 0, 'docker-host': 1, hub: 2, acr: 2 };

function view(id: string, name: string, extra: string[]) {
	return { id, name, components: ['cli', ...host, 'hub', ...extra], partitions: rows, unlinked: ['top', 'image-store', 'container-list'] };
}

export const dockerScene: Scene = {
	id: 'docker',
	order: 3,
	title: 'Docker: client, daemon, images, containers and registries',
	summary: 'What happens between typing a docker command and a container running.',
	groups: [
		{ id: 'dev-machine', name: 'Your machine', kind: 'machine', description: 'Where you type commands. The Docker client can run on the Docker host itself or on another machine, and can talk to more than one daemon (docker context).' },
		{ id: 'docker-host', name: 'Docker host', kind: 'machine', description: 'A machine running the Docker daemon. Images, containers, networks and volumes live here.' },
		{ id: 'image-store', name: 'Images', kind: 'layer', parent: 'docker-host', description: 'Read-only templates made of stacked layers. An image is often based on another image, adding layers on top. On a fresh Docker Engine 29 they live in the containerd image store (overlay2 before).' },
		{ id: 'build-cache', name: 'Build cache', kind: 'layer', parent: 'docker-host', description: "BuildKit's cache: the base images it fetched for FROM and the layers of earlier build steps. docker images does not list what is here; docker buildx du shows it and docker builder prune clears it." },
		{ id: 'container-list', name: 'Containers', kind: 'layer', parent: 'docker-host', description: 'Runnable instances of images. Each adds a thin writable layer on top of its image; changes there vanish when the container is removed, unless they are in a volume.' }
	],
	components: [
		{ id: 'cli', name: 'Docker client', kind: 'client', parent: 'dev-machine', description: 'The docker command. It turns each command into REST calls to the Docker Engine API, by default over the Unix socket /var/run/docker.sock.' },
		{ id: 'az', name: 'Azure CLI', kind: 'client', parent: 'dev-machine', description: 'The az command. It talks to Azure (Entra ID for sign-in, the registry for tokens) and, for az acr login, runs docker login for you.' },
		{ id: 'dockerd', name: 'Docker daemon', kind: 'server', parent: 'docker-host', description: 'Docker daemon (dockerd). It listens for Docker API requests and manages images, containers, networks and volumes. It hands the running of containers to containerd.' },
		{ id: 'buildkit', name: 'BuildKit', kind: 'runtime', parent: 'docker-host', description: "Docker's builder, the default since Engine 23. It reads the Dockerfile, fetches only the build-context files it needs, runs each RUN step in a temporary container and caches layers." },
		{ id: 'containerd', name: 'containerd', kind: 'runtime', parent: 'docker-host', description: 'The container runtime dockerd uses: it manages container lifecycles (and, on Engine 29, the image store) and starts containers through a shim and runc.' },
		{ id: 'runc', name: 'runc', kind: 'runtime', parent: 'docker-host', description: 'The low-level runtime that asks the kernel for namespaces and cgroups and starts the container process.' },
		{ id: 'img-nginx', name: 'nginx:latest', kind: 'image', parent: 'image-store', description: 'The official nginx image: a Debian base plus nginx. For linux/amd64 it has seven read-only layers: one for the Debian base, one for the RUN that installs nginx, five for the COPY lines that add start-up scripts.' },
		{ id: 'img-base', name: 'debian:trixie-slim', kind: 'image', parent: 'build-cache', description: 'A small, maintained Debian 13 (trixie) base image, the FROM of the cowsay image. BuildKit fetched it into its build cache, so docker images does not list it.' },
		{ id: 'img-whale', name: 'docker-whale', kind: 'image', parent: 'image-store', description: 'The image built from the Dockerfile: debian:trixie-slim plus one layer with cowsay and fortune installed.' },
		{ id: 'ctr-web', name: 'web', kind: 'container', parent: 'container-list', description: 'A container named web, running nginx from nginx:latest, with host port 8080 mapped to its port 80.' },
		{ id: 'ctr-old', name: 'jolly_lovelace', kind: 'container', parent: 'container-list', description: 'An older container that ran docker-whale once and exited. Stopped containers stay until removed; docker ps hides them, docker ps -a shows them.' },
		{ id: 'ctr-killed', name: 'admiring_hopper', kind: 'container', parent: 'container-list', description: 'A container that was stopped by force (exit code 137). Still listed by docker ps -a.' },
		{ id: 'bridge', name: 'docker0 bridge', kind: 'network', parent: 'docker-host', description: "The default bridge network: a virtual switch in the host's kernel (docker0, 172.17.0.1). The daemon's networking code (libnetwork), not runc, plugs each container into it with a veth pair and writes the NAT rules that send a published host port to the container." },
		{ id: 'img-hello', name: 'nginx-hello:v1', kind: 'image', parent: 'image-store', description: "An image made by docker commit from the web container: nginx's seven layers plus one layer holding what changed inside web (the edited index.html, and files nginx wrote at start-up)." },
		{ id: 'hub', name: 'Docker Hub', kind: 'registry', description: 'The default public registry (registry-1.docker.io, with tokens from auth.docker.io). Image names without a registry host, like nginx, mean docker.io/library/nginx.' },
		{ id: 'acr', name: 'Azure Container Registry', kind: 'registry', description: 'A private registry in Azure, here myreg.azurecr.io. Pushing needs the AcrPush role; tokens come from exchanging an Entra ID token.' },
		{ id: 'entra', name: 'Microsoft Entra ID', kind: 'server', description: "Azure's identity service (formerly Azure Active Directory). az login signs you in here." }
	],
	connections: [
		{ id: 'cli-dockerd', from: 'cli', to: 'dockerd' },
		{ id: 'az-cli', from: 'az', to: 'cli' },
		{ id: 'az-entra', from: 'az', to: 'entra' },
		{ id: 'az-acr', from: 'az', to: 'acr' },
		{ id: 'dockerd-buildkit', from: 'dockerd', to: 'buildkit' },
		{ id: 'dockerd-containerd', from: 'dockerd', to: 'containerd' },
		{ id: 'containerd-runc', from: 'containerd', to: 'runc' },
		{ id: 'dockerd-hub', from: 'dockerd', to: 'hub' },
		{ id: 'dockerd-acr', from: 'dockerd', to: 'acr' },
		{ id: 'buildkit-hub', from: 'buildkit', to: 'hub' },
		{ id: 'dockerd-img-nginx', from: 'dockerd', to: 'img-nginx', kind: 'data' },
		{ id: 'buildkit-img-base', from: 'buildkit', to: 'img-base', kind: 'data' },
		{ id: 'buildkit-img-whale', from: 'buildkit', to: 'img-whale', kind: 'data' },
		{ id: 'dockerd-img-whale', from: 'dockerd', to: 'img-whale', kind: 'data' },
		{ id: 'runc-web', from: 'runc', to: 'ctr-web' },
		{ id: 'runc-old', from: 'runc', to: 'ctr-old' },
		{ id: 'runc-killed', from: 'runc', to: 'ctr-killed' },
		{ id: 'dockerd-bridge', from: 'dockerd', to: 'bridge' },
		{ id: 'bridge-web', from: 'bridge', to: 'ctr-web', kind: 'data' },
		{ id: 'dockerd-img-hello', from: 'dockerd', to: 'img-hello', kind: 'data' }
	],
	views: [
		view('empty', 'A fresh Docker host', []),
		view('pulled', 'nginx image pulled', ['img-nginx']),
		view('running', 'web container running', ['img-nginx', 'ctr-web']),
		view('build', 'Building an image', ['img-base']),
		view('built', 'Image built', ['img-base', 'img-whale']),
		view('ran', 'docker-whale ran once', ['img-base', 'img-whale', 'ctr-old']),
		view('acr', 'Pushing to Azure', ['az', 'entra', 'acr', 'img-base', 'img-whale']),
		view('many', 'Running and stopped containers', ['img-nginx', 'img-whale', 'ctr-web', 'ctr-old', 'ctr-killed']),
		view('wired', 'web container on the docker0 bridge', ['img-nginx', 'ctr-web', 'bridge']),
		view('committed', 'web committed to an image', ['img-nginx', 'img-whale', 'img-hello', 'ctr-web', 'ctr-old', 'ctr-killed']),
		view('removed', 'web removed', ['img-nginx', 'img-whale', 'img-hello', 'ctr-old', 'ctr-killed'])
	]
};
