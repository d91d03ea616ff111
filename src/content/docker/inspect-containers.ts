import type { Walkthrough } from '$lib/model/types';
import { STUDENT_WHALE } from './build-and-push';
import { ACR_V1, ACR_V2 } from './push-to-acr';
import { containers, images, KILLED, NGINX, OLD, psText, web, WHALE } from './tables';

// D3 in flows.md: docker ps (and -a, -q), docker exec, then docker stop / start / commit (the deck: "create,
// start, stop … or create a new image based on its current state") and what removing a container throws away.
// Checked against docker/cli (exec.go, stop.go, commit.go) and moby (daemon/stop.go: the image's STOPSIGNAL,
// 10 s, then SIGKILL; POST /commit → 201 with the new image ID). nginx's image sets STOPSIGNAL SIGQUIT.
// docker ps -a lists the newest container first: happy_lamport, jolly_lovelace, then web (the oldest).
const upTwoHours = web('2 hours ago', 'Up 2 hours');
// The images as push-to-acr left them: docker-whale under three names, v2, and nginx.
const IMAGES = [ACR_V2, WHALE, STUDENT_WHALE, ACR_V1, NGINX];
const allImages = images(IMAGES);
// docker commit prints the new image's full ID.
export const HELLO_ID = 'sha256:e1f04c7a9b32d85e6f1a0c4b7d29e3f8a5c6b1d0e7f42a9c3b8d5e6f1a0c7b2d';
const HELLO: [string, string, string, string] = ['nginx-hello', 'v1', HELLO_ID.slice(7, 19), '240MB'];
const OTHERS = { 'ctr-old': 'Exited (0)', 'ctr-killed': 'Exited (137)' };

