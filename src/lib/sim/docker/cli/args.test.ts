import { describe, expect, it } from 'vitest';
import { parseDocker } from './args';

describe('parseDocker', () => {
	it.each([
		['docker run -d --name web -p 8080:80 nginx', { command: 'run', flags: { detach: true, name: 'web', publish: ['8080:80'] }, args: ['nginx'], rest: [] }],
		['docker run -it --rm=false busybox', null],
		['docker run -dit --name=box busybox sh', { command: 'run', flags: { detach: true, interactive: true, tty: true, name: 'box' }, args: ['busybox'], rest: ['sh'] }],
		['docker run busybox ls -l /', { command: 'run', flags: {}, args: ['busybox'], rest: ['ls', '-l', '/'] }],
		['docker exec -it web /bin/sh', { command: 'exec', flags: { interactive: true, tty: true }, args: ['web'], rest: ['/bin/sh'] }],
		['docker image ls', { command: 'images', flags: {}, args: [], rest: [] }],
		['docker container ls -a -q', { command: 'ps', flags: { all: true, quiet: true }, args: [], rest: [] }],
		['docker build -t a -t b --build-arg X=1 .', { command: 'build', flags: { tag: ['a', 'b'], 'build-arg': ['X=1'] }, args: ['.'], rest: [] }]
	])('%s', (line, expected) => {
		const p = parseDocker(line);
		if (expected === null) expect(p).toHaveProperty('error');
		else expect(p).toEqual(expected);
	});

	it.each([
		['docker run --rm nginx', "unknown flag: --rm\nSee 'docker run --help'.\nThe simulator supports for docker run: --detach, --name, --publish, --interactive, --tty, --init, --entrypoint.", 125],
		['docker ps -x', "unknown shorthand flag: 'x' in -x\nSee 'docker ps --help'.\nThe simulator supports for docker ps: --all, --quiet.", 125],
		['docker run --name', "flag needs an argument: --name\nSee 'docker run --help'.", 125],
		['docker pull', "\"docker pull\" requires exactly 1 argument.\nSee 'docker pull --help'.\n\nUsage:  docker pull NAME[:TAG]", 1],
		['docker exec web', "\"docker exec\" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]", 1],
		['docker swarm init', expect.stringMatching(/^docker: 'swarm' is not a docker command the simulator knows\.\nSupported: pull, run, create, start/), 1],
		['kubectl get pods', 'The simulator runs docker commands (and az login, az acr login); "kubectl" is not one.', 127]
	])('%s is refused with a clear message', (line, error, status) => {
		expect(parseDocker(line)).toEqual({ error, status });
	});
});
