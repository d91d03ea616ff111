// How a command's answer reaches the prompt: lines on stdout or stderr as they arrive in simulated
// time, then `done` once (with kubectl's exit code). Commands that keep going (`get -w`, `rollout
// status`, `logs -f`, the wait after a Pod delete) return a handle the prompt stops (Ctrl+C).
import type { ApiError } from '../apiserver/status';

export interface Terminal {
	out(text: string): void;
	err(text: string): void;
	/** Once, when the command has finished (0: success, 1: an error was printed). */
	done(code: 0 | 1): void;
}

export interface Running {
	/** Ctrl+C: stops a watch or a wait; `done` is not called after it. */
	stop(): void;
}

/**
 * kubectl's text for an API error (cmdutil.CheckErr): `Error from server (NotFound): pods "x" not found`;
 * a 422 reads `The Deployment "x" is invalid: …`.
 */
export function serverError(e: ApiError): string {
	if (e.code === 422) return `The ${e.message}`;
	return `Error from server (${e.reason}): ${e.message}`;
}

/** A terminal that records what was printed (tests, and a caller that wants the whole text at once). */
export function recordingTerminal(): Terminal & { lines: string[]; code?: 0 | 1; text(): string } {
	const lines: string[] = [];
	const t = {
		lines,
		code: undefined as 0 | 1 | undefined,
		out: (s: string) => void lines.push(s),
		err: (s: string) => void lines.push(s),
		done: (code: 0 | 1) => void (t.code = code),
		text: () => lines.join('\n')
	};
	return t;
}