export const inspectContainers: Walkthrough = {
	id: 'docker/inspect-containers',
	scene: 'docker',
	order: 4,
	title: 'docker ps, exec, stop, start and commit',
	summary: 'List running and stopped containers, open a shell inside one, stop and start it, save it as an image, and see what removing it throws away.',
	steps: [
		{
			id: 'ps',
			title: 'docker ps: running containers only',
			view: 'many',
			narration:
				'Two hours later, on the same host: web, from the first walkthrough, is still running; jolly_lovelace is the docker-whale container you ran once after building it, and it finished; happy_lamport, a second nginx container, was killed. docker ps asks the daemon for the container list, and by default the daemon returns only running ones, so one line comes back.',
			notes: 'Ask the class to predict the output before stepping on. Point at the columns: CREATED is when the container was made, STATUS says how long it has been up, or when and how it exited. The images table is docker images --format table: on Docker 29 a plain docker images prints a tree (IMAGE, ID, DISK USAGE, CONTENT SIZE, EXTRA) instead.',
			terminal: { command: 'docker ps', output: psText([upTwoHours]), api: 'GET /containers/json' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200: 1 container (web)' }
			],
			tables: [allImages, containers([KILLED, OLD, upTwoHours])]
		},
		{
			id: 'ps-a',
			title: 'docker ps -a: stopped ones too',
			notes: "Exit code 137 = 128 + 9 (SIGKILL). Ask what 143 would mean (128 + 15: the process died of SIGTERM without handling it). Misconception: 137 means the program crashed; it means something killed it, often docker stop running out of patience, or the kernel's out-of-memory killer.",
			view: 'many',
			narration:
				'-a adds all=1 to the same request, and stopped containers appear too, newest first, with their exit codes: 0 for a clean finish, 137 for killed (128 + signal 9). A stopped container publishes no ports, but keeps its writable layer and its logs until you remove it.',
			terminal: { command: 'docker ps -a', output: psText([KILLED, OLD, upTwoHours]), api: 'GET /containers/json?all=1' },
			highlight: ['ctr-web', 'ctr-old', 'ctr-killed'],
			badges: OTHERS,
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json?all=1' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200: 3 containers (1 running, 2 exited)' }
			]
		},
		{
			id: 'ps-aq',
			title: 'docker ps -a -q: just the IDs',
			notes: 'Show the classic clean-up one-liner; warn that docker rm -f $(docker ps -a -q) would also remove running containers. docker container prune does the same clean-up and asks first.',
			view: 'many',
			narration:
				'-q changes nothing on the wire: it is the very same API call as -a. The client simply prints only the IDs, which is handy for feeding other commands, as in docker rm $(docker ps -a -q -f status=exited).',
			terminal: { command: 'docker ps -a -q', output: [KILLED, OLD, upTwoHours].map((r) => r[0]).join('\n'), api: 'GET /containers/json?all=1 (same call; the client prints IDs only)' },
			highlight: ['cli'],
			badges: OTHERS,
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json?all=1' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200: 3 containers (client prints only the IDs)' }
			]
		},
		{
			id: 'exec',
			title: 'docker exec -it web /bin/sh',
			notes: 'Stress: exec does not start a new container, it adds a process to an existing one. Ask: what happens with docker exec on jolly_lovelace? (409 Conflict: the container is not running.)',
			view: 'many',
			narration:
				"docker exec starts an extra process inside a running container. The client looks web up, creates an exec instance with a terminal and the command /bin/sh (the daemon refuses if web is not running), then starts it: the HTTP connection is upgraded into a raw two-way stream carrying your keystrokes and the shell's output, and the client sends its window size.",
			terminal: { prompt: '$', command: 'docker exec -it web /bin/sh', output: '# ', api: 'GET /containers/web/json, POST /containers/web/exec, POST /exec/{id}/start (upgraded to a stream), POST /exec/{id}/resize' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			badges: { 'ctr-web': '+ /bin/sh', ...OTHERS },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/web/json (does web exist?)' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /containers/web/exec {Tty:true, Cmd:["/bin/sh"]}' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '201 Created {"Id": exec ID}' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /exec/{id}/start (Upgrade: tcp)' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '101 UPGRADED: the connection is now a two-way stream' },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'exec process /bin/sh in task web' },
				{ from: 'containerd', to: 'runc', via: 'containerd-runc', kind: 'request', summary: "runc exec: join web's existing namespaces and cgroup" },
				{ from: 'runc', to: 'ctr-web', via: 'runc-web', kind: 'request', summary: 'start /bin/sh beside nginx (not PID 1)' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /exec/{id}/resize?h=…&w=… (again whenever the window changes)' }
			]
		},
		{
			id: 'write',
			title: 'Inside: a change in the writable layer',
			notes: 'Ask what happens to index.html if the container is stopped and started again; let the class vote, then step on. Demo: docker diff web lists every change in the writable layer, including files nginx itself wrote at start-up.',
			view: 'many',
			narration:
				"In the shell you change a file. The change lands in the container's thin writable layer; the nginx image underneath is untouched. Then you type exit. The shell ends, the client reads its exit code, and the container keeps running, because the shell was an extra process, not the container's main one.",
			terminal: { prompt: '#', command: 'echo "hello class" > /usr/share/nginx/html/index.html; exit', output: '$ ', api: 'stream closes; GET /exec/{id}/json → ExitCode 0' },
			highlight: ['ctr-web', 'img-nginx'],
			badges: { 'ctr-web': 'index.html changed', ...OTHERS },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'data', summary: 'keystrokes over the stream; shell output back' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /exec/{id}/json' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200 {"ExitCode": 0, "Running": false}; web still Up' }
			]
		},
		{
			id: 'stop',
			title: 'docker stop web: a signal, then a deadline',
			notes: "Demo the deadline: docker run -d --name sleeper debian sleep 300, then time docker stop sleeper. It takes 10 s and ends Exited (137): sleep runs as PID 1, and PID 1 ignores signals it has no handler for, so only SIGKILL ends it. docker stop -t 30 gives a slow program longer.",
			view: 'many',
			narration:
				"docker stop asks the daemon to stop web. The daemon sends the container's stop signal to its main process: SIGTERM unless the image names another, and the nginx image names SIGQUIT, nginx's graceful shutdown. Then it waits up to 10 seconds; a process still running then gets SIGKILL and exits 137. nginx finishes its requests and exits 0. The daemon unplugs web's network and answers 204.",
			terminal: { command: 'docker stop web', output: 'web', api: 'POST /containers/web/stop → 204 No Content' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			badges: { 'ctr-web': 'Exited (0)', ...OTHERS },
			roles: { dockerd: 'Sends the stop signal, starts a 10-second timer (SIGKILL if it runs out), then removes web\'s veth and NAT rule once the process has exited.' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /containers/web/stop' },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: "kill task web with SIGQUIT (the image's STOPSIGNAL); SIGKILL after 10 s" },
				{ from: 'containerd', to: 'runc', via: 'containerd-runc', kind: 'request', summary: 'shim → runc kill: SIGQUIT to PID 1' },
				{ from: 'runc', to: 'ctr-web', via: 'runc-web', kind: 'request', summary: 'SIGQUIT: nginx finishes open requests and exits 0' },
				{ from: 'containerd', to: 'dockerd', via: 'dockerd-containerd', kind: 'event', summary: 'task exit: web, status 0' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '204 No Content' }
			],
			tables: [allImages, containers([KILLED, OLD, web('2 hours ago', 'Exited (0) 2 seconds ago')])]
		},
		{
			id: 'start',
			title: 'docker start web: the same container again',
			notes: 'Ask: is this a new container? (No: same ID, same name, same writable layer, so index.html still says hello class. Only docker run makes a new one.) Its IP address may change on start; that is why containers find each other by name on a user-defined network, not by IP.',
			view: 'many',
			narration:
				"docker start runs the stopped container again: the same ID, the same configuration and the same writable layer, so your edited index.html is still there. The daemon goes through the start you saw in the first walkthrough: containerd and runc create fresh namespaces and a cgroup, the daemon wires a new veth and the NAT rule, and nginx starts again as PID 1.",
			terminal: { command: 'docker start web', output: 'web', api: 'POST /containers/web/start → 204 No Content' },
			highlight: ['cli', 'dockerd', 'containerd', 'runc', 'ctr-web'],
			badges: { 'ctr-web': 'index.html changed', ...OTHERS },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /containers/web/start' },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'gRPC: create and start a new task for web' },
				{ from: 'containerd', to: 'runc', via: 'containerd-runc', kind: 'request', summary: 'shim → runc create, runc start (same root filesystem, same writable layer)' },
				{ from: 'runc', to: 'ctr-web', via: 'runc-web', kind: 'request', summary: 'nginx starts again as PID 1' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '204 No Content' }
			],
			tables: [allImages, containers([KILLED, OLD, web('2 hours ago', 'Up 2 seconds')])]
		},
		{
			id: 'commit',
			title: 'docker commit: a container becomes an image',
			notes: 'Ask: why do teams still write Dockerfiles if commit exists? (A committed image records no steps, cannot be rebuilt or reviewed, and carries whatever else changed: run docker diff web first.) Demo: docker history nginx-hello:v1 shows one new layer on top of nginx\'s.',
			view: 'committed',
			narration:
				"docker commit saves a container's current state as a new image. By default the daemon pauses web for a moment so no file changes mid-copy, packs the changes in web's writable layer into one new layer on top of nginx's seven, writes a config that keeps nginx's command and port, names it nginx-hello:v1, and resumes web. The client prints the new image's ID.",
			terminal: { command: 'docker commit web nginx-hello:v1', output: HELLO_ID, api: 'POST /commit?container=web&repo=nginx-hello&tag=v1 → 201 Created' },
			highlight: ['cli', 'dockerd', 'ctr-web', 'img-hello'],
			badges: { 'ctr-web': 'index.html changed', ...OTHERS },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /commit?container=web&repo=nginx-hello&tag=v1' },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'pause task web (cgroup freezer)' },
				{ from: 'dockerd', to: 'img-hello', via: 'dockerd-img-hello', kind: 'data', summary: "web's writable layer → 1 new layer on nginx's 7; config; tag nginx-hello:v1" },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'resume task web' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: `201 Created {"Id":"${HELLO_ID.slice(0, 19)}…"}` }
			],
			tables: [images([HELLO, ...IMAGES]), containers([KILLED, OLD, web('2 hours ago', 'Up 30 seconds')])]
		},
		{
			id: 'remove',
			title: 'docker rm -f web: the change is gone',
			view: 'removed',
			narration:
				'Removing the container deletes its writable layer, and with it your edited index.html. Run nginx again and you get the original page: a new container from the same unchanged image. Only nginx-hello:v1 still holds the change, because you committed it. Data that must survive belongs in a volume or a bind mount, outside the container.',
			notes: "This is the deck's point that changes not in persistent storage disappear when a container is removed. Ask: what does docker run -d -p 8081:80 nginx-hello:v1 serve? (hello class.) Note that -f skips the stop signal: the daemon kills with SIGKILL straight away.",
			terminal: { command: 'docker rm -f web', output: 'web', api: 'DELETE /containers/web?force=1' },
			highlight: ['img-nginx', 'img-hello', 'dockerd'],
			badges: OTHERS,
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'DELETE /containers/web?force=1 (kill, then remove)' },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'kill task web (SIGKILL); delete container and its writable layer' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '204 No Content' }
			],
			tables: [images([HELLO, ...IMAGES]), containers([KILLED, OLD])]
		}
	]
};

