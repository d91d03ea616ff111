// A command's terminal output. Progress lines with an id (a layer) are updated in place, as docker
// draws them on a terminal, so the output is the screen at the end: one line per layer, its last status.
import type { Progress } from '../daemon/pull';

export class Output {
	readonly lines: string[] = [];
	private readonly byId = new Map<string, number>();

	print(...lines: string[]): void {
		for (const l of lines) this.lines.push(...l.split('\n'));
	}

	progress(p: Progress): void {
		if (!p.id) return this.print(p.status);
		const at = this.byId.get(p.id);
		const line = `${p.id}: ${p.status}`;
		if (at === undefined) this.byId.set(p.id, this.lines.push(line) - 1);
		else this.lines[at] = line;
	}

	/** "Error response from daemon: …", as the CLI words an error answer. */
	daemonError(message: string, prefix = ''): void {
		this.print(`${prefix}Error response from daemon: ${message}`);
	}
}

export interface CommandResult {
	output: string[];
	exitCode: number;
}

export type Finish = (exitCode: number) => void;
