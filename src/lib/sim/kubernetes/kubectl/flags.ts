// pflag's rules, as kubectl reads its arguments: `--name=value`, `--name value`, `-n value`,
// `-nvalue`, `-n=value`, switches as `-w`, `--watch`, `--watch=false`, bundled short switches (`-wA`),
// and `--` ending the flags. A flag the verb does not take is an error that names the ones it does.
import type { FlagSpec } from './vocabulary';

export type FlagValues = Map<string, string>;
export type SplitArgs = { ok: true; positionals: string[]; flags: FlagValues } | { ok: false; error: string };

/** `kubectl scale takes --replicas=N, -n/--namespace=NAME`: what the unknown-flag error adds. */
export const takes = (verb: string, specs: FlagSpec[]) => (specs.length ? `kubectl ${verb} takes ${specs.map((f) => f.hint).join(', ')}` : `kubectl ${verb} takes no flags`);

export function splitArgs(words: string[], verb: string, specs: FlagSpec[]): SplitArgs {
	const positionals: string[] = [];
	const flags: FlagValues = new Map();
	const unknown = (shown: string) => ({ ok: false as const, error: `error: unknown flag: ${shown}\n${takes(verb, specs)}` });
	const set = (spec: FlagSpec, shown: string, inline: string | undefined, i: number): number | string => {
		if (!spec.value) {
			if (inline === undefined) flags.set(spec.long, 'true');
			else if (inline === 'true' || inline === 'false') flags.set(spec.long, inline);
			else return `error: invalid argument "${inline}" for "${shown}" flag: it is a switch (true or false)`;
			return i;
		}
		if (inline !== undefined) {
			flags.set(spec.long, inline);
			return i;
		}
		const next = words[i + 1];
		if (next === undefined) return `error: flag needs an argument: ${shown}`;
		flags.set(spec.long, next);
		return i + 1;
	};
	for (let i = 0; i < words.length; i++) {
		const w = words[i] as string;
		if (w === '--') {
			positionals.push(...words.slice(i + 1));
			break;
		}
		if (w.startsWith('--')) {
			const eq = w.indexOf('=');
			const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
			const spec = specs.find((f) => f.long === name);
			if (!spec) return unknown(`--${name}`);
			const r = set(spec, `--${name}`, eq < 0 ? undefined : w.slice(eq + 1), i);
			if (typeof r === 'string') return { ok: false, error: r };
			i = r;
		} else if (w.startsWith('-') && w.length > 1 && w !== '-') {
			// Short flags: switches may be bundled (-wA); a value flag takes the rest of the word or the next one.
			for (let j = 1; j < w.length; j++) {
				const ch = w[j] as string;
				const spec = specs.find((f) => f.short === ch);
				if (!spec) return { ok: false, error: `error: unknown shorthand flag: '${ch}' in ${w}\n${takes(verb, specs)}` };
				const rest = w.slice(j + 1);
				if (spec.value || rest.startsWith('=')) {
					const r = set(spec, `-${ch}`, rest === '' ? undefined : rest.replace(/^=/, ''), i);
					if (typeof r === 'string') return { ok: false, error: r };
					i = r;
					break;
				}
				flags.set(spec.long, 'true');
			}
		} else positionals.push(w);
	}
	return { ok: true, positionals, flags };
}

/** A whole number flag, or kubectl's message for a bad one. */
export function intFlag(flags: FlagValues, name: string): number | undefined | { error: string } {
	const v = flags.get(name);
	if (v === undefined) return undefined;
	if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) return { error: `error: invalid argument "${v}" for "--${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax` };
	return Number(v);
}

export const boolFlag = (flags: FlagValues, name: string) => flags.get(name) === 'true';
