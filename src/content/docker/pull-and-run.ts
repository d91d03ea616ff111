import type { Walkthrough } from '$lib/model/types';
import { recordDockerWalkthrough, type DockerScenario } from '$lib/sim/docker/scenario';
import { dockerScene } from './scene';
import { containers, IDS, images, NGINX, web } from './tables';

// D1 in flows.md: docker pull nginx, then docker run -d --name web -p 8080:80 nginx, on a fresh Docker
// Engine 29 (containerd image store). Where this differs from flows.md it follows the code:
// - containerd's resolver (moby vendors core/remotes/docker) sends no GET /v2/ ping: its first request is
//   HEAD …/manifests/latest, which draws the 401 challenge; it then fetches the index by digest.
// - moby daemon/start.go: the network (libnetwork) is wired after runc create and before the task starts,
//   and POST /containers/{id}/start answers 204 only once the task runs.
// nginx:latest for linux/amd64 has 7 layers: FROM debian:trixie-slim (1), RUN (1), 5 × COPY
// (nginx/docker-nginx mainline/debian/Dockerfile).
const empty = [images([]), containers([])];
const RUN = 'docker run -d --name web -p 8080:80 nginx';
/** Terminal output recorded from the run (`output: true` in the scenario below). */
const FROM_RUN = '';
const created = web('Less than a second ago', 'Created');
const upNow = web('6 seconds ago', 'Up 5 seconds');

