import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import { Resolver } from '../daemon/resolver';
import { HttpLink, type HttpRequest, type HttpResponse } from '../http';
import { layerOf, MEDIA, parse, type Index, type Manifest } from '../oci';
import { azureContainerRegistry } from './acr';
import { dockerHub } from './hub';
import type { Registry } from './registry';

function setup(registry: Registry, id = 'hub') {
	const sim = new Sim('registry-test');
	const link = new HttpLink(sim, 'dockerd', id, `dockerd-${id}`, registry.handle, { min: 10, max: 10 });
	const call = (req: HttpRequest, resolver?: Resolver): HttpResponse => {
		let out: HttpResponse | undefined;
		(resolver ?? { send: (r: HttpRequest, d: (x: HttpResponse) => void) => link.request(r, d) }).send(req, (r) => (out = r));
		sim.queue.runUntilIdle();
		if (!out) throw new Error('no answer');
		return out;
	};
	return { sim, link, call };
}

describe('Docker Hub (distribution API)', () => {
	it('answers a HEAD without a token with 401 and the challenge for the pull scope', () => {
		const { call } = setup(dockerHub());
		const res = call({ method: 'HEAD', path: '/v2/library/nginx/manifests/latest' });
		expect(res.status).toBe(401);
		expect(res.headers?.['www-authenticate']).toBe('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"');
	});

	it('pulls with an anonymous token: tag → index → linux/amd64 manifest with 7 layers, the first one debian:trixie-slim\'s', () => {
		const hub = dockerHub();
		const { call, link, sim } = setup(hub);
		const r = new Resolver(link, undefined);
		const head = call({ method: 'HEAD', path: '/v2/library/nginx/manifests/latest' }, r);
		expect(head.status).toBe(200);
		const index = parse<Index>(call({ method: 'GET', path: `/v2/library/nginx/manifests/${head.headers!['docker-content-digest']}` }, r).body as never);
		expect(index.manifests.map((m) => m.platform?.architecture)).toEqual(['amd64', 'arm64']);
		const amd64 = index.manifests[0]!.digest;
		const manifest = parse<Manifest>(call({ method: 'GET', path: `/v2/library/nginx/manifests/${amd64}` }, r).body as never);
		expect(manifest.layers).toHaveLength(7);
		const debian = hub.tagged('library/debian', 'trixie-slim')!;
		const debianAmd64 = parse<Index>(hub.blobs.get(debian)!).manifests[0]!.digest;
		expect(manifest.layers[0]!.digest).toBe(parse<Manifest>(hub.blobs.get(debianAmd64)!).layers[0]!.digest);
		const lines = sim.trace.lines().map((l) => l.replace(/^\S+ \S+ /, ''));
		expect(lines.slice(0, 4)).toEqual([
			'dockerd → hub: HEAD /v2/library/nginx/manifests/latest',
			'hub → dockerd: 401 Unauthorized, WWW-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
			'dockerd → hub: GET auth.docker.io/token?service=registry.docker.io&scope=repository:library/nginx:pull (anonymous)',
			'hub → dockerd: 200: bearer token (short-lived)'
		]);
		expect(lines[4]).toBe('dockerd → hub: HEAD /v2/library/nginx/manifests/latest (with the token)');
		expect(lines[5]).toMatch(/^hub → dockerd: 200, Docker-Content-Digest: sha256:[0-9a-f]{12}… \(image index, 2 manifests \(linux\/amd64, linux\/arm64\)\)$/);
	});

	it('denies pull of a repository that does not exist (insufficient scope), and push without a login', () => {
		const { call, link } = setup(dockerHub());
		expect(call({ method: 'HEAD', path: '/v2/library/nope/manifests/latest' }, new Resolver(link, undefined)).status).toBe(401);
		expect(call({ method: 'POST', path: '/v2/student/app/blobs/uploads/' }, new Resolver(link, undefined)).status).toBe(401);
	});

	it('push: 404 for a new blob, upload POST → 202 → PUT → 201, then HEAD 200; a wrong digest is refused', () => {
		const { call, link } = setup(dockerHub({ users: { student: 'pat' } }));
		const r = new Resolver(link, { user: 'student', password: 'pat' }, ['repository:student/app:pull,push']);
		const layer = layerOf('our layer', 1234).blob;
		const blobPath = `/v2/student/app/blobs/${layer.digest}`;
		expect(call({ method: 'HEAD', path: blobPath }, r).status).toBe(404);
		const started = call({ method: 'POST', path: '/v2/student/app/blobs/uploads/' }, r);
		expect(started.status).toBe(202);
		const location = started.headers!.location!;
		const other = layerOf('other bytes', 1).blob;
		expect(call({ method: 'PUT', path: `${location}?digest=${layer.digest}`, body: other }, r).status).toBe(400);
		expect(call({ method: 'PUT', path: `${location}?digest=${layer.digest}`, body: layer }, r).status).toBe(201);
		expect(call({ method: 'HEAD', path: blobPath }, r).status).toBe(200);
	});

	it('mounts a blob from another repository with 201 when the token may pull there, and refuses a manifest whose blobs are missing', () => {
		const hub = dockerHub({ users: { student: 'pat' } });
		const { call, link } = setup(hub);
		const debianIndex = parse<Index>(hub.blobs.get(hub.tagged('library/debian', 'trixie-slim')!)!);
		const base = parse<Manifest>(hub.blobs.get(debianIndex.manifests[0]!.digest)!).layers[0]!.digest;
		const r = new Resolver(link, { user: 'student', password: 'pat' }, ['repository:student/app:push', 'repository:library/debian:pull']);
		const mount = call({ method: 'POST', path: `/v2/student/app/blobs/uploads/?mount=${base}&from=library/debian` }, r);
		expect(mount.status).toBe(201);
		expect(mount.summary).toBe('201 Created (mounted from library/debian, nothing uploaded)');
		const manifest = hub.blobs.get(debianIndex.manifests[0]!.digest)!;
		const put = call({ method: 'PUT', path: '/v2/student/app/manifests/latest', body: manifest }, r);
		expect(put.status).toBe(400);
		expect(put.summary).toMatch(/^400 Bad Request: MANIFEST_BLOB_UNKNOWN sha256:/);
		expect(manifest.mediaType).toBe(MEDIA.manifest);
	});

	it('counts anonymous pulls per client address and answers 429 past the limit (HEADs are free)', () => {
		const { call, link } = setup(dockerHub({ limits: { anonymous: 2, user: 5 } }));
		const r = new Resolver(link, undefined);
		for (let i = 0; i < 5; i++) expect(call({ method: 'HEAD', path: '/v2/library/alpine/manifests/latest' }, r).status).toBe(200);
		expect(call({ method: 'GET', path: '/v2/library/alpine/manifests/latest' }, r).status).toBe(200);
		expect(call({ method: 'GET', path: '/v2/library/alpine/manifests/latest' }, r).status).toBe(200);
		const third = call({ method: 'GET', path: '/v2/library/alpine/manifests/latest' }, r);
		expect(third.status).toBe(429);
		expect(third.summary).toMatch(/unauthenticated pull rate limit/);
	});
});

