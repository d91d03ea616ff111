// Test support: a small seeded cluster with the prompt on it, and `run` that types a line and
// advances the simulated clock until the command is done (or a limit), returning what it printed.
import { allComponents } from '../cluster/all-components';
import { startCluster, type Cluster, type ClusterOptions } from '../cluster/cluster';
import { settle, startUp } from '../cluster/settle';
import { recordingTerminal } from './output';
import { makePrompt, type KubectlPrompt, type PromptOptions } from './prompt';

export interface Ran {
	text: string;
	lines: string[];
	/** Undefined while the command is still going (a watch). */
	code?: 0 | 1;
	stop(): void;
}

export interface Sandbox {
	c: Cluster;
	prompt: KubectlPrompt;
	/** Types the line, runs the clock until it is done (at most limitMs of simulated time). */
	run(line: string, limitMs?: number): Ran;
	settle(): number;
	/** The editor's text for `apply -f -`. */
	editor: { text: string };
}

export function sandbox(seed: string, options: Partial<ClusterOptions> = {}, prompt: Partial<PromptOptions> = {}): Sandbox {
	const c = startCluster({ seed, nodeLifecycle: true, endpoints: true, garbageCollector: true, ...options }, allComponents);
	startUp(c);
	const editor = { text: '' };
	const p = makePrompt({ cp: c.cp, files: (name) => (name === '-' ? editor.text : undefined), ...prompt });
	return {
		c,
		prompt: p,
		editor,
		settle: () => settle(c, { limitMs: 600_000 }),
		run(line, limitMs = 60_000) {
			const term = recordingTerminal();
			const handle = p.run(line, term);
			const end = c.cp.sim.now + limitMs;
			while (term.code === undefined && c.cp.sim.now < end) c.cp.sim.queue.runUntil(c.cp.sim.now + 100);
			return {
				get text() {
					return term.text();
				},
				lines: term.lines,
				get code() {
					return term.code;
				},
				stop: () => handle.stop()
			};
		}
	};
}
