import { describe, expect, it } from 'vitest';
import { Prng } from '../core/prng';
import { jsonBlob, layerOf, MEDIA } from './oci';
import { sh, testEngine, WHALE_DOCKERFILE } from './testing';
import type { DockerEngine } from './engine';

const COMMANDS = [
	'docker pull nginx',
	'docker pull alpine',
	'docker pull debian:trixie-slim',
	'docker run -d --name web -p 8080:80 nginx',
	'docker run -d nginx',
	'docker run busybox echo hi',
	'docker run -d busybox sleep 30',
	'docker stop web',
	'docker start web',
	'docker kill web',
	'docker rm -f web',
	'docker ps -a',
	'docker images',
	'docker exec web sh -c "echo x > /tmp/x"',
	'docker build -t app .',
	'docker tag app student/app',
	'docker push student/app',
	'docker rmi app',
	'docker rmi nginx'
];

/** A random session: commands (some failing, in any order), edits to the Dockerfile, time passing. */
function randomSession(seed: string, actionsSeed: string, n = 40): DockerEngine {
	const e = testEngine(seed);
	const rng = new Prng(actionsSeed);
	e.files.set('Dockerfile', WHALE_DOCKERFILE);
	sh(e, 'docker login -u student -p pat');
	for (let i = 0; i < n; i++) {
		if (rng.int(6) === 0) e.files.set('Dockerfile', WHALE_DOCKERFILE.replace('fortune | cowsay', `echo ${rng.int(3)}`));
		if (rng.int(4) === 0) e.wait(rng.int(20_000));
		sh(e, rng.pick(COMMANDS));
	}
	e.sim.queue.runUntilIdle();
	return e;
}