describe('Azure Container Registry', () => {
	const acr = () => azureContainerRegistry({ name: 'myreg', roles: { 'student@school.edu': 'AcrPush', 'viewer@school.edu': 'AcrPull' } });
	const refresh = (call: (r: HttpRequest) => HttpResponse, who: string) =>
		(call({ method: 'POST', path: '/oauth2/exchange', body: { grant_type: 'access_token', access_token: `entra:${who}` } }).body as { refresh_token: string }).refresh_token;

	it('has no anonymous access: /v2/ challenges with the ACR realm', () => {
		const { call } = setup(acr(), 'acr');
		const res = call({ method: 'GET', path: '/v2/' });
		expect(res.summary).toBe('401 Unauthorized, WWW-Authenticate: Bearer realm="https://myreg.azurecr.io/oauth2/token",service="myreg.azurecr.io"');
	});

	it('exchanges an Entra token for a refresh token, then a scoped access token; AcrPull may not push', () => {
		const { call, link } = setup(acr(), 'acr');
		const pusher = new Resolver(link, { user: '00000000-0000-0000-0000-000000000000', password: refresh(call, 'student@school.edu') });
		expect(call({ method: 'POST', path: '/v2/docker-whale/blobs/uploads/' }, pusher).status).toBe(202);
		const viewer = new Resolver(link, { user: '00000000-0000-0000-0000-000000000000', password: refresh(call, 'viewer@school.edu') });
		expect(call({ method: 'POST', path: '/v2/docker-whale/blobs/uploads/' }, viewer).status).toBe(401);
	});
});