const written: Walkthrough = {
	id: 'docker/pull-and-run',
	scene: 'docker',
	order: 1,
	title: 'docker pull and docker run',
	summary: 'From two commands to a running container: the socket, the registry, layers, the runtime and the network.',
	steps: [
		{
			id: 'architecture',
			title: 'Client, daemon, registry',
			view: 'empty',
			narration:
				'Docker is client and server. The docker command you type is only a client: it sends REST requests to the Docker daemon, dockerd, which does the work. The daemon pulls images from registries such as Docker Hub, and hands running containers to containerd and runc. The client can run on the same machine or another one, and can talk to several daemons.',
			notes: "The deck's architecture slide. Ask: if the client is on a laptop and the daemon on a server, where does the container run, and whose disk holds the image? (The server's.) Demo: docker context ls, or docker version, which prints a Client and a Server section.",
			highlight: ['cli', 'dockerd', 'hub'],
			tables: empty
		},
		{
			id: 'pull',
			title: 'docker pull nginx',
			notes: "Ask what docker.io/library/nginx:latest means, part by part. Misconception to expect: latest means the newest version. It is only the tag used when you name none; whoever publishes the image decides what it points to.",
			view: 'empty',
			narration:
				"docker pull nginx becomes one API call over the daemon's Unix socket. No registry is named, so the daemon assumes Docker Hub, the library namespace and the tag latest: docker.io/library/nginx:latest. Progress streams back to the client as JSON lines.",
			terminal: { command: 'docker pull nginx', output: FROM_RUN, api: 'POST /images/create?fromImage=nginx&tag=latest' },
			highlight: ['cli', 'dockerd'],
		},
		{
			id: 'token',
			checkpoint: {
				question: 'The daemon asks Docker Hub about nginx:latest without a token. What comes back?',
				kind: 'choice',
				options: [
					{ value: 'The manifest: nginx is public', misconception: 'Public images need no authentication at all. Docker Hub still asks for a token; for a public image it is issued anonymously.' },
					{ value: '401 with a Bearer challenge' },
					{ value: '403 Forbidden: run docker login first', misconception: 'You must log in to pull. An anonymous token is enough for a public image.' }
				],
				answer: '401 with a Bearer challenge',
				feedback: 'The registry answers 401 and names where to get a token and for what scope; the daemon fetches an anonymous pull token from auth.docker.io and asks again.'
			},
			title: 'The registry asks for a token',
			notes:
				"Misconception: the rate limit is counted per token. Anonymous pulls are counted per IPv4 address (or per IPv6 /64), so a classroom behind one NAT address shares one allowance. Docker Hub's pull-limit page currently gives anonymous users 100 pulls per 6 hours and signed-in Personal accounts 200; it has changed several times, so check it before class. Only manifest GETs count, not the HEAD. Before class: have students docker login, or pre-pull the images. A pull over the limit fails with 429 Too Many Requests.",
			view: 'empty',
			narration:
				'The daemon first asks the registry about nginx:latest with a HEAD request. Docker Hub answers 401 with a Bearer challenge: fetch a token from auth.docker.io for the scope repository:library/nginx:pull. The daemon gets one, anonymously for a public image, and sends it with every request that follows.',
			highlight: ['dockerd', 'hub'],
		},
		{
			id: 'manifest',
			title: 'Tag, index, manifest',
			notes:
				"A tag is a movable name; a digest names exact bytes. Demo: docker buildx imagetools inspect nginx lists the platforms. Ask: what would a Raspberry Pi fetch? (The linux/arm64 manifest, with different layers.) On a host upgraded from an older Engine that still uses overlay2, the daemon starts with GET /v2/ and GETs the manifest by tag; the token exchange is the same.",
			view: 'empty',
			narration:
				'With the token, the HEAD is answered 200 with the digest of what latest points to today: an image index. The daemon fetches the index by that digest; it lists one manifest per platform. It picks its own platform, linux/amd64, and fetches that manifest: the digests of one config blob and seven layer blobs.',
			highlight: ['dockerd', 'hub'],
		},
		{
			id: 'layers',
			title: 'Config and layers, by digest',
			notes:
				"Ask: two images built on the same Debian base: how often is the base layer downloaded? (Once: same digest, same bytes, stored once.) The three-at-a-time limit is the daemon's max-concurrent-downloads setting. Demo: a docker pull with its output visible prints one line per layer; count the seven.",
			view: 'empty',
			narration:
				'Now the downloads. The daemon asks for each blob by its digest: first the config (what to run, which port, the environment), then the seven layers, three at a time by default. Docker Hub redirects blob requests to its content delivery network. As each blob arrives the daemon computes its sha256 and compares it with the digest it asked for, so a damaged or tampered layer is rejected.',
			highlight: ['dockerd', 'hub'],
		},
		{
			id: 'unpack',
			title: 'Unpacked and tagged locally',
			notes: 'Run docker images and docker history nginx. On Docker 29 a plain docker images prints a tree (IMAGE, ID, DISK USAGE, CONTENT SIZE, EXTRA); docker images --format table prints the classic columns of the table here, where SIZE is the compressed content plus the unpacked layers. history lists the Dockerfile steps; seven have a size (the layers), the rest show 0B because they only set metadata such as CMD, EXPOSE or STOPSIGNAL.',
			view: 'pulled',
			narration:
				'The daemon keeps the compressed layers in its image store and unpacks each one, in order, into a read-only snapshot (the containerd image store on a fresh Docker Engine 29; overlay2 before). It names the result nginx:latest and the pull ends. An image is a read-only template: a stack of layers plus a config saying what to run.',
			terminal: { command: 'docker pull nginx', output: FROM_RUN, api: 'POST /images/create?fromImage=nginx&tag=latest → 200 (stream finished)' },
			highlight: ['img-nginx'],
			tables: [images([NGINX]), containers([])]
		},
		{
			id: 'create',
			title: 'docker run: first, create',
			view: 'pulled',
			narration:
				"docker run -d --name web -p 8080:80 nginx is several API calls. First the client asks the daemon to create a container named web from nginx, with host port 8080 published to port 80 inside. The daemon stores the configuration, prepares an empty writable layer on top of the image's layers, and answers 201 with the new ID, which the client prints. Nothing runs yet.",
			notes: 'Offer the branch: what if you skip docker pull? Point out that docker create is this step alone: afterwards docker ps -a lists web as Created, and docker ps does not list it at all.',
			terminal: { command: RUN, output: FROM_RUN, api: 'POST /containers/create?name=web → 201 Created' },
			highlight: ['cli', 'dockerd'],
			choices: [
				{ label: 'Continue: start it', to: 'start' },
				{ label: 'What if you skip docker pull?', to: 'no-image' }
			],
			tables: [images([NGINX]), containers([created])]
		},
		{
			id: 'start',
			title: 'Wait, then start',
			notes: "Ask: why open the wait before the start? (A container that exits within milliseconds could otherwise end before anyone listens.) Without -d the client also attaches to web's output and, when the wait returns, exits with the container's exit code.",
			view: 'pulled',
			narration:
				'The client first opens a long-poll wait request (condition next-exit), so it cannot miss the exit of a container that stops at once. Then it asks the daemon to start web. The daemon answers the start request only when the container is running; the next three steps show what it does meanwhile.',
			terminal: { command: RUN, output: FROM_RUN, api: `POST /containers/${IDS.web}…/wait?condition=next-exit, POST /containers/${IDS.web}…/start` },
			highlight: ['cli', 'dockerd'],
		},
		{
			id: 'runtime',
			title: 'containerd, the shim and runc create it',
			notes: "Name the layers: dockerd (the Docker API, networks, volumes), containerd (images and container lifecycle), the shim (one per container, web's parent), runc (talks to the kernel, then exits). Demo on the host: ps -ef --forest shows containerd-shim-runc-v2 as nginx's parent and no runc process.",
			view: 'running',
			narration:
				"The daemon hands web to containerd over gRPC. containerd starts a shim for web (a small process that stays as web's parent), and the shim runs runc create. runc asks the kernel for namespaces (web's own view of processes, hostname, mounts and a still empty network), puts web in a cgroup for resource limits, and switches into its root filesystem: the image layers with web's writable layer on top, mounted as one. The first process now exists but waits.",
			highlight: ['dockerd', 'containerd', 'runc', 'ctr-web'],
			roles: {
				containerd: 'Records the container and its task. The shim it starts stays as the parent of the container process, so containerd and dockerd can restart without stopping web.',
				runc: 'Creates the namespaces and the cgroup and makes the layered root filesystem the container\'s /. The network namespace it makes holds only a loopback interface: wiring it up is the daemon\'s job.'
			},
		},
		{
			id: 'network',
			checkpoint: {
				question: 'Who plugs web into the docker0 bridge and publishes port 8080?',
				kind: 'component',
				options: [
					{ value: 'dockerd' },
					{ value: 'runc', misconception: 'runc does the networking. runc makes the empty network namespace; the daemon wires it up.' },
					{ value: 'containerd', misconception: 'containerd wires Docker\'s networks. In Docker the daemon\'s own networking code, libnetwork, does it.' }
				],
				answer: 'dockerd',
				feedback: 'Networking is the daemon\'s job: libnetwork creates the veth pair, gives web 172.17.0.2 on docker0 and writes the NAT rule for 8080 → 80.'
			},
			title: 'The daemon wires up the network',
			notes: "Misconception to expect: runc sets up the network. runc only makes an empty network namespace; dockerd's networking (libnetwork) adds the veth, the address and the NAT rule, much as CNI plugins do for Kubernetes. Demo on the host: ip link show master docker0; docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' web; sudo iptables -t nat -L DOCKER -n.",
			view: 'wired',
			narration:
				"Networking is the daemon's job, not runc's. The daemon's networking code (libnetwork) creates a veth pair, a virtual cable: one end is plugged into the docker0 bridge, the other moves into web's network namespace as eth0, with the address 172.17.0.2. Then it publishes the port: a NAT rule in the host's kernel sends traffic for host port 8080 to 172.17.0.2:80.",
			highlight: ['dockerd', 'bridge', 'ctr-web'],
			roles: {
				dockerd: 'Its built-in networking (libnetwork) creates the veth pair, assigns the address and writes the NAT rule. runc made the namespace but never touches the bridge or the rules.',
				bridge: "Holds the host end of web's veth pair; traffic for 172.17.0.2 crosses it."
			},
		},
		{
			id: 'nginx-starts',
			title: 'nginx starts; start answers 204',
			notes: "Ask: nginx is PID 1 inside web; what is its PID on the host? (An ordinary one: docker top web shows it.) Keep in mind for docker stop: PID 1 gets no default signal handling, so a program that ignores the stop signal is killed after 10 s.",
			view: 'wired',
			narration:
				'Everything is ready, so the daemon asks containerd to start the task. runc start releases the waiting process: /docker-entrypoint.sh prepares the configuration, then replaces itself with nginx, which becomes PID 1 in web. runc exits; the shim stays. Only now does the daemon answer the start request: 204 No Content. With -d the client, which printed the ID after create, returns.',
			terminal: { command: RUN, output: FROM_RUN, api: `POST /containers/${IDS.web}…/start → 204 No Content` },
			highlight: ['containerd', 'runc', 'ctr-web', 'cli'],
			badges: { 'ctr-web': 'Up' },
			tables: [images([NGINX]), containers([web('1 second ago', 'Up Less than a second')])]
		},
		{
			id: 'summary',
			title: 'An image, a container, a port',
			notes: 'Open http://localhost:8080 if you have Docker at hand; the welcome page comes from inside the container. Ask: why does PORTS list 8080 twice? (Once for IPv4, once for IPv6 on the host, both to port 80 in web.)',
			view: 'wired',
			narration:
				'Now http://localhost:8080 reaches nginx inside the container: the NAT rule forwards host port 8080 over docker0 to port 80 in web. The image stays read-only and can start any number of containers; each container is a runnable instance with its own writable layer. Anything written there vanishes when the container is removed, unless it goes to a volume.',
			highlight: ['img-nginx', 'ctr-web', 'bridge'],
			terminal: { command: 'docker ps', output: FROM_RUN, api: 'GET /containers/json' },
			tables: [images([NGINX]), containers([upNow])],
			end: true
		},
		{
			id: 'no-image',
			title: 'Branch: the image is not there yet',
			notes: 'This is why tutorials often skip docker pull: run does it for you. Ask: which command would you use in a script that must fail rather than download? (docker run --pull=never.)',
			view: 'pulled',
			narration:
				"Had you never pulled nginx, the create call would fail with 404 No such image. The client notices, prints \"Unable to find image 'nginx:latest' locally\", runs the same pull you saw earlier, and then retries the create, which now succeeds. So docker run pulls for you; docker pull just does it ahead of time.",
			terminal: {
				command: RUN,
				output: FROM_RUN,
				api: 'POST /containers/create → 404, POST /images/create?fromImage=nginx&tag=latest, POST /containers/create → 201'
			},
			highlight: ['cli', 'dockerd', 'hub', 'img-nginx'],
			tables: [images([NGINX]), containers([created])],
			next: 'start'
		}
	]
};

