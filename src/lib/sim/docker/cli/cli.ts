// The docker command: parses a line and runs it as Engine API calls. It holds nothing of the
// daemon's: what it prints comes from the answers (and the progress streamed with them).
import type { Sim } from '../../core/sim';
import type { EngineClient } from './api';
import { parseDocker } from './args';
import { each, exec, logs, ps, run, type CliContext } from './containers';
import { commit, history, images, login, pull, push, rmi, tag } from './images';
import { Output, type CommandResult, type Finish } from './output';

export class Cli {
	/** Commands with their own module (build), added by whoever assembles the engine. */
	readonly extra = new Map<string, (ctx: CliContext, p: import('./args').Parsed, finish: Finish) => void>();

	constructor(
		private readonly sim: Sim,
		readonly api: EngineClient,
		private readonly wallClock: () => number
	) {}

	/** Runs a command line; `done` gets the output and exit status when the command ends. Returns the output so far (live). */
	run(line: string, done: (r: CommandResult) => void): Output {
		const out = new Output();
		this.dispatch(line, out, done);
		return out;
	}

	private dispatch(line: string, out: Output, done: (r: CommandResult) => void): void {
		const ctx: CliContext = { api: this.api, out, now: () => this.sim.now };
		const finish: Finish = (exitCode) => done({ output: out.lines, exitCode });
		const p = parseDocker(line);
		if ('error' in p) {
			out.print(p.error);
			return finish(p.status);
		}
		const wall = this.wallClock;
		const table: Record<string, () => void> = {
			run: () => run(ctx, p, finish),
			create: () => run(ctx, p, finish),
			start: () => each(ctx, p, finish),
			stop: () => each(ctx, p, finish),
			restart: () => each(ctx, p, finish),
			kill: () => each(ctx, p, finish),
			rm: () => each(ctx, p, finish),
			exec: () => exec(ctx, p, finish),
			logs: () => logs(ctx, p, finish),
			ps: () => ps(ctx, p, finish),
			pull: () => pull(ctx, p, finish),
			push: () => push(ctx, p, finish),
			images: () => images(ctx, p, wall, finish),
			history: () => history(ctx, p, wall, finish),
			rmi: () => rmi(ctx, p, finish),
			tag: () => tag(ctx, p, finish),
			commit: () => commit(ctx, p, finish),
			login: () => login(ctx, p, finish)
		};
		const extra = this.extra.get(p.command);
		if (extra) return extra(ctx, p, finish);
		const command = table[p.command];
		if (command) return command();
		out.print(`docker ${p.command} is not simulated yet.`);
		finish(1);
	}
}
