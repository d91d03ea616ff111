// docker pull, push, images, history, rmi, tag and login.
import { familiarName, fullName, parseReference, type Reference } from '../reference';
import { messageOf } from './api';
import type { Parsed } from './args';
import type { CliContext } from './containers';
import { HISTORY_HEADER, historyRows, imageRow, IMAGES_HEADER, table, type ImageRow } from './format';
import type { Finish } from './output';
import type { ImageConfig } from '../oci';

const parse = (ctx: CliContext, text: string, finish: Finish): Reference | undefined => {
	try {
		return parseReference(text);
	} catch (e) {
		ctx.out.print((e as Error).message);
		finish(1);
		return undefined;
	}
};

/** POST /images/create with the progress drawn; `done(true)` once the stream ends well. */
export function pullInto(ctx: CliContext, ref: Reference, printName: boolean, done: (ok: boolean) => void): void {
	const name = familiarName(ref);
	const path = `/images/create?fromImage=${name}&tag=${ref.tag ?? ref.digest}`;
	ctx.api.call(
		{ method: 'POST', path, headers: ctx.api.authFor(name) },
		(res) => {
			if (res.status !== 200) {
				ctx.out.daemonError(messageOf(res));
				return done(false);
			}
			if (printName) ctx.out.print(fullName(ref));
			done(true);
		},
		(p) => ctx.out.progress(p)
	);
}

export function pull(ctx: CliContext, p: Parsed, finish: Finish): void {
	const ref = parse(ctx, p.args[0]!, finish);
	if (!ref) return;
	if (!/:[\w.-]+$|@/.test(p.args[0]!.split('/').pop()!)) ctx.out.print('Using default tag: latest');
	pullInto(ctx, ref, true, (ok) => finish(ok ? 0 : 1));
}

export function push(ctx: CliContext, p: Parsed, finish: Finish): void {
	const ref = parse(ctx, p.args[0]!, finish);
	if (!ref) return;
	if (!/:[\w.-]+$/.test(p.args[0]!.split('/').pop()!)) ctx.out.print('Using default tag: latest');
	const name = familiarName(ref);
	ctx.api.call(
		{ method: 'POST', path: `/images/${name}/push?tag=${ref.tag ?? 'latest'}`, headers: ctx.api.authFor(name), note: ctx.api.authFor(name)['x-registry-auth'] ? 'X-Registry-Auth' : undefined },
		(res) => {
			if (res.status !== 200) return ctx.out.print(messageOf(res)), finish(1);
			finish(0);
		},
		(pr) => ctx.out.progress(pr)
	);
}

export function images(ctx: CliContext, p: Parsed, wallClock: () => number, finish: Finish): void {
	const format = p.flags.format;
	if (format !== undefined && format !== 'table') return ctx.out.print(`The simulator prints --format table only (got ${JSON.stringify(format)}).`), finish(1);
	const filter = p.flags.filter;
	if (filter !== undefined && filter !== 'dangling=true') return ctx.out.print('The simulator filters on dangling=true only.'), finish(1);
	ctx.api.call({ method: 'GET', path: `/images/json${filter ? '?filters={"dangling":["true"]}' : ''}` }, (res) => {
		const rows = (res.body as ImageRow[]).filter((r) => !filter || r.repository === '<none>');
		if (p.flags.quiet) ctx.out.print(...[...new Set(rows.map((r) => r.image.target.slice(7, 19)))]);
		else ctx.out.print(...table(IMAGES_HEADER, rows.map((r) => imageRow(r, wallClock()))));
		finish(0);
	});
}

export function history(ctx: CliContext, p: Parsed, wallClock: () => number, finish: Finish): void {
	ctx.api.call({ method: 'GET', path: `/images/${p.args[0]}/history` }, (res) => {
		if (res.status !== 200) return ctx.out.daemonError(messageOf(res)), finish(1);
		const { config, id, layerSizes } = res.body as { config: ImageConfig; id: string; layerSizes: number[] };
		ctx.out.print(...table(HISTORY_HEADER, historyRows(id, config, layerSizes, wallClock())));
		finish(0);
	});
}

export function rmi(ctx: CliContext, p: Parsed, finish: Finish): void {
	const refs = [...p.args];
	let status = 0;
	const next = () => {
		const ref = refs.shift();
		if (ref === undefined) return finish(status);
		ctx.api.call({ method: 'DELETE', path: `/images/${ref}${p.flags.force ? '?force=1' : ''}` }, (res) => {
			if (res.status === 200) ctx.out.print(...(res.body as string[]));
			else {
				ctx.out.daemonError(messageOf(res));
				status = 1;
			}
			next();
		});
	};
	next();
}

export function tag(ctx: CliContext, p: Parsed, finish: Finish): void {
	const target = parse(ctx, p.args[1]!, finish);
	if (!target) return;
	ctx.api.call({ method: 'POST', path: `/images/${p.args[0]}/tag?repo=${familiarName(target)}&tag=${target.tag ?? 'latest'}` }, (res) => {
		if (res.status !== 201) return ctx.out.daemonError(messageOf(res)), finish(1);
		finish(0);
	});
}

/** docker commit: POST /commit; prints the new image's full ID (sha256:…), as docker/cli commit.go does. */
export function commit(ctx: CliContext, p: Parsed, finish: Finish): void {
	const target = p.args[1] ? parse(ctx, p.args[1], finish) : undefined;
	if (p.args[1] && !target) return;
	const name = target ? `&repo=${familiarName(target)}&tag=${target.tag ?? 'latest'}` : '';
	ctx.api.call({ method: 'POST', path: `/commit?container=${p.args[0]}${name}` }, (res) => {
		if (res.status !== 201) return ctx.out.daemonError(messageOf(res)), finish(1);
		ctx.out.print((res.body as { Id: string }).Id);
		finish(0);
	});
}

export function login(ctx: CliContext, p: Parsed, finish: Finish): void {
	const username = p.flags.username;
	const password = p.flags.password;
	if (typeof username !== 'string' || typeof password !== 'string')
		return ctx.out.print('The simulator cannot prompt: give both --username (-u) and --password (-p).'), finish(1);
	const server = p.args[0] ?? 'docker.io';
	ctx.out.print('WARNING! Using --password via the CLI is insecure. Use --password-stdin.');
	ctx.api.call({ method: 'POST', path: '/auth', body: { username, password, serveraddress: server }, note: `serveraddress ${server}` }, (res) => {
		if (res.status !== 200) return ctx.out.daemonError(messageOf(res)), finish(1);
		ctx.api.auths.set(server === 'index.docker.io' ? 'docker.io' : server, { username, password });
		ctx.out.print('Login Succeeded');
		finish(0);
	});
}