// Messages and the terminal's output come from the simulator (src/lib/sim/docker), recorded at build
// time: a fresh Engine 29 host with Docker Hub; `docker pull nginx`, then the run, then `docker ps` once
// 6 seconds have passed (so the terminal agrees with the table's "Up 5 seconds"). The tables stay in
// tables.ts (shared with the later walkthroughs); IDS.web and IDS.nginx there are this run's IDs
// (run-facts.test.ts checks they agree).
const RUN_STEP = { from: 'cli', summary: /\/wait\?/ };
export const d1Scenario: DockerScenario = {
	title: 'D1: docker pull nginx, then docker run -d --name web -p 8080:80 nginx',
	engine: { seed: 'd1' },
	steps: [
		{ step: 'pull', type: ['docker pull nginx'], until: { from: 'cli', to: 'dockerd' }, show: [{ from: 'cli' }], output: true },
		{ step: 'token', until: { from: 'hub', summary: /^200: bearer token/ }, show: [{ to: 'hub' }, { from: 'hub' }] },
		{ step: 'manifest', until: { from: 'hub', summary: /^200: image manifest/ }, show: [{ from: 'dockerd', to: 'hub' }, { from: 'hub', to: 'dockerd' }] },
		{ step: 'layers', until: { from: 'hub', summary: /^200: layer blob/, count: 7 }, show: [{ to: 'hub' }, { from: 'hub' }] },
		{ step: 'unpack', show: [{ to: 'img-nginx' }, { to: 'cli', summary: /Pull complete|^200 / }], output: true },
		{ step: 'create', type: [RUN], until: RUN_STEP, show: [{ from: 'cli', summary: /^POST \/containers\/create/ }, { to: 'img-nginx' }, { to: 'cli' }], output: true },
		{ step: 'start', until: { from: 'dockerd', to: 'containerd' }, show: [{ from: 'cli' }], output: true },
		{ step: 'runtime', until: { to: 'ctr-web', summary: /^first process/ }, show: [{ from: 'dockerd', to: 'containerd' }, { from: 'containerd', to: 'runc' }, { from: 'runc' }] },
		{ step: 'network', until: { to: 'ctr-web', summary: /^eth0/ }, show: [{ to: 'bridge' }, { from: 'bridge' }] },
		{ step: 'nginx-starts', show: [{ from: 'dockerd', to: 'containerd' }, { from: 'containerd', to: 'runc' }, { from: 'runc' }, { to: 'cli' }], output: true },
		{ step: 'summary', wait: 5_990, type: ['docker ps'], show: [{ from: 'cli' }, { to: 'cli' }], output: true },
		{
			step: 'no-image',
			fresh: true,
			type: [RUN],
			until: RUN_STEP,
			show: [
				{ from: 'cli', summary: /create/ },
				{ from: 'dockerd', to: 'cli', kind: 'response' },
				{ to: 'hub', summary: /^HEAD/, first: 1 },
				{ from: 'hub', first: 1 },
				{ to: 'hub', summary: /\(a layer\)$/, first: 1 },
				{ from: 'hub', summary: /^200: layer blob/, last: 1 },
				{ to: 'img-nginx', summary: /^unpack/ }
			],
			output: true
		}
	]
};

export const d1Recording = recordDockerWalkthrough(d1Scenario, written, dockerScene);
export const pullAndRun: Walkthrough = d1Recording.walkthrough;

/** The full ID of web, as docker run -d printed it (docker ps shows the first 12 characters, IDS.web). */
export const WEB_ID = d1Recording.steps.find((s) => s.step === 'create')?.output ?? '';
