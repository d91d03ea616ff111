// Splits a command line into words as a POSIX shell would for the cases a learner types: spaces
// separate words, single quotes keep everything literally, double quotes keep spaces (a backslash
// escapes " and \ inside them), a backslash outside quotes escapes the next character. No variables,
// globs, pipes or redirection: those are the shell's, not kubectl's, and the prompt has no shell.

export type Tokens = { ok: true; words: string[] } | { ok: false; error: string };

/** The shell characters the prompt does not interpret, and what to say when one is typed unquoted. */
const SHELL_ONLY = new Set(['|', '>', '<', ';', '&', '$', '`']);

export function tokenize(line: string): Tokens {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i] as string;
		if (quote === "'") {
			if (ch === "'") quote = undefined;
			else word += ch;
		} else if (quote === '"') {
			if (ch === '"') quote = undefined;
			else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
			else word += ch;
		} else if (ch === "'" || ch === '"') {
			quote = ch;
			inWord = true;
		} else if (ch === '\\' && i + 1 < line.length) {
			word += line[++i];
			inWord = true;
		} else if (/\s/.test(ch)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else if (SHELL_ONLY.has(ch)) {
			return { ok: false, error: `error: "${ch}" is shell syntax; this prompt runs one kubectl command, with no shell (quote it to pass it to kubectl)` };
		} else {
			word += ch;
			inWord = true;
		}
	}
	if (quote) return { ok: false, error: `error: unterminated ${quote === '"' ? 'double' : 'single'} quote` };
	if (inWord) words.push(word);
	return { ok: true, words };
}

/** Where each word of `line` starts and ends (for completion): quotes count as part of the word. */
export function wordSpans(line: string): { start: number; end: number }[] {
	const spans: { start: number; end: number }[] = [];
	let start = -1;
	let quote: string | undefined;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i] as string;
		if (quote) {
			if (ch === quote) quote = undefined;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			if (start < 0) start = i;
		} else if (/\s/.test(ch)) {
			if (start >= 0) spans.push({ start, end: i });
			start = -1;
		} else if (start < 0) start = i;
	}
	if (start >= 0) spans.push({ start, end: line.length });
	return spans;
}
