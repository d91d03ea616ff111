import { describe, expect, it } from 'vitest';
import { sh, testEngine } from './testing';

describe('images: names, IDs, rmi', () => {
	it('a tag is a name for the same image ID; rmi of one name only untags', () => {
		const e = testEngine('rmi');
		sh(e, 'docker pull nginx');
		sh(e, 'docker tag nginx my/nginx:v1');
		const rows = sh(e, 'docker images').lines.slice(1).map((l) => l.split(/ {3,}/));
		expect(rows.map((r) => r.slice(0, 3))).toEqual([
			['nginx', 'latest', rows[0]![2]],
			['my/nginx', 'v1', rows[0]![2]]
		]);
		expect(sh(e, 'docker rmi my/nginx:v1').lines).toEqual(['Untagged: my/nginx:v1']);
		expect(sh(e, 'docker images -q').lines).toHaveLength(1);
	});

	it('rmi refuses an image a container uses, and deletes an unused one (its last name, then the image)', () => {
		const e = testEngine('rmi2');
		sh(e, 'docker pull nginx');
		sh(e, 'docker run -d --name web nginx');
		const id = sh(e, 'docker images -q').text;
		expect(sh(e, 'docker rmi nginx').text).toBe(`Error response from daemon: conflict: unable to remove repository reference "nginx" (must force) - container ${sh(e, 'docker ps -q').text} is using its referenced image ${id}`);
		sh(e, 'docker rm -f web');
		const r = sh(e, 'docker rmi nginx');
		expect(r.lines).toEqual(['Untagged: nginx:latest', expect.stringMatching(new RegExp(`^Deleted: sha256:${id}[0-9a-f]{52}$`))]);
		expect(sh(e, 'docker images').lines).toHaveLength(1);
		expect(e.daemon.store.content.size).toBe(0);
		expect(sh(e, 'docker rmi nginx').text).toBe('Error response from daemon: No such image: nginx:latest');
	});

	it('rmi keeps what the build cache still holds: a rebuild after rmi runs nothing again', () => {
		const e = testEngine('rmi3');
		e.files.set('Dockerfile', 'FROM debian:trixie-slim\nRUN apt-get install -y cowsay\n');
		sh(e, 'docker build -t a .');
		sh(e, 'docker rmi a');
		expect(sh(e, 'docker images').lines).toHaveLength(1);
		expect(sh(e, 'docker build -t a .').text).toMatch(/\[2\/2\] RUN apt-get install -y cowsay\n#\d+ CACHED/);
	});
});
