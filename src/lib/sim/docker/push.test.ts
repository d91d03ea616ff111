import { describe, expect, it } from 'vitest';
import { messagesSince, sh, testEngine, WHALE_DOCKERFILE } from './testing';

// Push and pull message sequences against the distribution spec (opencontainers/distribution-spec
// spec.md "Pushing blobs", "Mounting a blob from another repository", "Pushing Manifests").
function built() {
	const e = testEngine('push');
	e.files.set('Dockerfile', WHALE_DOCKERFILE);
	expect(sh(e, 'docker build -t docker-whale .').code).toBe(0);
	return e;
}

describe('docker push to Docker Hub', () => {
	it('without a login the token grants nothing and the push is denied', () => {
		const e = built();
		sh(e, 'docker tag docker-whale student/docker-whale');
		const r = sh(e, 'docker push student/docker-whale');
		expect(r.code).toBe(1);
		expect(r.lines.at(-1)).toBe('denied: requested access to the resource is denied');
	});

	it('first push: a new repository answers 404 to every HEAD; the base layer is mounted from library/debian, ours uploaded (POST, PUT), then the manifest PUT', () => {
		const e = built();
		sh(e, 'docker tag docker-whale student/docker-whale');
		expect(sh(e, 'docker login -u student -p pat').lines.at(-1)).toBe('Login Succeeded');
		const from = e.sim.trace.size;
		const r = sh(e, 'docker push student/docker-whale');
		expect(r.code).toBe(0);
		expect(r.lines[0]).toBe('Using default tag: latest');
		expect(r.lines[1]).toBe('The push refers to repository [docker.io/student/docker-whale]');
		expect(r.lines.slice(2, 4).map((l) => l.replace(/^[0-9a-f]{12}: /, ''))).toEqual(['Pushed', 'Mounted from library/debian']);
		expect(r.lines[4]).toMatch(/^latest: digest: sha256:[0-9a-f]{64} size: \d+$/);
		const toHub = messagesSince(e, from).filter((m) => m.startsWith('dockerd → hub') || m.startsWith('hub → dockerd'));
		const shape = toHub.map((m) => m.replace(/sha256:[0-9a-f]{12}…/g, 'D').replace(/uploads\/u\d+/g, 'uploads/U').replace(/ \([^)]*\)$/, ''));
		expect(shape).toEqual([
			'dockerd → hub: HEAD /v2/student/docker-whale/blobs/D',
			'hub → dockerd: 401 Unauthorized, WWW-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:student/docker-whale:pull"',
			'dockerd → hub: GET auth.docker.io/token?service=registry.docker.io&scope=repository:student/docker-whale:pull,push&scope=repository:library/debian:pull',
			'hub → dockerd: 200: bearer token for student',
			'dockerd → hub: HEAD /v2/student/docker-whale/blobs/D',
			'hub → dockerd: 404 Not Found',
			'dockerd → hub: POST /v2/student/docker-whale/blobs/uploads/',
			'hub → dockerd: 202 Accepted, Location: /v2/student/docker-whale/blobs/uploads/U',
			'dockerd → hub: PUT /v2/student/docker-whale/blobs/uploads/U?digest=D',
			'hub → dockerd: 201 Created',
			'dockerd → hub: HEAD /v2/student/docker-whale/blobs/D',
			'hub → dockerd: 404 Not Found',
			'dockerd → hub: POST /v2/student/docker-whale/blobs/uploads/?mount=D&from=library/debian',
			'hub → dockerd: 201 Created',
			'dockerd → hub: HEAD /v2/student/docker-whale/blobs/D',
			'hub → dockerd: 404 Not Found',
			'dockerd → hub: POST /v2/student/docker-whale/blobs/uploads/',
			'hub → dockerd: 202 Accepted, Location: /v2/student/docker-whale/blobs/uploads/U',
			'dockerd → hub: PUT /v2/student/docker-whale/blobs/uploads/U?digest=D',
			'hub → dockerd: 201 Created',
			'dockerd → hub: HEAD /v2/student/docker-whale/manifests/latest',
			'hub → dockerd: 404 Not Found',
			'dockerd → hub: PUT /v2/student/docker-whale/manifests/latest',
			'hub → dockerd: 201 Created'
		]);
	});

	it('pushing again uploads nothing: every HEAD is 200 ("Layer already exists") and the tag already names the manifest', () => {
		const e = built();
		sh(e, 'docker tag docker-whale student/docker-whale');
		sh(e, 'docker login -u student -p pat');
		const first = sh(e, 'docker push student/docker-whale');
		const from = e.sim.trace.size;
		const again = sh(e, 'docker push student/docker-whale');
		expect(again.lines.filter((l) => /^[0-9a-f]{12}: /.test(l)).map((l) => l.slice(14))).toEqual(['Layer already exists', 'Layer already exists']);
		expect(again.lines.at(-1)).toBe(first.lines.at(-1));
		const sent = messagesSince(e, from).filter((m) => m.startsWith('dockerd → hub'));
		expect(sent.filter((m) => /: (POST|PUT) /.test(m))).toEqual([]);
	});
	it('a blob that came with two repositories is mounted as containerd chooses: of the sorted sources, the later on a tie (library/nginx over library/debian)', () => {
		// Built first, nginx pulled after: the order the sources were learnt in is not what decides.
		const e = testEngine('push');
		e.files.set('Dockerfile', WHALE_DOCKERFILE);
		sh(e, 'docker build -t docker-whale .');
		sh(e, 'docker pull nginx');
		sh(e, 'docker tag docker-whale student/docker-whale');
		sh(e, 'docker login -u student -p pat');
		const r = sh(e, 'docker push student/docker-whale');
		expect(r.lines.filter((l) => /Mounted from/.test(l)).map((l) => l.slice(14))).toEqual(['Mounted from library/nginx']);
	});

	it('docker build takes --provenance=false (what the simulator exports: one manifest) and names what it supports otherwise', () => {
		const e = testEngine('push');
		e.files.set('Dockerfile', WHALE_DOCKERFILE);
		expect(sh(e, 'docker build --provenance=false -t docker-whale .').code).toBe(0);
		const r = sh(e, 'docker build --provenance=mode=max -t docker-whale .');
		expect(r.code).toBe(1);
		expect(r.text).toMatch(/--provenance=false/);
	});
});

