// The prompt in the shape the sandbox page holds (modes/sandbox/prompt.ts: `run(line, done)` with the
// whole output once, `complete(line, cursor)` as words), for a page that does not stream. A page that
// streams (`get -w`, `rollout status` line by line) uses makePrompt with a Terminal instead.
import type { Cluster } from '../cluster/cluster';
import { clusterNames, complete } from './complete';
import type { Running } from './output';
import { makePrompt, type PromptOptions } from './prompt';

export interface LinePrompt {
	/**
	 * Runs the line; `done` gets everything it printed (stdout and stderr in order) when it finishes.
	 * `get -w` and `logs -f` do not finish on their own: stop them with the returned handle.
	 */
	run(line: string, done: (output: string) => void): Running;
	complete(line: string, cursor: number): string[];
}

export function linePrompt(c: Cluster, options: Omit<PromptOptions, 'cp'> = {}): LinePrompt {
	const prompt = makePrompt({ cp: c.cp, ...options });
	const names = clusterNames(c);
	return {
		run(line, done) {
			const lines: string[] = [];
			return prompt.run(line, { out: (t) => void lines.push(t), err: (t) => void lines.push(t), done: () => done(lines.join('\n')) });
		},
		complete: (line, cursor) => complete(line, cursor, names).candidates
	};
}
