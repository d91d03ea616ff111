// What the sandbox page needs of a kubectl prompt. The page holds only this interface; full-prompt.ts
// implements it with the kubectl of src/lib/sim/kubernetes/kubectl/.
export interface KubectlPrompt {
	/**
	 * Runs one command line against the cluster. Asynchronous in simulated time: `done` gets what
	 * kubectl would print (its output, or its error text) when the answer arrives.
	 */
	run(line: string, done: (output: string) => void): void;
	/** Completions of the word at `cursor` in `line` (whole words, in order), e.g. Pod names after `delete pod `. */
	complete(line: string, cursor: number): string[];
}

/** The command history of a prompt (↑ older, ↓ newer), as shells keep it: pure. */
export class PromptHistory {
	private readonly lines: string[] = [];
	private at = 0;
	private draft = '';

	push(line: string): void {
		if (line && this.lines.at(-1) !== line) this.lines.push(line);
		this.at = this.lines.length;
		this.draft = '';
	}

	/** The line ↑ shows (`current` is what is typed now, kept as the draft to come back to). */
	older(current: string): string {
		if (this.at === this.lines.length) this.draft = current;
		if (this.at > 0) this.at--;
		return this.lines[this.at] ?? current;
	}

	newer(): string {
		if (this.at < this.lines.length) this.at++;
		return this.at === this.lines.length ? this.draft : this.lines[this.at]!;
	}
}

/** One command in the prompt's transcript: when it was run (simulated), the line, what it printed. */
export interface Entry {
	at: string;
	line: string;
	output: string;
}
