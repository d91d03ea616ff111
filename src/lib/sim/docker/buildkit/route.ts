// The daemon's build endpoints with BuildKit (the default builder since Engine 23): the CLI opens a
// session (POST /session, upgraded to a two-way stream BuildKit pulls the context through) and asks for
// a solve over gRPC (POST /grpc); the daemon hands it to BuildKit and relays its progress.
import type { DaemonContext } from '../daemon/context';
import type { Exchange, HttpRequest } from '../http';
import type { BuildKit, BuildRequest } from './buildkit';

export function buildRoute(ctx: DaemonContext, buildkit: BuildKit) {
	return (req: HttpRequest, ex: Exchange): boolean => {
		const path = req.path.split('?')[0];
		if (req.method === 'POST' && path === '/session') {
			ex.reply({ status: 101, summary: '101 UPGRADED: the session stream is open' });
			return true;
		}
		if (req.method !== 'POST' || path !== '/grpc') return false;
		const body = req.body as BuildRequest;
		ctx.send(ctx.self, 'buildkit', 'request', `build request${body.tags.length ? ` (tag ${body.tags.join(', ')})` : ''}; pull context files from the client session`, () =>
			buildkit.solve(
				body,
				(lines) => ex.progress(`progress: ${lines.filter(Boolean).at(0)}${lines.filter(Boolean).length > 1 ? ` … ${lines.filter(Boolean).at(-1)!.replace(/^#\d+ /, '')}` : ''}`, { status: lines.join('\n') }),
				(r) =>
					ctx.send('buildkit', ctx.self, 'response', 'error' in r ? `solve failed: ${r.error}` : `solved: ${r.cached} ${r.cached === 1 ? 'step' : 'steps'} cached, ${r.ran} run`, () =>
						'error' in r ? ex.reply({ status: 400, body: { message: r.error, lines: r.lines }, summary: `400 ${r.error}` }) : ex.reply({ status: 200, body: { id: r.id }, summary: '200 OK (stream finished)' })
					)
			)
		);
		return true;
	};
}
