import { describe, expect, it } from 'vitest';
import { messagesSince, sh, testEngine } from './testing';

// D1 in flows.md: docker pull nginx, then docker run -d --name web -p 8080:80 nginx (Engine 29).
describe('docker pull', () => {
	it('HEAD first (401, anonymous token, HEAD again), then the index, the linux/amd64 manifest, the config and 7 layers, 3 at a time', () => {
		const e = testEngine('d1');
		const r = sh(e, 'docker pull nginx');
		expect(r.code).toBe(0);
		expect(r.lines[0]).toBe('Using default tag: latest');
		expect(r.lines[1]).toBe('latest: Pulling from library/nginx');
		expect(r.lines.slice(2, 9).every((l) => /^[0-9a-f]{12}: Pull complete$/.test(l))).toBe(true);
		expect(r.lines.slice(9)).toEqual([expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/), 'Status: Downloaded newer image for nginx:latest', 'docker.io/library/nginx:latest']);
		const toHub = messagesSince(e, 0).filter((m) => m.startsWith('dockerd → hub')).map((m) => m.replace(/sha256:[0-9a-f]{12}…/g, 'D'));
		expect(toHub).toEqual([
			'dockerd → hub: HEAD /v2/library/nginx/manifests/latest',
			'dockerd → hub: GET auth.docker.io/token?service=registry.docker.io&scope=repository:library/nginx:pull (anonymous)',
			'dockerd → hub: HEAD /v2/library/nginx/manifests/latest (with the token)',
			'dockerd → hub: GET /v2/library/nginx/manifests/D (the index)',
			'dockerd → hub: GET /v2/library/nginx/manifests/D (linux/amd64)',
			'dockerd → hub: GET /v2/library/nginx/blobs/D (the config)',
			...Array.from({ length: 7 }, () => 'dockerd → hub: GET /v2/library/nginx/blobs/D (a layer)')
		]);
		// At most three layer downloads are in flight at once.
		let inFlight = 0;
		let most = 0;
		for (const m of messagesSince(e, 0)) {
			if (/GET \/v2\/library\/nginx\/blobs\/.*layer/.test(m)) most = Math.max(most, ++inFlight);
			if (/^hub → dockerd: 200: layer/.test(m)) inFlight--;
		}
		expect(most).toBe(3);
	});

	it('pulls only missing layers: after debian:trixie-slim, nginx\'s base layer "Already exists"; a second pull is up to date', () => {
		const e = testEngine('d1b');
		sh(e, 'docker pull debian:trixie-slim');
		const r = sh(e, 'docker pull nginx');
		expect(r.lines.filter((l) => l.endsWith('Already exists'))).toHaveLength(1);
		expect(r.lines.filter((l) => l.endsWith('Pull complete'))).toHaveLength(6);
		const from = e.sim.trace.size;
		expect(sh(e, 'docker pull nginx').lines).toContain('Status: Image is up to date for nginx:latest');
		expect(messagesSince(e, from).filter((m) => /GET \/v2\/.*\/(blobs|manifests)\//.test(m))).toEqual([]);
	});

	it.each([
		['docker pull nosuchimage', "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"],
		['docker pull nginx:nosuchtag', 'Error response from daemon: manifest for nginx:nosuchtag not found: manifest unknown: manifest unknown'],
		['docker pull Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
		['docker pull quay.io/x/y', 'Error response from daemon: Get "https://quay.io/v2/": dial tcp: lookup quay.io: no such host']
	])('%s fails as docker does', (line, message) => {
		const r = sh(testEngine('errors'), line);
		expect(r.code).toBe(1);
		expect(r.lines.at(-1)).toBe(message);
	});

	it('over the anonymous limit Docker Hub answers 429, and the CLI says so', () => {
		const e = testEngine('limit', { hub: { limits: { anonymous: 1, user: 1 } } });
		sh(e, 'docker pull alpine');
		expect(sh(e, 'docker pull busybox').text).toMatch(/toomanyrequests: You have reached your unauthenticated pull rate limit/);
	});
});

describe('docker run -d --name web -p 8080:80 nginx', () => {
	it('create → 201; wait (next-exit) before start; runc create, libnetwork, runc start; start answers 204; the CLI prints the full ID', () => {
		const e = testEngine('d1');
		sh(e, 'docker pull nginx');
		const from = e.sim.trace.size;
		const r = sh(e, 'docker run -d --name web -p 8080:80 nginx');
		expect(r.code).toBe(0);
		expect(r.text).toMatch(/^[0-9a-f]{64}$/);
		const id = r.text.slice(0, 12);
		expect(messagesSince(e, from)).toEqual([
			'cli → dockerd: POST /containers/create?name=web (Image nginx, PortBindings 80/tcp → 8080)',
			"dockerd → img-nginx: prepare web's writable layer on top of the 7 image layers",
			`dockerd → cli: 201 Created {"Id":"${id}…","Warnings":[]}`,
			`cli → dockerd: POST /containers/${id}…/wait?condition=next-exit (long-poll)`,
			`cli → dockerd: POST /containers/${id}…/start`,
			'dockerd → containerd: gRPC: create container web and its task (OCI spec: namespaces, cgroup, mounts)',
			'containerd → runc: shim → runc create: namespaces, cgroup, root filesystem (image layers + writable layer)',
			'runc → ctr-web: first process created, waiting to be started',
			'containerd → dockerd: task created (pid 4242)',
			"dockerd → bridge: libnetwork: veth pair, one end on docker0, the other into web's namespace as eth0",
			'dockerd → bridge: libnetwork: eth0 = 172.17.0.2/16, gateway 172.17.0.1 (docker0)',
			'dockerd → bridge: libnetwork: publish 8080, NAT rule host:8080 → 172.17.0.2:80; docker-proxy listens on 0.0.0.0:8080 and [::]:8080',
			'bridge → ctr-web: eth0 (172.17.0.2) is up inside web',
			'dockerd → containerd: gRPC: start task web',
			'containerd → runc: shim → runc start',
			"runc → ctr-web: exec /docker-entrypoint.sh nginx -g 'daemon off;' as PID 1",
			'containerd → dockerd: task web started',
			'dockerd → cli: 204 No Content'
		]);
	});

	it('without a pull first: create → 404, "Unable to find image", the pull, then create again', () => {
		const e = testEngine('no-image');
		const r = sh(e, 'docker run -d --name web nginx');
		expect(r.lines[0]).toBe("Unable to find image 'nginx:latest' locally");
		expect(r.lines[1]).toBe('latest: Pulling from library/nginx');
		expect(r.lines.at(-1)).toMatch(/^[0-9a-f]{64}$/);
		const cli = messagesSince(e, 0).filter((m) => m.startsWith('cli → ') || m.startsWith('dockerd → cli: 4') || m.startsWith('dockerd → cli: 2'));
		expect(cli.slice(0, 4)).toEqual(['cli → dockerd: POST /containers/create?name=web (Image nginx)', 'dockerd → cli: 404 No such image: nginx:latest', 'cli → dockerd: POST /images/create?fromImage=nginx&tag=latest', 'dockerd → cli: 200 OK (stream finished)']);
		expect(cli[4]).toBe('cli → dockerd: POST /containers/create?name=web (retry)');
	});
});
