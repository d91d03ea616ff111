// The YAML a learner writes in the editor, without a 30 KB library (yaml 2.9 is 97 KB minified, 29.7 KB
// gzipped): block mappings and sequences (also `- ` at the parent's indent, as kubectl prints them),
// plain, single- and double-quoted scalars, ints, floats, booleans, null, flow `[a, b]` and `{a: 1}`,
// comments, `---` between documents. Anything else (anchors, tags, `|` and `>` blocks, tabs) is an
// error with its line number, never a guess.

export type Yaml = { ok: true; documents: unknown[] } | { ok: false; error: string };

interface Line {
	n: number;
	indent: number;
	text: string;
}

class YamlError extends Error {
	constructor(
		readonly line: number,
		message: string
	) {
		super(message);
	}
}

/** Cuts a comment: `#` at the start or after a space, outside quotes. */
function stripComment(s: string, n: number): string {
	let quote: string | undefined;
	for (let i = 0; i < s.length; i++) {
		const ch = s[i];
		if (quote) {
			if (ch === quote) quote = undefined;
			else if (ch === '\\' && quote === '"') i++;
		} else if (ch === '"' || ch === "'") {
			if (i === 0 || /[\s[{,:-]/.test(s[i - 1] as string)) quote = ch;
		} else if (ch === '#' && (i === 0 || /\s/.test(s[i - 1] as string))) return s.slice(0, i).trimEnd();
	}
	if (quote) throw new YamlError(n, `found unexpected end of stream (an unclosed ${quote === '"' ? 'double' : 'single'} quote)`);
	return s.trimEnd();
}

export function parseYaml(text: string): Yaml {
	try {
		const docs: Line[][] = [[]];
		text.split(/\r?\n/).forEach((raw, i) => {
			const n = i + 1;
			if (/^---(\s|$)/.test(raw)) return void docs.push([]);
			if (/^\.\.\.(\s|$)/.test(raw)) return;
			const lead = /^[ \t]*/.exec(raw)?.[0] ?? '';
			if (lead.includes('\t') && raw.trim() !== '') throw new YamlError(n, 'found a tab character that violates indentation (indent with spaces)');
			const body = stripComment(raw.slice(lead.length), n);
			if (body !== '') (docs.at(-1) as Line[]).push({ n, indent: lead.length, text: body });
		});
		const documents = docs.filter((d) => d.length).map((lines) => {
			const [value, next] = block(lines, 0, (lines[0] as Line).indent);
			const extra = lines[next];
			if (extra) throw new YamlError(extra.n, extra.indent > 0 ? 'did not find expected key (check the indentation)' : 'did not find expected <document start>');
			return value;
		});
		return { ok: true, documents };
	} catch (e) {
		if (e instanceof YamlError) return { ok: false, error: `yaml: line ${e.line}: ${e.message}` };
		return { ok: false, error: `yaml: ${e instanceof Error ? e.message : String(e)}` };
	}
}

const isItem = (l: Line) => l.text === '-' || l.text.startsWith('- ');

/** A block (mapping, sequence or a lone scalar) starting at lines[i] at this indent; returns [value, next index]. */
function block(lines: Line[], i: number, indent: number): [unknown, number] {
	const first = lines[i] as Line;
	if (isItem(first)) return sequence(lines, i, indent);
	if (keyOf(first) !== undefined) return mapping(lines, i, indent);
	return [scalar(first.text, first.n), i + 1];
}

function sequence(lines: Line[], i: number, indent: number): [unknown[], number] {
	const items: unknown[] = [];
	while (i < lines.length && (lines[i] as Line).indent === indent && isItem(lines[i] as Line)) {
		const line = lines[i] as Line;
		const rest = line.text.slice(1).replace(/^ +/, '');
		if (rest === '') {
			const next = lines[i + 1];
			if (next && next.indent > indent) {
				const [v, j] = block(lines, i + 1, next.indent);
				items.push(v);
				i = j;
			} else {
				items.push(null);
				i++;
			}
			continue;
		}
		// `- name: x` opens a mapping whose keys sit where `name` starts.
		const at = indent + (line.text.length - rest.length);
		const virtual: Line = { n: line.n, indent: at, text: rest };
		if (isItem(virtual) || keyOf(virtual) !== undefined) {
			const copy = [...lines.slice(0, i), virtual, ...lines.slice(i + 1)];
			const [v, j] = block(copy, i, at);
			items.push(v);
			i = j;
		} else {
			items.push(scalar(rest, line.n));
			i++;
		}
	}
	return [items, i];
}

/** `key: value` split at the first `: ` (or a final `:`) outside quotes; undefined when the line is no key. */
function keyOf(line: Line): { key: string; rest: string } | undefined {
	const t = line.text;
	if (t.startsWith('"') || t.startsWith("'")) {
		const end = t.indexOf(t[0] as string, 1);
		if (end < 0 || t[end + 1] !== ':' || (t[end + 2] !== undefined && t[end + 2] !== ' ')) return undefined;
		return { key: t.slice(1, end), rest: t.slice(end + 2).trim() };
	}
	if (t.startsWith('[') || t.startsWith('{')) return undefined;
	const m = /^([^:]*?[^\s:]|[^:\s]):( |$)/.exec(t) ?? /^(.+?):( |$)/.exec(t);
	if (!m) return undefined;
	return { key: m[1] as string, rest: t.slice((m[0] as string).length).trim() };
}

function mapping(lines: Line[], i: number, indent: number): [Record<string, unknown>, number] {
	const map: Record<string, unknown> = {};
	const seen = new Map<string, number>();
	while (i < lines.length && (lines[i] as Line).indent === indent && !isItem(lines[i] as Line)) {
		const line = lines[i] as Line;
		const kv = keyOf(line);
		if (!kv) throw new YamlError(line.n, `could not find expected ':' (a mapping needs "key: value")`);
		if (seen.has(kv.key)) throw new YamlError(line.n, `mapping key "${kv.key}" already defined at line ${seen.get(kv.key)}`);
		seen.set(kv.key, line.n);
		if (kv.rest !== '') {
			map[kv.key] = scalar(kv.rest, line.n);
			i++;
			continue;
		}
		const next = lines[i + 1];
		if (next && (next.indent > indent || (next.indent === indent && isItem(next)))) {
			const [v, j] = block(lines, i + 1, next.indent);
			map[kv.key] = v;
			i = j;
		} else {
			map[kv.key] = null;
			i++;
		}
	}
	const stray = lines[i];
	if (stray && stray.indent > indent) throw new YamlError(stray.n, 'mapping values are not allowed in this context (check the indentation)');
	return [map, i];
}

/** A plain, quoted or flow scalar, resolved as YAML 1.2's core schema does (with YAML 1.1's yes/no left as strings). */
function scalar(text: string, n: number): unknown {
	const t = text.trim();
	if (t.startsWith('[') || t.startsWith('{')) {
		const [v, end] = flow(t, 0, n);
		if (t.slice(end).trim() !== '') throw new YamlError(n, 'did not find expected \',\' or \']\'');
		return v;
	}
	if (t.startsWith('&') || t.startsWith('*') || t.startsWith('!')) throw new YamlError(n, 'anchors, aliases and tags are not supported here');
	if (t === '|' || t === '>' || /^[|>][-+]?\d*$/.test(t)) throw new YamlError(n, 'block scalars (| or >) are not supported here; write the value on one line, quoted');
	if (t.startsWith('"') || t.startsWith("'")) {
		const [v, end] = quoted(t, 0, n);
		if (t.slice(end).trim() !== '') throw new YamlError(n, 'did not find expected key (text after a quoted value)');
		return v;
	}
	if (/^(null|Null|NULL|~)?$/.test(t)) return null;
	if (/^(true|True|TRUE)$/.test(t)) return true;
	if (/^(false|False|FALSE)$/.test(t)) return false;
	if (/^[-+]?\d+$/.test(t)) return Number(t);
	if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
	if (/:( |$)/.test(t)) throw new YamlError(n, 'mapping values are not allowed in this context');
	return t;
}

function quoted(t: string, i: number, n: number): [string, number] {
	const q = t[i];
	let out = '';
	for (let j = i + 1; j < t.length; j++) {
		const ch = t[j] as string;
		if (q === "'" && ch === "'") {
			if (t[j + 1] !== "'") return [out, j + 1];
			out += "'";
			j++;
		} else if (q === '"' && ch === '\\') {
			const e = t[++j];
			out += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
		} else if (q === '"' && ch === '"') return [out, j + 1];
		else out += ch;
	}
	throw new YamlError(n, 'found unexpected end of stream (an unclosed quote)');
}

/** `[a, b]` or `{k: v}` from position i; returns [value, index after it]. */
function flow(t: string, i: number, n: number): [unknown, number] {
	const open = t[i];
	const close = open === '[' ? ']' : '}';
	const list: unknown[] = [];
	const map: Record<string, unknown> = {};
	let j = i + 1;
	const skip = () => {
		while (t[j] === ' ') j++;
	};
	const item = (stop: string): unknown => {
		skip();
		if (t[j] === '[' || t[j] === '{') {
			const [v, end] = flow(t, j, n);
			j = end;
			return v;
		}
		if (t[j] === '"' || t[j] === "'") {
			const [v, end] = quoted(t, j, n);
			j = end;
			return v;
		}
		const start = j;
		while (j < t.length && !stop.includes(t[j] as string)) j++;
		return scalar(t.slice(start, j), n);
	};
	for (;;) {
		skip();
		if (t[j] === close) return [open === '[' ? list : map, j + 1];
		if (j >= t.length) throw new YamlError(n, `did not find expected '${close}'`);
		if (open === '[') list.push(item(',]'));
		else {
			const key = String(item(':,}'));
			skip();
			if (t[j] !== ':') throw new YamlError(n, "did not find expected ':' in a flow mapping");
			j++;
			map[key] = item(',}');
		}
		skip();
		if (t[j] === ',') j++;
		else if (t[j] !== close) throw new YamlError(n, `did not find expected ',' or '${close}'`);
	}
}
