import type { Walkthrough } from '$lib/model/types';
import { recordDockerWalkthrough, type DockerScenario } from '$lib/sim/docker/scenario';
import { hostOptions, STUDENT_WHALE } from './build-and-push';
import { ACR_V1, ACR_V2, d3Scenario } from './push-to-acr';
import { dockerScene } from './scene';
import { containers, IDS, images, KILLED, NGINX, OLD, web, WHALE } from './tables';

// D3 in flows.md: docker ps (and -a, -q), docker exec, then docker stop / start / commit (the deck: "create,
// start, stop … or create a new image based on its current state") and what removing a container throws away.
// Checked against docker/cli (exec.go, stop.go, commit.go) and moby (daemon/stop.go: the image's STOPSIGNAL,
// 10 s, then SIGKILL; daemon/commit.go: pause, commit, unpause; POST /commit → 201 with the new image ID).
// nginx's image sets STOPSIGNAL SIGQUIT. docker ps -a lists the newest container first.
// Recorded from the simulator on the host push-to-acr left (the three walkthroughs before replayed first),
// where a second nginx container was started at 1 h 10 and killed at 1 h 15 (admiring_hopper), two hours after
// the first walkthrough. What the run changed against the hand-written version:
// - the simulated terminal types no keystrokes into a shell: `docker exec -it web /bin/sh` opens the shell and
//   it ends at once, as when you type exit; the change is made with a second exec, `sh -c 'echo … > index.html'`;
// - the exec POST's answer, the TTY resize and the network release on stop are not modelled (no messages);
// - docker commit's ID and the image table come from the run.
const upTwoHours = web('2 hours ago', 'Up 2 hours');
// The images as push-to-acr left them: docker-whale under three names, v2, and nginx.
const IMAGES = [ACR_V2, WHALE, STUDENT_WHALE, ACR_V1, NGINX];
const allImages = images(IMAGES);
const HELLO: [string, string, string, string] = ['nginx-hello', 'v1', IDS.hello, '240MB'];
const OTHERS = { 'ctr-old': 'Exited (0)', 'ctr-killed': 'Exited (137)' };
/** Terminal output recorded from the run (`output: true` in the scenario below). */
const FROM_RUN = '';
const EDIT = `docker exec web sh -c 'echo "hello class" > /usr/share/nginx/html/index.html'`;

