// docker run, create, start, stop, restart, kill, rm, exec, logs and ps: each a few Engine API calls.
// run = create (pulling first if the daemon has no such image), then attach unless -d, wait
// (condition=next-exit, opened before the start so a quick exit is not missed), and start (docker/cli
// cli/command/container/run.go).
import type { CreateBody } from '../daemon/container-api';
import type { Container } from '../daemon/container';
import { familiarTagged, parseReference } from '../reference';
import { messageOf, type EngineClient } from './api';
import type { Parsed } from './args';
import { psRow, PS_HEADER, table } from './format';
import { pullInto } from './images';
import type { Finish, Output } from './output';

export interface CliContext {
	api: EngineClient;
	out: Output;
	/** Simulated time in ms, for "5 seconds ago". */
	now(): number;
}

function createBody(p: Parsed): CreateBody | string {
	const bindings: Record<string, { HostPort: string }[]> = {};
	for (const spec of (p.flags.publish as string[] | undefined) ?? []) {
		const m = spec.match(/^(?:(\d+):)?(\d+)(\/(?:tcp|udp))?$/);
		if (!m) return `invalid argument "${spec}" for "-p, --publish" flag: the simulator takes HOST:CONTAINER, e.g. -p 8080:80`;
		if (Number(m[1]) > 65535 || Number(m[2]) > 65535) return `invalid port: ${spec}`;
		const key = `${m[2]}${m[3] ?? '/tcp'}`;
		bindings[key] = [...(bindings[key] ?? []), { HostPort: m[1] ?? m[2]! }];
	}
	return {
		Image: p.args[0]!,
		...(p.rest.length ? { Cmd: p.rest } : {}),
		...(typeof p.flags.entrypoint === 'string' ? { Entrypoint: [p.flags.entrypoint] } : {}),
		Tty: p.flags.tty === true,
		OpenStdin: p.flags.interactive === true,
		HostConfig: { PortBindings: bindings, ...(p.flags.init ? { Init: true } : {}) }
	};
}

/** POST /containers/create; on "No such image" pulls as `docker run` does, then tries again. */
function create(ctx: CliContext, p: Parsed, then: (id: string) => void, finish: Finish): void {
	const body = createBody(p);
	const help = `\n\nRun 'docker ${p.command} --help' for more information`;
	if (typeof body === 'string') return ctx.out.print(`docker: ${body}${help}`), finish(125);
	const name = typeof p.flags.name === 'string' ? `?name=${p.flags.name}` : '';
	const note = `Image ${body.Image}${Object.keys(body.HostConfig?.PortBindings ?? {}).length ? `, PortBindings ${Object.entries(body.HostConfig!.PortBindings!).map(([k, v]) => `${k} → ${v.map((h) => h.HostPort).join(', ')}`).join(', ')}` : ''}`;
	const attempt = (retry: boolean) =>
		ctx.api.call({ method: 'POST', path: `/containers/create${name}`, body, note: retry ? 'retry' : note }, (res) => {
			if (res.status === 201) return then((res.body as { Id: string }).Id);
			const message = messageOf(res);
			if (res.status === 404 && message.startsWith('No such image') && !retry) {
				let ref;
				try {
					ref = parseReference(body.Image);
				} catch (e) {
					return ctx.out.print(`docker: ${(e as Error).message}${help}`), finish(125);
				}
				ctx.out.print(`Unable to find image '${familiarTagged(ref)}' locally`);
				return pullInto(ctx, ref, false, (ok) => (ok ? attempt(true) : finish(125)));
			}
			ctx.out.daemonError(message, 'docker: ');
			ctx.out.print(help.trimStart());
			finish(125);
		});
	attempt(false);
}

