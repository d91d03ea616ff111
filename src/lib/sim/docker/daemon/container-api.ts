// The container routes of the Engine API: create, start, stop, kill, restart, wait, remove, list,
// inspect, logs and attach. `exec` is in exec.ts, `commit` in commit.ts.
import type { Exchange, HttpRequest } from '../http';
import { familiarName, parseReference } from '../reference';
import { commit } from './commit';
import { newId, newName, type Container, type PortBinding } from './container';
import type { DaemonContext } from './context';
import { fail, noSuchContainer } from './errors';
import { ExecApi } from './exec';
import type { Signal } from './programs';
import { Runtime } from './runtime';

/** What `docker create`/`run` sends: the fields of the real ContainerCreateRequest the simulator uses. */
export interface CreateBody {
	Image: string;
	Cmd?: string[];
	Entrypoint?: string[];
	Tty?: boolean;
	OpenStdin?: boolean;
	HostConfig?: { PortBindings?: Record<string, { HostPort: string }[]>; Init?: boolean };
}

export class ContainerApi {
	readonly runtime: Runtime;
	private readonly list: Container[] = [];
	private readonly exec: ExecApi;

	constructor(private readonly ctx: DaemonContext) {
		this.runtime = new Runtime(ctx, () => this.list);
		this.exec = new ExecApi(ctx, (ref) => this.find(ref));
	}

	get all(): readonly Container[] {
		return this.list;
	}