describe('push to Azure Container Registry after az acr login', () => {
	it('az acr login checks Docker, exchanges the Entra token, runs docker login; the push asks /oauth2/token for a scoped token', () => {
		const e = built();
		expect(sh(e, 'az acr login -n myreg').text).toBe("Please run 'az login' to setup account.");
		sh(e, 'az login');
		const from = e.sim.trace.size;
		expect(sh(e, 'az acr login -n myreg').text).toBe('Login Succeeded');
		const login = messagesSince(e, from).map((m) => m.replace(/acr-refresh\.\d+/, 'T'));
		expect(login.slice(0, 6)).toEqual([
			'az → cli: docker ps (is Docker installed and the daemon running?)',
			'cli → dockerd: GET /containers/json',
			'dockerd → cli: 200: 0 running',
			'az → acr: POST /oauth2/exchange (grant_type=access_token, Entra token)',
			'acr → az: ACR refresh token (3 hours)',
			'az → cli: docker login --username 00000000-0000-0000-0000-000000000000 --password <token> myreg.azurecr.io'
		]);
		sh(e, 'docker tag docker-whale myreg.azurecr.io/docker-whale:v1');
		const push = e.sim.trace.size;
		const r = sh(e, 'docker push myreg.azurecr.io/docker-whale:v1');
		expect(r.code).toBe(0);
		// No mount from Docker Hub: a mount only works inside one registry.
		expect(r.lines.filter((l) => /^[0-9a-f]{12}: /.test(l)).map((l) => l.slice(14))).toEqual(['Pushed', 'Pushed']);
		expect(messagesSince(e, push)).toContain('dockerd → acr: POST /oauth2/token (stored ACR token; scope repository:docker-whale:pull,push)');
	});

	it('a registry the scene does not have fails as an unknown host would', () => {
		const e = built();
		sh(e, 'docker tag docker-whale other.azurecr.io/docker-whale');
		expect(sh(e, 'docker push other.azurecr.io/docker-whale').text).toMatch(/lookup other\.azurecr\.io: no such host/);
	});
});
