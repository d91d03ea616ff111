import { describe, expect, it } from 'vitest';
import { sh, testEngine } from '../testing';

const APP = 'FROM debian:trixie-slim\nWORKDIR /app\nCOPY app.sh .\nRUN apt-get update && apt-get install -y curl\nENV MODE=prod\nRUN echo built\nEXPOSE 8080\nCMD ["./app.sh"]\n';

/** Builds `before`, then `after` (with the context changed by `files`); what the second build printed per step. */
function rebuild(before: string, after: string, files: Record<string, string> = {}) {
	const e = testEngine('cache');
	e.files.set('app.sh', 'echo v1');
	e.files.set('Dockerfile', before);
	expect(sh(e, 'docker build -t app .').code).toBe(0);
	for (const [k, v] of Object.entries(files)) e.files.set(k, v);
	e.files.set('Dockerfile', after);
	const out = sh(e, 'docker build -t app .').lines;
	const steps = out.filter((l) => /^#\d+ \[\d+\/\d+\] /.test(l)).map((l) => l.replace(/^#\d+ /, ''));
	const verdict = (step: string) => {
		const n = out.find((l) => l.endsWith(step))!.split(' ')[0]!;
		return out.find((l) => l.startsWith(`${n} `) && /(CACHED|DONE)/.test(l))!.includes('CACHED') ? 'CACHED' : 'run';
	};
	return { e, steps: steps.map((s): [string, string] => [s.replace(/ docker\.io.*$/, ''), verdict(s)]) };
}

describe('BuildKit cache decisions', () => {
	it.each([
		['nothing changed: every step cached', APP, APP, {}, ['CACHED', 'CACHED', 'CACHED', 'CACHED', 'CACHED']],
		['CMD changed: every step cached (CMD only changes the config)', APP, APP.replace('CMD ["./app.sh"]', 'CMD ["./app.sh", "--verbose"]'), {}, ['CACHED', 'CACHED', 'CACHED', 'CACHED', 'CACHED']],
		['EXPOSE changed: every step cached', APP, APP.replace('EXPOSE 8080', 'EXPOSE 9090'), {}, ['CACHED', 'CACHED', 'CACHED', 'CACHED', 'CACHED']],
		['a copied file changed: COPY and every step after it run again', APP, APP, { 'app.sh': 'echo v2' }, ['CACHED', 'CACHED', 'run', 'run', 'run']],
		['ENV changed: the RUN after it runs again (its environment), the one before stays cached', APP, APP.replace('MODE=prod', 'MODE=dev'), {}, ['CACHED', 'CACHED', 'CACHED', 'CACHED', 'run']],
		['a RUN changed: it and what follows run again', APP, APP.replace('install -y curl', 'install -y curl git'), {}, ['CACHED', 'CACHED', 'CACHED', 'run', 'run']],
		['WORKDIR changed: it and everything after it run again', APP, APP.replace('WORKDIR /app', 'WORKDIR /srv'), {}, ['CACHED', 'run', 'run', 'run', 'run']]
	])('%s', (_what, before, after, files, expected) => {
		const { steps } = rebuild(before, after, files);
		expect(steps.map(([, v]) => v)).toEqual(expected);
		expect(steps.map(([s]) => s.split(' ').slice(0, 2).join(' '))).toEqual(['[1/5] FROM', '[2/5] WORKDIR', '[3/5] COPY', '[4/5] RUN', '[5/5] RUN']);
	});

	it('a CMD change makes a new image with the same layers; the old image is left dangling (<none>)', () => {
		const { e } = rebuild(APP, APP.replace('CMD ["./app.sh"]', 'CMD ["./app.sh", "-v"]'));
		const images = sh(e, 'docker images').lines;
		expect(images.filter((l) => l.startsWith('app '))).toHaveLength(1);
		expect(images.filter((l) => l.startsWith('<none> '))).toHaveLength(1);
		expect(sh(e, 'docker images --filter dangling=true -q').lines).toHaveLength(1);
		const layers = (name: string) =>
			sh(e, `docker history ${name}`)
				.lines.slice(1)
				.map((l) => l.split(/ {3,}/))
				.filter((cols) => cols[3] !== '0B')
				.map((cols) => `${cols[2]}|${cols[3]}`);
		expect(layers('app')).toHaveLength(4);
		const dangling = sh(e, 'docker images --filter dangling=true -q').text;
		expect(layers('app')).toEqual(layers(dangling));
	});

	it('--no-cache runs every step again, and the RUN layers get new digests (a RUN is not reproducible)', () => {
		const e = testEngine('nocache');
		e.files.set('Dockerfile', 'FROM debian:trixie-slim\nRUN apt-get install -y cowsay\n');
		sh(e, 'docker build -t a .');
		const id1 = sh(e, 'docker images -q').text;
		const out = sh(e, 'docker build --no-cache -t a .').text;
		expect(out).toMatch(/\[2\/2\] RUN apt-get install -y cowsay\n#\d+ DONE/);
		expect(sh(e, 'docker images -q').lines).toContain(id1);
		expect(sh(e, 'docker images -q').lines).toHaveLength(2);
	});

	it('the FROM image is fetched into the build cache, not listed by docker images; its metadata is resolved with the registry on every build', () => {
		const e = testEngine('base');
		e.files.set('Dockerfile', 'FROM debian:trixie-slim\nCMD ["bash"]\n');
		const first = sh(e, 'docker build -t b .').text;
		expect(first).toMatch(/#2 \[internal\] load metadata for docker\.io\/library\/debian:trixie-slim/);
		expect(sh(e, 'docker images').lines.map((l) => l.split(' ')[0])).toEqual(['REPOSITORY', 'b']);
		const second = sh(e, 'docker build -t b .').text;
		expect(second).toMatch(/load metadata for docker\.io\/library\/debian:trixie-slim/);
		expect(second).toMatch(/\[1\/1\] FROM docker\.io\/library\/debian:trixie-slim@sha256:[0-9a-f]{64}\n#\d+ CACHED/);
	});
});

describe('Dockerfile errors name the line, as BuildKit does', () => {
	it.each([
		['FROM debian:trixie-slim\nRUNN apt-get update\n', 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean run?)'],
		['RUN echo hi\n', 'dockerfile parse error on line 1: no build stage in current context'],
		['FROM\n', 'dockerfile parse error on line 1: FROM requires either one or three arguments'],
		['FROM debian:trixie-slim\nCOPY app.sh\n', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
		['FROM debian:trixie-slim\nLABEL a=b\n', 'dockerfile parse error on line 2: LABEL is a Dockerfile instruction the simulator does not model (it supports FROM, RUN, COPY, ADD, WORKDIR, ENV, EXPOSE, CMD, ENTRYPOINT, USER, ARG)'],
		['FROM debian:trixie-slim AS a\nFROM a\n', 'dockerfile parse error on line 2: the simulator builds one stage: a second FROM (a multi-stage build) is not supported'],
		['# only a comment\n', 'the Dockerfile cannot be empty'],
		['FROM debian:trixie-slim\nCOPY missing.txt /\n', 'failed to compute cache key: failed to calculate checksum of ref: "/missing.txt": not found'],
		['FROM debian:trixie-slim\nRUN false\n', 'process "/bin/sh -c false" did not complete successfully: exit code: 1'],
		['FROM debian:nosuchtag\n', 'debian:nosuchtag: failed to resolve source metadata for docker.io/library/debian:nosuchtag: manifest for debian:nosuchtag not found: manifest unknown: manifest unknown']
	])('%j', (dockerfile, error) => {
		const e = testEngine('errors');
		e.files.set('Dockerfile', dockerfile);
		const r = sh(e, 'docker build -t x .');
		expect(r.code).toBe(1);
		expect(r.lines.at(-1)).toBe(`ERROR: failed to build: failed to solve: ${error}`);
	});

	it('shows the lines around a parse error with the bad one marked', () => {
		const e = testEngine('excerpt');
		e.files.set('Dockerfile', 'FROM debian:trixie-slim\nRUN echo a \\\n  && echo b\nRUNN x\n');
		expect(sh(e, 'docker build .').lines.slice(0, 6)).toEqual(['Dockerfile:4', '--------------------', '   2 |     RUN echo a \\', '   3 |       && echo b', '   4 | >>> RUNN x', '--------------------']);
	});

	it('a missing Dockerfile and another context directory are explained', () => {
		const e = testEngine('nofile');
		expect(sh(e, 'docker build .').text).toBe('ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory');
		expect(sh(e, 'docker build ./app').text).toMatch(/^The simulator builds from the current directory/);
	});
});

describe('ENTRYPOINT, CMD, USER and ARG in the image config', () => {
	it('substitutes ARG and ENV, drops an inherited CMD when ENTRYPOINT is set, and runs what the config says', () => {
		const e = testEngine('config');
		e.files.set('Dockerfile', 'ARG TAG=trixie-slim\nFROM debian:$TAG\nENV GREETING=hello\nENTRYPOINT ["echo", "${GREETING}"]\nUSER nobody\n');
		expect(sh(e, 'docker build -t greet .').code).toBe(0);
		expect(sh(e, 'docker run --rm greet').text).toMatch(/^unknown flag: --rm\n/);
		expect(sh(e, 'docker run greet world').text).toBe('${GREETING} world');
		expect(sh(e, 'docker history greet').lines[1]).toMatch(/USER nobody/);
	});
});