	/** A container by name, full ID or unique ID prefix. */
	find(ref: string): Container | undefined {
		const name = ref.replace(/^\//, '');
		const byName = this.list.find((c) => c.name === name);
		if (byName || !/^[0-9a-f]+$/.test(ref)) return byName;
		const byId = this.list.filter((c) => c.id.startsWith(ref));
		return byId.length === 1 ? byId[0] : undefined;
	}

	route(req: HttpRequest, path: string, q: URLSearchParams, ex: Exchange): boolean {
		if (this.exec.route(req, path, ex)) return true;
		if (req.method === 'POST' && path === '/commit') return commit(this.ctx, (ref) => this.find(ref), q, ex), true;
		if (req.method === 'POST' && path === '/containers/create') return this.create(req.body as CreateBody, q.get('name'), ex), true;
		if (req.method === 'GET' && path === '/containers/json') return this.json(q.get('all') === '1', ex), true;
		const m = path.match(/^\/containers\/([^/]+)(?:\/(start|stop|kill|restart|wait|attach|json|logs))?$/);
		if (!m) return false;
		const [, ref, op] = m as unknown as [string, string, string | undefined];
		const c = this.find(ref);
		if (!c) return fail(ex, 404, noSuchContainer(ref)), true;
		const ok = () => ex.reply({ status: 204 });
		const notModified = () => ex.reply({ status: 304, summary: `304 Not Modified (${c.name} is already ${c.state === 'running' ? 'running' : 'stopped'})` });
		const { runtime } = this;
		switch (req.method === 'DELETE' ? 'rm' : op) {
			case 'start':
				if (c.state === 'running') return notModified(), true;
				return runtime.start(c, (error) => (error ? fail(ex, 500, error) : ok())), true;
			case 'stop':
				if (c.state !== 'running') return notModified(), true;
				return runtime.stop(c, ok), true;
			case 'restart':
				return runtime.stop(c, () => runtime.start(c, (error) => (error ? fail(ex, 500, error) : ok()))), true;
			case 'kill': {
				if (c.state !== 'running') return fail(ex, 409, `Cannot kill container: ${ref}: container ${c.id} is not running`), true;
				const signal = (q.get('signal') ?? 'SIGKILL') as Signal;
				return runtime.kill(c, signal, ok), true;
			}
			case 'wait':
				c.waiters.push((code) => ex.reply({ status: 200, body: { StatusCode: code }, summary: `200 {"StatusCode":${code}}` }));
				return true;
			case 'attach':
				// The connection stays open: the process's output streams back, and the answer ends it at exit.
				c.attached.push((line) => ex.progress(`output: ${line}`, { status: line }));
				c.waiters.push(() => ex.reply({ status: 200, summary: '200 OK (the stream ends: the container exited)' }));
				return true;
			case 'json':
				return ex.reply({ status: 200, body: c, summary: `200: ${c.name}, ${c.state}` }), true;
			case 'logs':
				return ex.reply({ status: 200, body: c.logs, summary: `200: ${c.logs.length} log lines` }), true;
			case 'rm':
				return this.remove(c, q.get('force') === '1', ex), true;
		}
		return false;
	}

	private create(body: CreateBody, name: string | null, ex: Exchange): void {
		const image = this.ctx.store.resolve(body.Image);
		if (!image) {
			const ref = (() => {
				try {
					return parseReference(body.Image);
				} catch {
					return undefined;
				}
			})();
			return fail(ex, 404, `No such image: ${ref ? `${familiarName(ref)}:${ref.tag ?? 'latest'}` : body.Image}`);
		}
		if (name && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return fail(ex, 400, `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
		const clash = name ? this.list.find((c) => c.name === name) : undefined;
		if (clash)
			return fail(ex, 409, `Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
		const config = this.ctx.store.config(image).config;
		const entrypoint = body.Entrypoint ?? config.Entrypoint ?? [];
		// A command given on the command line replaces the image's CMD, not its ENTRYPOINT.
		const cmd = body.Cmd?.length ? body.Cmd : body.Entrypoint ? [] : (config.Cmd ?? []);
		const ports: PortBinding[] = Object.entries(body.HostConfig?.PortBindings ?? {}).flatMap(([port, hosts]) => hosts.map((h) => ({ host: Number(h.HostPort), container: port })));
		const rng = this.ctx.sim.rng.fork(`container-${this.list.length + 1}`);
		const c: Container = {
			id: newId(rng),
			name: name ?? newName(rng, (n) => this.list.some((x) => x.name === n)),
			image: body.Image,
			imageTarget: image.target,
			argv: [...entrypoint, ...cmd],
			stopSignal: config.StopSignal ?? 'SIGTERM',
			exposed: [...new Set([...Object.keys(config.ExposedPorts ?? {}), ...ports.map((p) => p.container)])],
			ports,
			init: body.HostConfig?.Init === true,
			interactive: body.OpenStdin === true,
			created: this.ctx.sim.now,
			state: 'created',
			exitCode: 0,
			writable: new Map(),
			logs: [],
			waiters: [],
			attached: []
		};
		this.list.push(c);
		const layers = this.ctx.store.layers(image).length;
		this.ctx.send(this.ctx.self, this.ctx.imageComponent(familiarName(parseReference(body.Image))), 'data', `prepare ${c.name}'s writable layer on top of the ${layers} image layers`, () =>
			ex.reply({ status: 201, body: { Id: c.id, Warnings: [] }, summary: `201 Created {"Id":"${c.id.slice(0, 12)}…","Warnings":[]}` })
		);
	}

	private json(all: boolean, ex: Exchange): void {
		const shown = this.list.filter((c) => all || c.state === 'running').reverse();
		const running = shown.filter((c) => c.state === 'running').length;
		const what = all ? `${shown.length} ${shown.length === 1 ? 'container' : 'containers'} (${running} running, ${shown.length - running} not)` : `${shown.length} running`;
		ex.reply({ status: 200, body: shown, summary: `200: ${what}` });
	}

	private remove(c: Container, force: boolean, ex: Exchange): void {
		if (c.state === 'running' && !force)
			return fail(ex, 409, `cannot remove container "${c.name}": container is running: stop the container before removing or force remove`);
		const drop = () =>
			this.ctx.send(this.ctx.self, 'containerd', 'request', `delete container ${c.name} and its writable layer`, () => {
				this.list.splice(this.list.indexOf(c), 1);
				ex.reply({ status: 204 });
			});
		if (c.state === 'running') this.runtime.kill(c, 'SIGKILL', drop);
		else drop();
	}
}
