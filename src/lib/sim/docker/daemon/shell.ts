// The few commands `docker exec` can run in the simulator, acting on a container's writable layer:
// echo (with > and >> redirection), cat, touch, rm, ls, hostname, and sh/bash (-c runs a script of
// them joined by && or ;). Anything else fails as runc fails: the executable is not in $PATH.
import type { Container } from './container';

export interface ShellResult {
	output: string[];
	exitCode: number;
	/** runc could not start the process at all (the CLI exits 127). */
	notFound?: string;
}

/** Files every image here has (nginx's welcome page), read-only below the writable layer. */
const IMAGE_FILES: Record<string, (c: Container) => string | undefined> = {
	'/usr/share/nginx/html/index.html': (c) => (c.argv.some((a) => a.includes('nginx')) ? '<h1>Welcome to nginx!</h1>' : undefined),
	'/etc/hostname': (c) => c.id.slice(0, 12)
};

const read = (c: Container, path: string) => c.writable.get(path) ?? IMAGE_FILES[path]?.(c);

/** Splits a command line into words, honouring single and double quotes. */
export function words(line: string): string[] {
	return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

export function runShell(c: Container, argv: string[]): ShellResult {
	const [cmd = '', ...args] = argv;
	const base = cmd.split('/').pop();
	if ((base === 'sh' || base === 'bash') && args[0] === '-c') {
		const out: string[] = [];
		let code = 0;
		for (const part of (args[1] ?? '').split(/\s*(?:&&|;)\s*/)) {
			const r = runShell(c, words(part));
			out.push(...r.output);
			code = r.exitCode;
			if (r.notFound) return { output: [...out, `${base}: 1: ${words(part)[0]}: not found`], exitCode: 127 };
			if (code !== 0) break;
		}
		return { output: out, exitCode: code };
	}
	const redirect = args.findIndex((a) => a === '>' || a === '>>');
	if (base === 'echo') {
		const text = (redirect >= 0 ? args.slice(0, redirect) : args).join(' ');
		if (redirect < 0) return { output: [text], exitCode: 0 };
		const file = args[redirect + 1] ?? '';
		const before = args[redirect] === '>>' ? (read(c, file) ?? '') : '';
		c.writable.set(file, before ? `${before}\n${text}` : text);
		return { output: [], exitCode: 0 };
	}
	switch (base) {
		case 'cat': {
			const missing = args.filter((f) => read(c, f) === undefined);
			if (missing.length) return { output: missing.map((f) => `cat: ${f}: No such file or directory`), exitCode: 1 };
			return { output: args.flatMap((f) => (read(c, f) ?? '').split('\n')), exitCode: 0 };
		}
		case 'touch':
			for (const f of args) c.writable.set(f, read(c, f) ?? '');
			return { output: [], exitCode: 0 };
		case 'rm':
			for (const f of args) c.writable.delete(f);
			return { output: [], exitCode: 0 };
		case 'ls': {
			const dir = (args[0] ?? '/').replace(/\/?$/, '/');
			const names = [...new Set([...c.writable.keys(), ...Object.keys(IMAGE_FILES).filter((f) => read(c, f) !== undefined)])]
				.filter((f) => f.startsWith(dir))
				.map((f) => f.slice(dir.length).split('/')[0]!);
			return { output: [...new Set(names)].sort(), exitCode: 0 };
		}
		case 'hostname':
			return { output: [c.id.slice(0, 12)], exitCode: 0 };
		case 'sh':
		case 'bash':
			// An interactive shell: the simulator types nothing into it, so it ends at once (exit 0).
			return { output: [], exitCode: 0 };
		default:
			return { output: [], exitCode: 127, notFound: `exec: "${cmd}": executable file not found in $PATH` };
	}
}