export function run(ctx: CliContext, p: Parsed, finish: Finish): void {
	create(
		ctx,
		p,
		(id) => {
			if (p.command === 'create') return ctx.out.print(id), finish(0);
			const detach = p.flags.detach === true;
			// Detached, the CLI prints the ID as soon as create answers, before it starts the container (run.go).
			if (detach) ctx.out.print(id);
			if (!detach) ctx.api.call({ method: 'POST', path: `/containers/${id}/attach?stream=1&stdout=1&stderr=1` }, () => {}, (line) => ctx.out.print(line.status));
			let code: number | undefined;
			let started = false;
			const wait = ctx.api.call({ method: 'POST', path: `/containers/${id}/wait?condition=next-exit`, note: 'long-poll' }, (res) => {
				code = (res.body as { StatusCode: number }).StatusCode;
				if (started) finish(code);
			});
			ctx.api.call({ method: 'POST', path: `/containers/${id}/start` }, (res) => {
				if (res.status !== 204) {
					wait.close();
					const message = messageOf(res);
					ctx.out.daemonError(message, 'docker: ');
					return finish(/executable file not found|no such file/.test(message) ? 127 : /permission denied/.test(message) ? 126 : 125);
				}
				started = true;
				if (detach) {
					// The client returns; closing its wait request is all it does.
					wait.close();
					return finish(0);
				}
				if (code !== undefined) finish(code);
			});
		},
		finish
	);
}

/** start, stop, restart, kill, rm: one call per container; the CLI prints each name it was given. */
export function each(ctx: CliContext, p: Parsed, finish: Finish): void {
	const refs = [...p.args];
	let failed: string[] = [];
	const next = () => {
		const ref = refs.shift();
		if (ref === undefined) {
			if (failed.length && p.command === 'start') ctx.out.print(`Error: failed to start containers: ${failed.join(', ')}`);
			return finish(failed.length ? 1 : 0);
		}
		const path =
			p.command === 'rm'
				? { method: 'DELETE' as const, path: `/containers/${ref}${p.flags.force ? '?force=1' : ''}` }
				: { method: 'POST' as const, path: `/containers/${ref}/${p.command}${p.command === 'kill' && typeof p.flags.signal === 'string' ? `?signal=${p.flags.signal}` : ''}` };
		ctx.api.call(path, (res) => {
			if (res.status < 300 || res.status === 304) ctx.out.print(ref);
			else {
				ctx.out.daemonError(messageOf(res));
				failed = [...failed, ref];
			}
			next();
		});
	};
	next();
}

export function ps(ctx: CliContext, p: Parsed, finish: Finish): void {
	ctx.api.call({ method: 'GET', path: `/containers/json${p.flags.all ? '?all=1' : ''}` }, (res) => {
		const list = res.body as Container[];
		if (p.flags.quiet) ctx.out.print(...list.map((c) => c.id.slice(0, 12)));
		else ctx.out.print(...table(PS_HEADER, list.map((c) => psRow(c, ctx.now()))));
		finish(0);
	});
}

export function logs(ctx: CliContext, p: Parsed, finish: Finish): void {
	ctx.api.call({ method: 'GET', path: `/containers/${p.args[0]}/logs?stdout=1&stderr=1` }, (res) => {
		if (res.status !== 200) return ctx.out.daemonError(messageOf(res)), finish(1);
		ctx.out.print(...(res.body as string[]));
		finish(0);
	});
}

export function exec(ctx: CliContext, p: Parsed, finish: Finish): void {
	const ref = p.args[0]!;
	ctx.api.call({ method: 'GET', path: `/containers/${ref}/json`, note: `does ${ref} exist?` }, (info) => {
		if (info.status !== 200) return ctx.out.daemonError(messageOf(info)), finish(1);
		const tty = p.flags.tty === true;
		ctx.api.call({ method: 'POST', path: `/containers/${ref}/exec`, body: { Cmd: p.rest, Tty: tty }, note: `Tty:${tty}, Cmd:${JSON.stringify(p.rest)}` }, (created) => {
			if (created.status !== 201) return ctx.out.daemonError(messageOf(created)), finish(1);
			const id = (created.body as { Id: string }).Id;
			ctx.api.call({ method: 'POST', path: `/exec/${id}/start`, ...(tty ? { note: 'Upgrade: tcp' } : {}) }, (started) => {
				if (started.status !== 200) return ctx.out.print(messageOf(started)), finish(127);
				ctx.out.print(...(started.body as string[]));
				ctx.api.call({ method: 'GET', path: `/exec/${id}/json` }, (r) => finish((r.body as { ExitCode: number }).ExitCode ?? 0));
			});
		});
	});
}
