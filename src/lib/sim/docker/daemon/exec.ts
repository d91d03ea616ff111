// `docker exec`: create an exec instance in a running container (POST /containers/{id}/exec), start it
// (POST /exec/{id}/start: the connection becomes the process's stream), then read its exit code
// (GET /exec/{id}/json). runc starts the process in the container's existing namespaces, beside PID 1.
import type { Exchange, HttpRequest } from '../http';
import { commandLine, newId, type Container } from './container';
import type { DaemonContext } from './context';
import { fail, noSuchContainer } from './errors';
import { runShell } from './shell';

interface ExecInstance {
	id: string;
	container: Container;
	cmd: string[];
	tty: boolean;
	exitCode?: number;
}

export class ExecApi {
	private readonly execs = new Map<string, ExecInstance>();

	constructor(
		private readonly ctx: DaemonContext,
		private readonly find: (ref: string) => Container | undefined
	) {}

	route(req: HttpRequest, path: string, ex: Exchange): boolean {
		const create = path.match(/^\/containers\/([^/]+)\/exec$/);
		if (create && req.method === 'POST') {
			const c = this.find(create[1]!);
			if (!c) return fail(ex, 404, noSuchContainer(create[1]!)), true;
			if (c.state !== 'running') return fail(ex, 409, `container ${c.id} is not running`), true;
			const body = req.body as { Cmd: string[]; Tty?: boolean };
			const id = newId(this.ctx.sim.rng.fork(`exec-${this.execs.size + 1}`));
			this.execs.set(id, { id, container: c, cmd: body.Cmd, tty: body.Tty === true });
			ex.reply({ status: 201, body: { Id: id }, summary: `201 Created {"Id":"${id.slice(0, 12)}…"}` });
			return true;
		}
		const m = path.match(/^\/exec\/([0-9a-f]+)\/(start|json)$/);
		if (!m) return false;
		const e = this.execs.get(m[1]!);
		if (!e) return fail(ex, 404, `No such exec instance: ${m[1]}`), true;
		if (m[2] === 'json') {
			ex.reply({ status: 200, body: { ExitCode: e.exitCode ?? null, Running: false }, summary: `200 {"ExitCode": ${e.exitCode ?? 'null'}, "Running": false}; ${e.container.name} still ${e.container.state === 'running' ? 'Up' : 'stopped'}` });
			return true;
		}
		this.start(e, ex);
		return true;
	}

	private start(e: ExecInstance, ex: Exchange): void {
		const { send, self } = this.ctx;
		const c = e.container;
		const ctr = this.ctx.containerComponent(c.name);
		send(self, 'containerd', 'request', `exec process ${commandLine(e.cmd)} in task ${c.name}`, () =>
			send('containerd', 'runc', 'request', `runc exec: join ${c.name}'s existing namespaces and cgroup`, () => {
				const result = runShell(c, e.cmd);
				if (result.notFound) {
					e.exitCode = 127;
					const message = `OCI runtime exec failed: exec failed: unable to start container process: ${result.notFound}: unknown`;
					return send('containerd', self, 'response', `error: ${result.notFound}`, () => fail(ex, 500, message));
				}
				// What runs as PID 1 now: /docker-entrypoint.sh has exec'd nginx, so the program's name, not argv[0].
				const pid1 = c.program?.name ?? c.argv[0]?.split('/').pop() ?? 'PID 1';
				send('runc', ctr, 'request', `start ${commandLine(e.cmd)} beside ${pid1} (not PID 1)`, () => {
					e.exitCode = result.exitCode;
					send('containerd', self, 'event', `exec process exit: status ${result.exitCode}`, () =>
						ex.reply({ status: 200, body: result.output, summary: `200: the stream ends (${result.output.length} ${result.output.length === 1 ? 'line' : 'lines'} of output)` })
					);
				});
			})
		);
	}
}
