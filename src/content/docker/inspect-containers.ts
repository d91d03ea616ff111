import type { Walkthrough } from '$lib/model/types';
import { containers, IDS, images, KILLED, NGINX, OLD, WEB, WHALE } from './tables';

// D3 in flows.md: docker ps (and -a, -q), docker exec, and what removing a container throws away.
const allImages = images([NGINX, WHALE]);
const psAll = `CONTAINER ID   IMAGE          STATUS                     PORTS                  NAMES\n${IDS.web}   nginx          Up 10 minutes              0.0.0.0:8080->80/tcp   web\n${IDS.old}   docker-whale   Exited (0) 2 hours ago                            quirky_turing\n${IDS.killed}   nginx          Exited (137) 1 hour ago                           happy_lamport`;

export const inspectContainers: Walkthrough = {
	id: 'docker/inspect-containers',
	scene: 'docker',
	title: 'docker ps and docker exec',
	summary: 'List running and stopped containers, open a shell inside one, and see what removing it throws away.',
	steps: [
		{
			id: 'ps',
			title: 'docker ps: running containers only',
			view: 'many',
			narration:
				'This host has three containers: web is running; quirky_turing finished normally two hours ago; happy_lamport was killed. docker ps asks the daemon for the container list, and by default the daemon returns only running ones, so one line comes back.',
			notes: 'Ask the class to predict the output before stepping on.',
			terminal: { command: 'docker ps', output: `CONTAINER ID   IMAGE   STATUS          PORTS                  NAMES\n${IDS.web}   nginx   Up 10 minutes   0.0.0.0:8080->80/tcp   web`, api: 'GET /containers/json' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200: 1 container (web)' }
			],
			tables: [allImages, containers([WEB, OLD, KILLED])]
		},
		{
			id: 'ps-a',
			title: 'docker ps -a: stopped ones too',
			notes: 'Exit code 137 = 128 + 9 (SIGKILL). Ask the class what 143 would mean (SIGTERM).',
			view: 'many',
			narration:
				'-a adds all=1 to the same request, and stopped containers appear with their exit codes: 0 for a clean finish, 137 for killed (128 + signal 9). Stopped containers keep their writable layer and logs until you remove them.',
			terminal: { command: 'docker ps -a', output: psAll, api: 'GET /containers/json?all=1' },
			highlight: ['ctr-web', 'ctr-old', 'ctr-killed'],
			badges: { 'ctr-old': 'Exited (0)', 'ctr-killed': 'Exited (137)' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json?all=1' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200: 3 containers (1 running, 2 exited)' }
			]
		},
		{
			id: 'ps-aq',
			title: 'docker ps -a -q: just the IDs',
			notes: 'Show the classic clean-up one-liner; warn that docker rm with -f would also remove running ones.',
			view: 'many',
			narration:
				'-q changes nothing on the wire: it is the very same API call as -a. The client simply prints only the IDs, which is handy for feeding other commands, as in docker rm $(docker ps -a -q -f status=exited).',
			terminal: { command: 'docker ps -a -q', output: `${IDS.web}\n${IDS.old}\n${IDS.killed}`, api: 'GET /containers/json?all=1 (same call; the client prints IDs only)' },
			highlight: ['cli'],
			badges: { 'ctr-old': 'Exited (0)', 'ctr-killed': 'Exited (137)' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/json?all=1' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200: 3 containers (client prints only the IDs)' }
			]
		},
		{
			id: 'exec',
			title: 'docker exec -it web /bin/sh',
			notes: 'Stress: exec does not start a new container, it adds a process to an existing one.',
			view: 'many',
			narration:
				'docker exec starts an extra process inside a running container. The client checks web is running, creates an exec instance with a terminal and the command /bin/sh, then starts it: the HTTP connection is hijacked into a two-way stream carrying your keystrokes and the shell\'s output.',
			terminal: { prompt: '$', command: 'docker exec -it web /bin/sh', output: '# ', api: 'GET /containers/web/json, POST /containers/web/exec, POST /exec/{id}/start (hijacked)' },
			highlight: ['cli', 'dockerd', 'ctr-web'],
			badges: { 'ctr-web': '+ /bin/sh', 'ctr-old': 'Exited (0)', 'ctr-killed': 'Exited (137)' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /containers/web/json (is it running?)' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /containers/web/exec {Tty:true, Cmd:["/bin/sh"]}' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '201 {"Id": exec ID}' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'POST /exec/{id}/start: connection hijacked into a two-way stream' },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'exec process /bin/sh in task web' },
				{ from: 'containerd', to: 'runc', via: 'containerd-runc', kind: 'request', summary: 'runc exec: join web\'s existing namespaces and cgroup' },
				{ from: 'runc', to: 'ctr-web', via: 'runc-web', kind: 'request', summary: 'start /bin/sh beside nginx (not PID 1)' }
			]
		},
		{
			id: 'write',
			title: 'Inside: a change in the writable layer',
			notes: 'Ask what happens to index.html if the container is stopped and started again (it survives; only removal deletes it).',
			view: 'many',
			narration:
				'In the shell you change a file. The change lands in the container\'s thin writable layer; the nginx image underneath is untouched. Then you type exit. The shell ends, the client reads its exit code, and the container keeps running, because the shell was an extra process, not the container\'s main one.',
			terminal: { prompt: '#', command: 'echo "hello class" > /usr/share/nginx/html/index.html; exit', output: '$ ', api: 'stream closes; GET /exec/{id}/json → ExitCode 0' },
			highlight: ['ctr-web', 'img-nginx'],
			badges: { 'ctr-web': 'index.html changed', 'ctr-old': 'Exited (0)', 'ctr-killed': 'Exited (137)' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'data', summary: 'keystrokes over the hijacked stream; shell output back' },
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'GET /exec/{id}/json' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '200 {"ExitCode": 0, "Running": false}; web still Up' }
			]
		},
		{
			id: 'remove',
			title: 'docker rm -f web: the change is gone',
			view: 'removed',
			narration:
				'Removing the container deletes its writable layer, and with it your edited index.html. Run nginx again and you get the original page: a new container from the same unchanged image. Data that must survive belongs in a volume or a bind mount, outside the container.',
			notes: 'This is the deck\'s point that changes not in persistent storage disappear when a container is removed.',
			terminal: { command: 'docker rm -f web', output: 'web', api: 'DELETE /containers/web?force=1' },
			highlight: ['img-nginx', 'dockerd'],
			badges: { 'ctr-old': 'Exited (0)', 'ctr-killed': 'Exited (137)' },
			messages: [
				{ from: 'cli', to: 'dockerd', via: 'cli-dockerd', kind: 'request', summary: 'DELETE /containers/web?force=1 (kill, then remove)' },
				{ from: 'dockerd', to: 'containerd', via: 'dockerd-containerd', kind: 'request', summary: 'kill task web; delete container and its writable layer' },
				{ from: 'dockerd', to: 'cli', via: 'cli-dockerd', kind: 'response', summary: '204 No Content' }
			],
			tables: [allImages, containers([OLD, KILLED])]
		}
	]
};