describe('determinism', () => {
	it('same seed and same commands: the same log, byte for byte', () => {
		const a = randomSession('s', 'actions').sim.trace.text();
		expect(a.length).toBeGreaterThan(10_000);
		expect(randomSession('s', 'actions').sim.trace.text()).toBe(a);
	});

	it('another seed changes container IDs and latencies, not digests (content decides those)', () => {
		const ids = (t: string) => [...t.matchAll(/201 Created \{"Id":"([0-9a-f]{12})…/g)].map((m) => m[1]);
		const digests = (t: string) => [...t.matchAll(/Docker-Content-Digest: (sha256:[0-9a-f]{12})/g)].map((m) => m[1]);
		const a = testEngine('one');
		const b = testEngine('two');
		for (const e of [a, b]) {
			sh(e, 'docker pull nginx');
			sh(e, 'docker run -d nginx');
		}
		expect(ids(a.sim.trace.text())).not.toEqual(ids(b.sim.trace.text()));
		expect(digests(a.sim.trace.text())).toEqual(digests(b.sim.trace.text()));
		expect(a.sim.trace.text()).not.toBe(b.sim.trace.text());
	});
});

describe('content addressing', () => {
	it('digests change iff content changes (layers, and JSON blobs)', () => {
		const rng = new Prng('digests');
		const seen = new Map<string, string>();
		for (let i = 0; i < 400; i++) {
			const text = `layer ${rng.int(60)} ${rng.pick(['RUN', 'COPY'])}`;
			const l = layerOf(text, 10);
			expect(layerOf(text, 10).blob.digest).toBe(l.blob.digest);
			expect(l.diffId).not.toBe(l.blob.digest);
			const before = seen.get(l.blob.digest);
			if (before !== undefined) expect(before).toBe(text);
			seen.set(l.blob.digest, text);
			const j = jsonBlob(MEDIA.config, { n: i % 50 });
			expect(jsonBlob(MEDIA.config, { n: i % 50 }).digest).toBe(j.digest);
			expect(jsonBlob(MEDIA.config, { n: (i % 50) + 1 }).digest).not.toBe(j.digest);
		}
		expect(new Set([...seen.values()]).size).toBe(seen.size);
	});

	it('across random sessions, a digest never names two contents (in the daemon and in every registry)', () => {
		for (const s of ['a', 'b', 'c']) {
			const e = randomSession(s, `content-${s}`, 30);
			const registries = [e.hub, e.acr!];
			for (const r of registries)
				for (const path of ['library/nginx', 'student/app'])
					for (const d of r.repo(path)?.blobs ?? []) expect(r.blobs.get(d)?.digest).toBe(d);
			for (const img of e.daemon.store.all) for (const b of e.daemon.store.blobsOf(img)) expect(e.hub.blobs.get(b.digest)?.text ?? b.text).toBe(b.text);
		}
	});
});

describe('push and pull', () => {
	it('pushing twice uploads nothing the second time, whatever was built', () => {
		for (const cmd of ['fortune | cowsay', 'echo 1', 'echo 2']) {
			const e = testEngine(`twice-${cmd}`);
			e.files.set('Dockerfile', WHALE_DOCKERFILE.replace('fortune | cowsay', cmd));
			sh(e, 'docker build -t student/app .');
			sh(e, 'docker login -u student -p pat');
			expect(sh(e, 'docker push student/app').code).toBe(0);
			const from = e.sim.trace.size;
			expect(sh(e, 'docker push student/app').code).toBe(0);
			const again = e.sim.trace.slice(from).filter((x) => x.type === 'message' && x.from === 'dockerd' && x.to === 'hub');
			expect(again.length).toBeGreaterThan(0);
			expect(again.filter((x) => x.type === 'message' && /^(POST|PUT) /.test(x.summary))).toEqual([]);
		}
	});

	it('a pushed image pulled back by another host has the same digest and the same layers', () => {
		const a = testEngine('push-host');
		a.files.set('Dockerfile', WHALE_DOCKERFILE);
		sh(a, 'docker build -t student/app .');
		sh(a, 'docker login -u student -p pat');
		const pushed = sh(a, 'docker push student/app').lines.at(-1)!.match(/digest: (sha256:[0-9a-f]{64})/)![1]!;
		// Another host: a fresh engine that shares nothing but this registry's contents.
		const b = testEngine('pull-host');
		const repo = a.hub.repo('student/app')!;
		b.hub.seed('student/app', 'latest', [...repo.blobs].map((d) => a.hub.blobs.get(d)!), [...repo.manifests].map((d) => a.hub.blobs.get(d)!), a.hub.blobs.get(repo.tags.get('latest')!)!);
		const pulled = sh(b, 'docker pull student/app').lines.find((l) => l.startsWith('Digest: '));
		expect(pulled).toBe(`Digest: ${pushed}`);
		const layers = (e: DockerEngine) => e.daemon.store.layers(e.daemon.store.resolve('student/app')!).map((l) => l.digest);
		expect(layers(b)).toEqual(layers(a));
	});
});

describe('build', () => {
	it('rebuilding an unchanged Dockerfile creates no layer and the same image ID', () => {
		const e = testEngine('rebuild');
		e.files.set('Dockerfile', WHALE_DOCKERFILE);
		sh(e, 'docker build -t app .');
		const blobs = e.daemon.store.content.size;
		const id = sh(e, 'docker images -q').text;
		const out = sh(e, 'docker build -t app .').text;
		expect(out).toMatch(/\[2\/2\] RUN .*\n#\d+ CACHED/);
		expect(e.daemon.store.content.size).toBe(blobs);
		expect(sh(e, 'docker images -q').text).toBe(id);
	});

	it('a CMD change creates no layer: same layer digests, a new config and image ID', () => {
		const e = testEngine('cmd');
		e.files.set('Dockerfile', WHALE_DOCKERFILE);
		sh(e, 'docker build -t app .');
		const before = e.daemon.store.resolve('app')!;
		e.files.set('Dockerfile', WHALE_DOCKERFILE.replace('CMD fortune | cowsay', 'CMD ["cowsay", "hello"]'));
		sh(e, 'docker build -t app .');
		const after = e.daemon.store.resolve('app')!;
		expect(e.daemon.store.layers(after).map((l) => l.digest)).toEqual(e.daemon.store.layers(before).map((l) => l.digest));
		expect(after.config).not.toBe(before.config);
		expect(after.target).not.toBe(before.target);
	});
});
