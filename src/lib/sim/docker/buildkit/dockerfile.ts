// A Dockerfile subset, parsed as BuildKit's frontend does (moby/buildkit frontend/dockerfile/parser and
// instructions): line continuations, comments, exec (JSON) and shell forms, ARG and ENV substitution
// ($VAR, ${VAR}), one build stage. Errors carry the line number and BuildKit's wording.

export const SUPPORTED = ['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR', 'ENV', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'USER', 'ARG'] as const;
const KNOWN_ELSEWHERE = ['LABEL', 'HEALTHCHECK', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER'];

export type Keyword = (typeof SUPPORTED)[number];

export interface Instruction {
	keyword: Keyword;
	/** 1-based line of the instruction's first line. */
	line: number;
	/** The arguments as written (continuations joined). */
	raw: string;
	/** Exec form ["a","b"] or shell form as one string. */
	args: string[];
	shellForm: boolean;
}

export class DockerfileError extends Error {
	constructor(
		readonly line: number,
		message: string
	) {
		super(message);
	}
}

/** The logical lines: continuations (a trailing backslash) joined, comments and blank lines dropped. */
function logicalLines(text: string): { line: number; text: string }[] {
	const out: { line: number; text: string }[] = [];
	let pending: { line: number; text: string } | undefined;
	text.split(/\r?\n/).forEach((raw, i) => {
		const trimmed = raw.trim();
		if (!pending && (trimmed === '' || trimmed.startsWith('#'))) return;
		if (pending && trimmed.startsWith('#')) return;
		const cont = /\\$/.test(trimmed);
		const piece = cont ? trimmed.slice(0, -1).trim() : trimmed;
		pending = pending ? { line: pending.line, text: `${pending.text} ${piece}`.trim() } : { line: i + 1, text: piece };
		if (!cont) {
			out.push(pending);
			pending = undefined;
		}
	});
	if (pending) out.push(pending);
	return out;
}

const execForm = (rest: string): string[] | undefined => {
	if (!rest.startsWith('[')) return undefined;
	try {
		const v: unknown = JSON.parse(rest);
		return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
	} catch {
		return undefined;
	}
};

export function parseDockerfile(text: string): Instruction[] {
	const lines = logicalLines(text);
	if (lines.length === 0) throw new DockerfileError(0, 'the Dockerfile cannot be empty');
	const out: Instruction[] = [];
	let stage = false;
	for (const { line, text: l } of lines) {
		const m = l.match(/^(\S+)\s*(.*)$/)!;
		const word = m[1]!.toUpperCase();
		const rest = m[2]!.trim();
		const fail = (message: string) => new DockerfileError(line, message);
		if (!SUPPORTED.includes(word as Keyword)) {
			if (KNOWN_ELSEWHERE.includes(word)) throw fail(`${word} is a Dockerfile instruction the simulator does not model (it supports ${SUPPORTED.join(', ')})`);
			const near = SUPPORTED.find((k) => k.startsWith(word.slice(0, 3)));
			throw fail(`unknown instruction: ${m[1]}${near ? ` (did you mean ${near.toLowerCase()}?)` : ''}`);
		}
		const keyword = word as Keyword;
		if (keyword === 'FROM') {
			if (stage) throw fail('the simulator builds one stage: a second FROM (a multi-stage build) is not supported');
			const parts = rest.split(/\s+/).filter(Boolean);
			if (parts.length !== 1 && !(parts.length === 3 && parts[1]!.toUpperCase() === 'AS')) throw fail('FROM requires either one or three arguments');
			stage = true;
		} else if (!stage && keyword !== 'ARG') throw fail('no build stage in current context');
		if (rest === '') throw fail(`${keyword} requires at least one argument`);
		const exec = ['RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD'].includes(keyword) ? execForm(rest) : undefined;
		const args = exec ?? (['RUN', 'CMD', 'ENTRYPOINT'].includes(keyword) ? [rest] : rest.split(/\s+/));
		if ((keyword === 'COPY' || keyword === 'ADD') && args.length < 2)
			throw fail(`${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
		if ((keyword === 'COPY' || keyword === 'ADD') && args.some((a) => a.startsWith('--'))) throw fail(`${keyword} flags (${args.find((a) => a.startsWith('--'))}) are not modelled by the simulator`);
		if (keyword === 'ADD' && args.some((a) => /^https?:\/\//.test(a))) throw fail('ADD from a URL is not modelled by the simulator; ADD copies files from the build context');
		if (keyword === 'ENV' && !rest.includes('=') && rest.split(/\s+/).length < 2) throw fail('ENV must have two arguments');
		out.push({ keyword, line, raw: rest, args, shellForm: exec === undefined });
	}
	if (!stage) throw new DockerfileError(lines[0]!.line, 'no build stage in current context');
	return out;
}

/** `$VAR` and `${VAR}` from the build's ARGs and ENVs (unset → empty), as BuildKit substitutes them. */
export function substitute(text: string, vars: Map<string, string>): string {
	return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => vars.get((a ?? b)!) ?? '');
}

/** `ENV A=1 B="two words"` or the legacy `ENV A 1`. */
export function envPairs(raw: string): [string, string][] {
	if (!raw.includes('=')) {
		const [k, ...v] = raw.split(/\s+/);
		return [[k!, v.join(' ')]];
	}
	return [...raw.matchAll(/(\w+)=("([^"]*)"|'([^']*)'|(\S*))/g)].map((m) => [m[1]!, m[3] ?? m[4] ?? m[5] ?? '']);
}

/** The source lines around an error, as docker build prints them. */
export function excerpt(text: string, line: number): string[] {
	const lines = text.split(/\r?\n/);
	const from = Math.max(1, line - 2);
	const shown = lines.slice(from - 1, line).map((l, i) => `${String(from + i).padStart(4)} | ${from + i === line ? '>>> ' : '    '}${l}`);
	return [`Dockerfile:${line}`, '--------------------', ...shown, '--------------------'];
}
