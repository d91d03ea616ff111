// dockerd: the Docker Engine API over its socket. Requests come only from the client's HTTP link;
// images are pulled and pushed through HTTP links to registries, containers run through containerd.
// Image routes are here; containers in container-api.ts, builds in build/.
import type { Exchange, Handler, HttpRequest } from '../http';
import { short } from '../oci';
import { familiarName, familiarTagged, parseReference, registryHost, type Reference } from '../reference';
import { ContainerApi } from './container-api';
import type { DaemonContext } from './context';
import { fail } from './errors';
import { ImageStore } from './images';
import { noSuchHost, pullImage } from './pull';
import { pushImage } from './push';
import { Resolver, type Credentials } from './resolver';

const queryOf = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

/** X-Registry-Auth as the CLI sends it (JSON here, base64url JSON in Docker). */
export const credentialsOf = (req: HttpRequest): Credentials | undefined => {
	const raw = req.headers?.['x-registry-auth'];
	const parsed = raw ? (JSON.parse(raw) as { username?: string; password?: string }) : undefined;
	return parsed?.username && parsed.password ? { user: parsed.username, password: parsed.password } : undefined;
};

export class Daemon {
	readonly containers: ContainerApi;
	/** Extra routes (BuildKit's /session and /grpc), added by whoever assembles the engine. */
	readonly routes: ((req: HttpRequest, ex: Exchange) => boolean)[] = [];

	constructor(readonly ctx: DaemonContext) {
		this.containers = new ContainerApi(ctx);
	}

	get store(): ImageStore {
		return this.ctx.store;
	}

	readonly handle: Handler = (req, ex) => {
		const path = req.path.split('?')[0] ?? '';
		const q = queryOf(req.path);
		if (this.routes.some((r) => r(req, ex))) return;
		if (this.containers.route(req, path, q, ex)) return;
		if (req.method === 'POST' && path === '/images/create') return this.pull(req, q, ex);
		if (req.method === 'GET' && path === '/images/json') return this.list(ex);
		if (req.method === 'POST' && path === '/auth') return this.login(req, ex);
		const m = path.match(/^\/images\/(.+?)(?:\/(history|tag|push|json))?$/);
		if (!m) return fail(ex, 404, `page not found: ${req.method} ${path}`);
		const [, name, op] = m as unknown as [string, string, string | undefined];
		// A push names the repository in the path and the tag in the query.
		const lookup = op === 'push' ? `${name}:${q.get('tag') || 'latest'}` : name;
		const image = this.store.resolve(lookup);
		if (!image && op === 'push') return fail(ex, 404, `An image does not exist locally with the tag: ${name}`);
		if (!image) return fail(ex, 404, `No such image: ${/:[\w.-]+$/.test(name.split('/').pop()!) || /^[0-9a-f]{12,}$/.test(name) ? name : `${name}:latest`}`);
		if (req.method === 'DELETE' && !op) return this.remove(name, image.target, q.get('force') === '1', ex);
		if (op === 'history') {
			const config = this.store.config(image);
			const body = { id: image.target, config, layerSizes: this.store.layers(image).map((l) => l.size) };
			return ex.reply({ status: 200, body, summary: `200: ${config.history.length} history entries` });
		}
		if (op === 'json') return ex.reply({ status: 200, body: { Id: image.target, Config: this.store.config(image).config }, summary: `200 {"Id":"${image.target.slice(0, 19)}…"}` });
		if (op === 'tag') return this.tag(name, image.target, q, ex);
		if (op === 'push') return this.push(name, q, req, ex);
		fail(ex, 404, `page not found: ${req.method} ${path}`);
	};

	private pull(req: HttpRequest, q: URLSearchParams, ex: Exchange): void {
		let ref: Reference;
		try {
			ref = parseReference(`${q.get('fromImage') ?? ''}${q.get('tag') ? `:${q.get('tag')}` : ''}`);
		} catch (e) {
			return fail(ex, 400, (e as Error).message);
		}
		pullImage(this.ctx, ref, credentialsOf(req), ex, (r) => ('error' in r ? fail(ex, 404, r.error) : ex.reply({ status: 200, summary: '200 OK (stream finished)' })));
	}

	private list(ex: Exchange): void {
		const rows = this.store.list();
		ex.reply({ status: 200, body: rows, summary: `200: ${rows.length} ${rows.length === 1 ? 'image' : 'images'}` });
	}

	private tag(source: string, target: string, q: URLSearchParams, ex: Exchange): void {
		let ref: Reference;
		try {
			ref = parseReference(`${q.get('repo') ?? ''}:${q.get('tag') || 'latest'}`);
		} catch (e) {
			return fail(ex, 400, (e as Error).message);
		}
		this.store.tag(ref, target);
		this.ctx.send(this.ctx.self, this.ctx.imageComponent(familiarName(parseReference(source))), 'data', `add name ${familiarTagged(ref)} (same image ID)`, () =>
			ex.reply({ status: 201, summary: '201 Created' })
		);
	}

	private push(name: string, q: URLSearchParams, req: HttpRequest, ex: Exchange): void {
		const ref = parseReference(`${name}:${q.get('tag') || 'latest'}`);
		const image = this.store.resolve(familiarTagged(ref))!;
		pushImage(this.ctx, ref, image, credentialsOf(req), ex, (r) => ('error' in r ? fail(ex, 500, r.error) : ex.reply({ status: 200, summary: '200 OK (stream finished)' })));
	}

	private remove(name: string, target: string, force: boolean, ex: Exchange): void {
		const byId = target.slice(7).startsWith(name.replace(/^sha256:/, ''));
		const names = this.store.namesOf(target);
		const user = this.containers.all.find((c) => c.imageTarget === target);
		if (!force && user && (byId || names.length === 1))
			return fail(ex, 409, `conflict: unable to remove repository reference "${name}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${short(target)}`);
		if (byId && names.length > 1 && !force) return fail(ex, 409, `conflict: unable to delete ${short(target)} (must be forced) - image is referenced in multiple repositories`);
		const untagged = byId ? names : [names.find((n) => n === `${parseReference(name).domain}/${parseReference(name).path}:${parseReference(name).tag}`)!];
		for (const n of untagged) this.store.untag(parseReference(n));
		const lines = untagged.map((n) => `Untagged: ${familiarTagged(parseReference(n))}`);
		if (this.store.namesOf(target).length === 0 && !user) {
			this.store.delete(target, this.keep());
			lines.push(`Deleted: ${target}`);
		}
		ex.reply({ status: 200, body: lines, summary: `200: ${lines.join(', ')}` });
	}

	/** `POST /auth`: the daemon checks the credentials with the registry (GET /v2/, a token, GET /v2/ again). */
	private login(req: HttpRequest, ex: Exchange): void {
		const { username, password, serveraddress } = req.body as { username: string; password: string; serveraddress: string };
		const domain = serveraddress === 'index.docker.io' ? 'docker.io' : serveraddress;
		const link = this.ctx.registry(domain);
		if (!link) return fail(ex, 500, noSuchHost(domain));
		new Resolver(link, { user: username, password }).send({ method: 'GET', path: '/v2/' }, (res) => {
			if (res.status === 200) return ex.reply({ status: 200, body: { Status: 'Login Succeeded' }, summary: '200 Login Succeeded' });
			fail(ex, 401, `Get "https://${registryHost(domain)}/v2/": unauthorized: incorrect username or password`);
		});
	}

	/** Blobs the build cache still holds, which rmi must not delete (set by BuildKit). */
	keep: () => Set<string> = () => new Set();
}
