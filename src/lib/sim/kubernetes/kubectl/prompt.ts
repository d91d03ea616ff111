// The kubectl prompt over a running cluster: a line is parsed, then run as a user action (the
// trace's `[user] kubectl …` note, which every request it sends is caused by), its output printed to
// the terminal as the answers arrive in simulated time. Bad input prints a message; nothing throws.
import type { ApiClient } from '../client';
import { DEFAULT_EPOCH, type ControlPlane } from '../control-plane';
import { apply } from './apply';
import type { Command } from './command';
import type { Handled, HandlerContext, LogsSource } from './context';
import { describe } from './describe';
import { get } from './get';
import { cordon, drain } from './nodes';
import type { Running, Terminal } from './output';
import { parseCommand } from './parse';
import { rollout } from './rollout';
import { SUPPORTED, VERBS } from './vocabulary';
import { createDeployment, del, expose, logs, scale, setImage } from './write';

export interface PromptOptions {
	cp: ControlPlane;
	/** Who kubectl speaks as (default `cp.client('kubectl')`, the cluster admin, so cordon and drain work). */
	client?: ApiClient;
	/** The cluster's epoch (default DEFAULT_EPOCH), for AGE columns. */
	epochMs?: number;
	/** `kubectl logs`: the lead connects the cluster's `pods/<p>/log` here. */
	logs?: LogsSource;
	/** `kubectl apply -f NAME`: `-` is the editor's text; other names are presets. */
	files?: (name: string) => string | undefined;
}

export interface KubectlPrompt {
	/** Runs one line; returns a handle to stop a command that keeps going (`-w`, `rollout status`, a wait). */
	run(line: string, term: Terminal): Running;
}

const NOTHING: Running = { stop: () => undefined };

export function makePrompt(options: PromptOptions): KubectlPrompt {
	const { cp } = options;
	const client = options.client ?? cp.client('kubectl');
	const epochMs = options.epochMs ?? DEFAULT_EPOCH;
	return {
		run(line, term) {
			const parsed = parseCommand(line);
			if (!parsed.ok) {
				term.err(parsed.error);
				term.done(1);
				return NOTHING;
			}
			if (parsed.command.verb === 'help') {
				term.out(help(parsed.command.topic));
				term.done(0);
				return NOTHING;
			}
			const command = parsed.command;
			const ctx: HandlerContext = {
				cp,
				client,
				term,
				now: () => epochMs + cp.sim.now,
				after: (ms, fn) => cp.sim.queue.schedule({ after: ms }, fn),
				logs: options.logs,
				files: options.files
			};
			const text = line.trim().startsWith('kubectl') ? line.trim() : `kubectl ${line.trim()}`;
			let handled: Handled = undefined;
			try {
				handled = cp.action(text, () => dispatch(command, ctx));
			} catch (e) {
				// A handler bug reaches the learner as a message, never as a broken page.
				term.err(`error: ${e instanceof Error ? e.message : String(e)}`);
				term.done(1);
			}
			return handled ?? NOTHING;
		}
	};
}

function dispatch(command: Command, ctx: HandlerContext): Handled {
	switch (command.verb) {
		case 'get':
			return get(command, ctx);
		case 'describe':
			return describe(command, ctx);
		case 'create deployment':
			return createDeployment(command, ctx);
		case 'scale':
			return scale(command, ctx);
		case 'set image':
			return setImage(command, ctx);
		case 'rollout':
			return rollout(command, ctx);
		case 'expose':
			return expose(command, ctx);
		case 'delete':
			return del(command, ctx);
		case 'cordon':
		case 'uncordon':
			return cordon(command, ctx);
		case 'drain':
			return drain(command, ctx);
		case 'logs':
			return logs(command, ctx);
		case 'apply':
			return apply(command, ctx);
		case 'help':
			return;
	}
}

/** `kubectl --help` here: what the prompt supports, or one verb's usage and flags. */
export function help(topic?: string): string {
	const spec = topic ? (VERBS[topic] ?? VERBS[`${topic} deployment`] ?? VERBS[`${topic} image`]) : undefined;
	if (spec) return [`Usage: ${spec.usage}`, ...(spec.flags.length ? ['Flags:', ...spec.flags.map((f) => `  ${f.hint}`)] : [])].join('\n');
	return ['kubectl controls the simulated cluster: every command becomes the API requests real kubectl sends.', '', ...Object.values(VERBS).map((v) => `  ${v.usage}`), '', SUPPORTED].join('\n');
}