const written: Walkthrough = {
	id: 'docker/inspect-containers',
	scene: 'docker',
	order: 4,
	title: 'docker ps, exec, stop, start and commit',
	summary: 'List running and stopped containers, open a shell inside one, stop and start it, save it as an image, and see what removing it throws away.',
	steps: [
		{
			id: 'ps',
			checkpoint: {
				question: 'Three containers are on this host: one running, two stopped. How many does docker ps list?',
				kind: 'choice',
				options: [
					{ value: '1: web, the running one' },
					{ value: '3: every container on the host', misconception: 'docker ps lists every container. Without -a it lists running ones only.' },
					{ value: '0: docker ps lists images', misconception: 'docker ps is about images. It lists containers; docker images lists images.' }
				],
				answer: '1: web, the running one',
				feedback: 'docker ps asks GET /containers/json, which returns running containers only; add -a (all=1) to see stopped ones.'
			},
			title: 'docker ps: running containers only',
			notes: 'Ask the class to predict the output before stepping on. Point at the columns: CREATED is when the container was made, STATUS says how long it has been up, or when and how it exited. The images table is docker images --format table: on Docker 29 a plain docker images prints a tree (IMAGE, ID, DISK USAGE, CONTENT SIZE, EXTRA) instead.',
			view: 'many',
			narration:
				'Two hours later, on the same host: web, from the first walkthrough, is still running; jolly_lovelace is the docker-whale container you ran once after building it, and it finished; admiring_hopper, a second nginx container, was killed. docker ps asks the daemon for the container list, and by default the daemon returns only running ones, so one line comes back.',
			terminal: { command: 'docker ps', output: FROM_RUN, api: 'GET /containers/json' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			tables: [allImages, containers([KILLED, OLD, upTwoHours])]
		},
		{
			id: 'ps-a',
			title: 'docker ps -a: stopped ones too',
			notes: "Exit code 137 = 128 + 9 (SIGKILL). Ask what 143 would mean (128 + 15: the process died of SIGTERM without handling it). Misconception: 137 means the program crashed; it means something killed it, often docker stop running out of patience, or the kernel's out-of-memory killer.",
			view: 'many',
			narration:
				'-a adds all=1 to the same request, and stopped containers appear too, newest first, with their exit codes: 0 for a clean finish, 137 for killed (128 + signal 9). A stopped container publishes no ports, but keeps its writable layer and its logs until you remove it.',
			terminal: { command: 'docker ps -a', output: FROM_RUN, api: 'GET /containers/json?all=1' },
			highlight: ['ctr-web', 'ctr-old', 'ctr-killed'],
			badges: OTHERS
		},
		{
			id: 'ps-aq',
			title: 'docker ps -a -q: just the IDs',
			notes: 'Show the classic clean-up one-liner; warn that docker rm -f $(docker ps -a -q) would also remove running containers. docker container prune does the same clean-up and asks first.',
			view: 'many',
			narration:
				'-q changes nothing on the wire: it is the very same API call as -a. The client simply prints only the IDs, which is handy for feeding other commands, as in docker rm $(docker ps -a -q -f status=exited).',
			terminal: { command: 'docker ps -a -q', output: FROM_RUN, api: 'GET /containers/json?all=1 (same call; the client prints IDs only)' },
			highlight: ['cli'],
			badges: OTHERS
		},
		{
			id: 'exec',
			checkpoint: {
				question: 'docker exec -it web /bin/sh: which part finally starts the shell inside web?',
				kind: 'component',
				options: [
					{ value: 'runc' },
					{ value: 'dockerd', misconception: 'The daemon runs processes itself. It hands them to containerd, whose runc joins the container.' },
					{ value: 'cli', misconception: 'The shell runs on your machine. It runs inside web; the client only carries keystrokes and output.' }
				],
				answer: 'runc',
				feedback: 'runc exec joins web\'s existing namespaces and cgroup and starts /bin/sh beside nginx, as an extra process, not PID 1.'
			},
			title: 'docker exec -it web /bin/sh',
			notes: 'Stress: exec does not start a new container, it adds a process to an existing one. Ask: what happens with docker exec on jolly_lovelace? (409 Conflict: the container is not running.)',
			view: 'many',
			narration:
				"docker exec starts an extra process inside a running container. The client looks web up, creates an exec instance with a terminal and the command /bin/sh (the daemon refuses if web is not running), then starts it: the HTTP connection is upgraded into a raw two-way stream carrying your keystrokes and the shell's output. runc starts the shell in web's namespaces, beside nginx. When you type exit the shell ends, the client reads its exit code, and web keeps running, because the shell was an extra process, not the container's main one.",
			terminal: { prompt: '$', command: 'docker exec -it web /bin/sh', output: '# exit', api: 'GET /containers/web/json, POST /containers/web/exec, POST /exec/{id}/start (upgraded to a stream), GET /exec/{id}/json' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			badges: { 'ctr-web': '+ /bin/sh', ...OTHERS }
		},
		{
			id: 'write',
			title: 'A change in the writable layer',
			notes: 'Ask what happens to index.html if the container is stopped and started again; let the class vote, then step on. Demo: docker diff web lists every change in the writable layer, including files nginx itself wrote at start-up.',
			view: 'many',
			narration:
				"Now change a file. You could type the echo in that shell; here it is one command, a second exec without a terminal: sh -c runs the echo and ends. The change lands in the container's thin writable layer; the nginx image underneath is untouched, and the container keeps running.",
			terminal: { command: EDIT, output: FROM_RUN, api: 'POST /containers/web/exec, POST /exec/{id}/start, GET /exec/{id}/json → ExitCode 0' },
			highlight: ['ctr-web', 'img-nginx'],
			badges: { 'ctr-web': 'index.html changed', ...OTHERS }
		},
		{
			id: 'stop',
			checkpoint: {
				question: 'docker stop web: which signal reaches nginx first?',
				kind: 'choice',
				options: [
					{ value: 'SIGKILL', misconception: 'docker stop kills at once. It asks nicely first and sends SIGKILL only after 10 seconds.' },
					{ value: 'SIGTERM', misconception: 'It is always SIGTERM. The image can name its own stop signal, and nginx\'s names SIGQUIT.' },
					{ value: 'SIGQUIT' }
				],
				answer: 'SIGQUIT',
				feedback: 'The daemon sends the image\'s STOPSIGNAL, SIGQUIT for nginx (its graceful shutdown), then SIGKILL if it is still running after 10 seconds.'
			},
			title: 'docker stop web: a signal, then a deadline',
			notes: "Demo the deadline: docker run -d --name sleeper debian sleep 300, then time docker stop sleeper. It takes 10 s and ends Exited (137): sleep runs as PID 1, and PID 1 ignores signals it has no handler for, so only SIGKILL ends it. docker stop -t 30 gives a slow program longer.",
			view: 'many',
			narration:
				"docker stop asks the daemon to stop web. The daemon sends the container's stop signal to its main process: SIGTERM unless the image names another, and the nginx image names SIGQUIT, nginx's graceful shutdown. Then it waits up to 10 seconds; a process still running then gets SIGKILL and exits 137. nginx finishes its requests and exits 0, containerd reports the exit, and the daemon answers 204.",
			terminal: { command: 'docker stop web', output: FROM_RUN, api: 'POST /containers/web/stop → 204 No Content' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			badges: { 'ctr-web': 'Exited (0)', ...OTHERS },
			roles: { dockerd: "Sends the stop signal through containerd and starts a 10-second timer (SIGKILL if it runs out); answers once containerd reports the exit." },
			tables: [allImages, containers([KILLED, OLD, web('2 hours ago', 'Exited (0) Less than a second ago')])]
		},
		{
			id: 'start',
			title: 'docker start web: the same container again',
			notes: 'Ask: is this a new container? (No: same ID, same name, same writable layer, so index.html still says hello class. Only docker run makes a new one.) Its IP address may change on start; that is why containers find each other by name on a user-defined network, not by IP.',
			view: 'many',
			narration:
				"docker start runs the stopped container again: the same ID, the same configuration and the same writable layer, so your edited index.html is still there. The daemon goes through the start you saw in the first walkthrough: containerd and runc create fresh namespaces and a cgroup, the daemon wires a new veth and the NAT rule, and nginx starts again as PID 1.",
			terminal: { command: 'docker start web', output: FROM_RUN, api: 'POST /containers/web/start → 204 No Content' },
			highlight: ['cli', 'dockerd', 'containerd', 'runc', 'ctr-web'],
			badges: { 'ctr-web': 'index.html changed', ...OTHERS },
			tables: [allImages, containers([KILLED, OLD, web('2 hours ago', 'Up Less than a second')])]
		},
		{
			id: 'commit',
			title: 'docker commit: a container becomes an image',
			notes: 'Ask: why do teams still write Dockerfiles if commit exists? (A committed image records no steps, cannot be rebuilt or reviewed, and carries whatever else changed: run docker diff web first.) Demo: docker history nginx-hello:v1 shows one new layer on top of nginx\'s.',
			view: 'committed',
			narration:
				"docker commit saves a container's current state as a new image. By default the daemon pauses web for a moment so no file changes mid-copy, packs the changes in web's writable layer into one new layer on top of nginx's seven, writes a config that keeps nginx's command and port and a manifest, names it nginx-hello:v1, and resumes web. The client prints the new image's ID.",
			terminal: { command: 'docker commit web nginx-hello:v1', output: FROM_RUN, api: 'POST /commit?container=web&repo=nginx-hello&tag=v1 → 201 Created' },
			highlight: ['cli', 'dockerd', 'ctr-web', 'img-hello'],
			badges: { 'ctr-web': 'index.html changed', ...OTHERS },
			tables: [images([HELLO, ...IMAGES]), containers([KILLED, OLD, web('2 hours ago', 'Up 30 seconds')])]
		},
		{
			id: 'remove',
			title: 'docker rm -f web: the change is gone',
			notes: "This is the deck's point that changes not in persistent storage disappear when a container is removed. Ask: what does docker run -d -p 8081:80 nginx-hello:v1 serve? (hello class.) Note that -f skips the stop signal: the daemon kills with SIGKILL straight away.",
			view: 'removed',
			narration:
				'Removing the container deletes its writable layer, and with it your edited index.html. Run nginx again and you get the original page: a new container from the same unchanged image. Only nginx-hello:v1 still holds the change, because you committed it. Data that must survive belongs in a volume or a bind mount, outside the container.',
			terminal: { command: 'docker rm -f web', output: FROM_RUN, api: 'DELETE /containers/web?force=1' },
			highlight: ['img-nginx', 'img-hello', 'dockerd'],
			badges: OTHERS,
			tables: [images([HELLO, ...IMAGES]), containers([KILLED, OLD])]
		}
	]
};

/** Between push-to-acr and this walkthrough: a second nginx container, started at 1 h 10 and killed 5 minutes later. */
const killedLater: DockerScenario = {
	title: 'between D3 and D4: docker run -d nginx, docker kill',
	engine: hostOptions,
	continues: d3Scenario,
	steps: [
		{ step: '(not shown)', wait: 18 * 60_000, type: ['docker run -d nginx'] },
		{ step: '(not shown)', wait: 5 * 60_000, type: ['docker kill admiring_hopper'] }
	]
};
const CLI = [{ from: 'cli' }, { to: 'cli', kind: 'response' as const }];
const RUNTIME = [{ from: 'dockerd', to: 'containerd' }, { from: 'containerd' }, { from: 'runc' }];
export const d4Scenario: DockerScenario = {
	title: 'D3: docker ps, -a, -a -q, exec, stop, start, commit and rm -f, two hours after D1',
	engine: hostOptions,
	continues: killedLater,
	steps: [
		{ step: 'ps', wait: 45 * 60_000, type: ['docker ps'], show: CLI, output: true },
		{ step: 'ps-a', wait: 3_000, type: ['docker ps -a'], show: CLI, output: true },
		{ step: 'ps-aq', wait: 3_000, type: ['docker ps -a -q'], show: CLI, output: true },
		{ step: 'exec', wait: 5_000, type: ['docker exec -it web /bin/sh'], show: [...CLI, ...RUNTIME] },
		{ step: 'write', wait: 5_000, type: [EDIT], show: [{ from: 'cli', summary: /exec/ }, { to: 'cli', kind: 'response', summary: /ExitCode/ }, { from: 'runc' }], output: true },
		{ step: 'stop', wait: 10_000, type: ['docker stop web'], show: [...CLI, ...RUNTIME], output: true },
		// The rewiring (dockerd → docker0 bridge) is left out: the bridge is not drawn in this view, which keeps the picture of steps 1-8 one size.
		{ step: 'start', wait: 2_000, type: ['docker start web'], show: [...CLI, ...RUNTIME], output: true },
		{ step: 'commit', wait: 30_000, type: ['docker commit web nginx-hello:v1'], show: [...CLI, { from: 'dockerd' }], output: true },
		// web is gone from the view: its SIGKILL (runc → web) stays in the log of the run, not on the page.
		{ step: 'remove', wait: 10_000, type: ['docker rm -f web'], show: [...CLI, { from: 'dockerd', to: 'containerd' }, { from: 'containerd' }], output: true }
	]
};

export const d4Recording = recordDockerWalkthrough(d4Scenario, written, dockerScene);
export const inspectContainers: Walkthrough = d4Recording.walkthrough;
/** The full ID docker commit printed (IDS.hello is its first 12 characters after sha256:). */
export const HELLO_ID = d4Recording.steps.find((s) => s.step === 'commit')?.output ?? '';
