// docker build (BuildKit): open a session, ask the daemon to solve the Dockerfile, print the progress.
// The build context is the directory given (the simulator's machine has one: `.`).
import type { BuildRequest } from '../buildkit/buildkit';
import type { Parsed } from './args';
import type { CliContext } from './containers';
import type { Finish } from './output';

export function build(files: () => Record<string, string>) {
	return (ctx: CliContext, p: Parsed, finish: Finish): void => {
		if (p.args[0] !== '.') return ctx.out.print(`The simulator builds from the current directory: docker build [-t NAME] . (got ${p.args[0]})`), finish(1);
		// Engine 29's builder adds a provenance attestation (an attestation manifest and an index) unless told not
		// to; the simulator exports the one image manifest, which is what --provenance=false gives.
		if (p.flags.provenance !== undefined && p.flags.provenance !== 'false')
			return ctx.out.print('The simulator builds without attestations: leave --provenance out or give --provenance=false.'), finish(1);
		const context = files();
		const name = typeof p.flags.file === 'string' ? p.flags.file : 'Dockerfile';
		const dockerfile = context[name];
		if (dockerfile === undefined) return ctx.out.print(`ERROR: failed to build: failed to solve: failed to read dockerfile: open ${name}: no such file or directory`), finish(1);
		const buildArgs = Object.fromEntries(((p.flags['build-arg'] as string[] | undefined) ?? []).map((a) => [a.split('=')[0], a.split('=').slice(1).join('=')]));
		const body: BuildRequest = { dockerfile, files: context, tags: (p.flags.tag as string[] | undefined) ?? [], buildArgs, noCache: p.flags['no-cache'] === true };
		ctx.api.call({ method: 'POST', path: '/session', note: 'upgrade to a two-way stream' }, () =>
			ctx.api.call(
				{ method: 'POST', path: '/grpc', body, note: `solve ${name}${body.tags.length ? `, tag ${body.tags.join(', ')}` : ''}` },
				(res) => {
					if (res.status === 200) return finish(0);
					ctx.out.print(...((res.body as { lines?: string[] }).lines ?? []));
					finish(1);
				},
				(pr) => ctx.out.print(...pr.status.split('\n'))
			)
		);
	};
}
