// A sandbox run in its link: the seed, the preset it starts from, every action (a command line and the
// simulated ms it was made at) and the simulated time the run had reached. Replaying that reproduces
// the run exactly (the simulator is deterministic), so a teacher can hand out "this broken cluster".
// Compact text, not compression: the words kubectl lines repeat ("kubectl ", "scale deployment ",
// " --replicas=") become one capital letter each, times are base-36 gaps from the action before,
// and the only characters used are those a query string carries unescaped. Pure.
export const PRESETS = ['nginx', 'empty'] as const;
export type Preset = (typeof PRESETS)[number];

export interface RunAction {
	/** Simulated ms (a whole number) when the action was made. */
	at: number;
	/** What was done, as a command line: `kubectl scale deployment nginx --replicas=5`, `power off node-2`. */
	line: string;
}

export interface RunSpec {
	seed: string;
	preset: Preset;
	actions: RunAction[];
	/** Simulated ms the run had reached when the link was made (at least the last action's time). */
	until: number;
}

export const DEFAULT_SEED = 'class';
export const DEFAULT_RUN: RunSpec = { seed: DEFAULT_SEED, preset: 'nginx', actions: [], until: 0 };

const MAX_ACTIONS = 500;
const MAX_LINE = 300;
/** A day of simulated time: beyond it a link is more likely a typo than a run. */
const MAX_TIME = 86_400_000;
const SEED = /^[A-Za-z0-9_-]{1,40}$/;

// Longest first, so "uncordon " wins over "cordon " where both could match.
const WORDS: [string, string][] = (
	[
		['A', 'kubectl '], ['B', 'scale deployment '], ['C', ' --replicas='], ['D', 'delete pod '], ['E', 'create deployment '],
		['F', ' --image='], ['G', 'cordon '], ['H', 'uncordon '], ['I', 'drain '], ['J', 'power off '], ['K', 'power on '],
		['L', 'nginx'], ['M', 'node-'], ['N', 'get '], ['O', 'pods'], ['P', 'nodes'], ['Q', 'deployment'], ['R', 'delete '],
		['S', 'describe '], ['T', 'rollout '], ['U', 'expose '], ['V', ' --port='], ['W', ' --type='], ['X', ' --ignore-daemonsets'], ['Y', '-o wide']
	] as [string, string][]
).sort((a, b) => b[1].length - a[1].length);
const CODE = new Map(WORDS.map(([code, word]) => [code, word]));
const PLAIN = /[a-z0-9-]/;

export function encodeLine(line: string): string {
	let out = '';
	for (let i = 0; i < line.length; ) {
		const word = WORDS.find(([, w]) => line.startsWith(w, i));
		if (word) {
			out += word[0];
			i += word[1].length;
			continue;
		}
		const c = line[i]!;
		const code = c.charCodeAt(0);
		out += PLAIN.test(c) ? c : c === ' ' ? '_' : code < 256 ? `*${code.toString(16).padStart(2, '0')}` : `*u${code.toString(16).padStart(4, '0')}`;
		i++;
	}
	return out;
}

/** The line, or undefined when `text` is not an encoded line. */
export function decodeLine(text: string): string | undefined {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (PLAIN.test(c)) out += c;
		else if (c === '_') out += ' ';
		else if (CODE.has(c)) out += CODE.get(c);
		else if (c === '*') {
			const wide = text[i + 1] === 'u';
			const hex = wide ? text.slice(i + 2, i + 6) : text.slice(i + 1, i + 3);
			if (!/^[0-9a-f]+$/.test(hex) || hex.length !== (wide ? 4 : 2)) return undefined;
			out += String.fromCharCode(parseInt(hex, 16));
			i += wide ? 5 : 2;
		} else return undefined;
	}
	return out;
}

/** The query string for a run: `seed=…&preset=…&t=…&run=…` (run only when there are actions). */
export function encodeRun(spec: RunSpec): string {
	const q = new URLSearchParams({ seed: spec.seed, preset: spec.preset, t: String(Math.round(spec.until)) });
	let last = 0;
	const parts: string[] = [];
	for (const a of spec.actions) {
		parts.push((a.at - last).toString(36), encodeLine(a.line));
		last = a.at;
	}
	if (parts.length) q.set('run', parts.join('.'));
	return q.toString();
}

/** The run a link asks for; anything malformed is dropped (the rest kept) with a notice that says what. */
export function decodeRun(query: URLSearchParams | string): { spec: RunSpec; notice?: string } {
	const params = typeof query === 'string' ? new URLSearchParams(query) : query;
	const problems: string[] = [];
	const seedText = params.get('seed');
	const seed = seedText === null ? DEFAULT_SEED : SEED.test(seedText) ? seedText : (problems.push(`the seed "${seedText.slice(0, 40)}" is not 1–40 letters, digits, - or _`), DEFAULT_SEED);
	const presetText = params.get('preset');
	const preset = presetText === null ? DEFAULT_RUN.preset : (PRESETS as readonly string[]).includes(presetText) ? (presetText as Preset) : (problems.push(`there is no preset "${presetText.slice(0, 40)}" (there are ${PRESETS.join(' and ')})`), DEFAULT_RUN.preset);
	let actions: RunAction[] = [];
	const runText = params.get('run');
	if (runText !== null) {
		const parsed = parseActions(runText);
		if (parsed) actions = parsed;
		else problems.push('its list of actions is damaged (it may have been cut short when copied)');
	}
	const lastAt = actions.at(-1)?.at ?? 0;
	const tText = params.get('t');
	let until = lastAt;
	if (tText !== null) {
		const t = /^\d{1,9}$/.test(tText) ? Number(tText) : NaN;
		if (t >= lastAt && t <= MAX_TIME) until = t;
		else problems.push(`its time "${tText.slice(0, 20)}" is not a simulated time in ms after its last action`);
	}
	if (!problems.length) return { spec: { seed, preset, actions, until } };
	const empty = runText !== null && !actions.length ? ' Its actions are left out: the run starts from the preset.' : '';
	return { spec: { seed, preset, actions, until }, notice: `This link could not be read in full: ${problems.join('; ')}.${empty}` };
}

function parseActions(text: string): RunAction[] | undefined {
	const parts = text.split('.');
	if (parts.length % 2 !== 0 || parts.length / 2 > MAX_ACTIONS) return undefined;
	const out: RunAction[] = [];
	let at = 0;
	for (let i = 0; i < parts.length; i += 2) {
		const gap = parts[i]!;
		if (!/^[0-9a-z]{1,7}$/.test(gap)) return undefined;
		at += parseInt(gap, 36);
		const line = decodeLine(parts[i + 1]!);
		if (!line || line.length > MAX_LINE || at > MAX_TIME) return undefined;
		out.push({ at, line });
	}
	return out;
}
