// Tab completion for the prompt, a pure function of the line, the cursor and the names the cluster
// holds now: verbs, subcommands, resource types, flags and their values, object names (also in the
// `deployment/<name>` form). Real kubectl completes names with API requests; here the page reads the
// cluster's state instead (clusterNames), so pressing Tab adds no messages to the trace.
import type { Cluster } from '../cluster/cluster';
import { CATALOG } from '../node/images';
import type { ResourceType } from './command';
import { wordSpans } from './tokens';
import { resourceType, TYPE_WORDS, VERB_WORDS, VERBS } from './vocabulary';

export type Names = (type: ResourceType) => string[];

export interface Completion {
	/** The part of the line the chosen candidate replaces. */
	from: number;
	to: number;
	candidates: string[];
}

const SUBCOMMANDS: Record<string, string[]> = { create: ['deployment'], set: ['image'], rollout: ['history', 'status', 'undo'] };
const TYPES_FOR: Record<string, string[]> = {
	get: [...TYPE_WORDS, 'all'],
	describe: ['pods', 'deployments', 'nodes', 'services'],
	delete: ['pods', 'deployments', 'services']
};
const FLAG_VALUES: Record<string, (names: Names) => string[]> = {
	output: () => ['json', 'name', 'wide', 'yaml'],
	namespace: () => ['default', 'kube-node-lease', 'kube-public', 'kube-system'],
	type: () => ['ClusterIP', 'LoadBalancer', 'NodePort'],
	image: () => CATALOG.flatMap((i) => {
		const short = i.ref.full.replace(/^docker\.io\/(library\/)?/, '');
		return [short, short.replace(/:latest$/, '')];
	}),
	selector: (names) => names('deployments').map((n) => `app=${n}`),
	container: () => [],
	filename: () => ['-']
};

/** Candidates for the word at the cursor. */
export function complete(line: string, cursor: number, names: Names): Completion {
	const before = line.slice(0, cursor);
	const spans = wordSpans(before);
	const last = spans.at(-1);
	const typing = last !== undefined && last.end === before.length;
	const from = typing ? last.start : cursor;
	const word = before.slice(from);
	const done = (typing ? spans.slice(0, -1) : spans).map((s) => before.slice(s.start, s.end).replace(/^["']|["']$/g, ''));
	const result = (candidates: string[]) => ({ from, to: cursor, candidates: [...new Set(candidates)].filter((c) => c.startsWith(word)).sort() });
	const words = done[0] === 'kubectl' ? done.slice(1) : done;
	if (done.length === 0) return result(['kubectl', ...VERB_WORDS]);
	// The verb: the first word that is neither a flag nor a leading -n's value (as parse.ts reads it).
	const verbWord = words.find((w, i) => !w.startsWith('-') && words[i - 1] !== '-n' && words[i - 1] !== '--namespace');
	if (verbWord === undefined) {
		const last = words.at(-1);
		if (last === '-n' || last === '--namespace') return result(FLAG_VALUES.namespace?.(names) ?? []);
		return result(word.startsWith('-') ? ['-n', '--namespace='] : VERB_WORDS);
	}
	const verb = SUBCOMMANDS[verbWord] && verbWord !== 'rollout' ? `${verbWord} ${SUBCOMMANDS[verbWord]?.[0]}` : verbWord;
	const spec = VERBS[verb];
	if (!spec) return result([]);
	// A flag's value: `-o w`, `--output w`, `--output=w`.
	const eq = word.indexOf('=');
	if (word.startsWith('--') && eq > 0) {
		const values = FLAG_VALUES[word.slice(2, eq)]?.(names) ?? [];
		return result(values.map((v) => `${word.slice(0, eq + 1)}${v}`));
	}
	const prev = done.at(-1) ?? '';
	const prevFlag = spec.flags.find((f) => f.value && (prev === `--${f.long}` || (f.short !== undefined && prev === `-${f.short}`)));
	if (prevFlag) return result(FLAG_VALUES[prevFlag.long]?.(names) ?? []);
	if (word.startsWith('-')) return result(spec.flags.flatMap((f) => [f.value ? `--${f.long}=` : `--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]));
	const positionals = positionalsAfter(words, verbWord, spec.flags.filter((f) => f.value));
	return result(positional(verbWord, positionals, word, names));
}

/** The positional words typed after the verb (flag values left out). */
function positionalsAfter(words: string[], verbWord: string, valueFlags: { long: string; short?: string }[]): string[] {
	const out: string[] = [];
	let seenVerb = false;
	for (let i = 0; i < words.length; i++) {
		const w = words[i] as string;
		if (w.startsWith('-')) {
			if (valueFlags.some((f) => w === `--${f.long}` || w === `-${f.short}`)) i++;
			continue;
		}
		if (!seenVerb && w === verbWord) seenVerb = true;
		else out.push(w);
	}
	return out;
}

function positional(verbWord: string, pos: string[], word: string, names: Names): string[] {
	const slashed = (type: ResourceType, prefix: string) => names(type).map((n) => `${prefix}/${n}`);
	if (word.includes('/')) {
		const prefix = word.slice(0, word.indexOf('/'));
		const type = resourceType(prefix);
		return type ? slashed(type, prefix) : [];
	}
	const sub = SUBCOMMANDS[verbWord];
	if (sub) {
		if (pos.length === 0) return sub;
		// create deployment NAME: a new name, nothing to offer; set image / rollout: the Deployment.
		if (verbWord === 'create') return [];
		return pos.length === 1 ? slashed('deployments', 'deployment') : [];
	}
	switch (verbWord) {
		case 'get':
		case 'describe':
		case 'delete': {
			if (pos.length === 0) return TYPES_FOR[verbWord] ?? [];
			const type = resourceType(pos[0] as string);
			return type ? names(type) : [];
		}
		case 'scale':
		case 'expose':
			if (pos.length === 0) return ['deployment', ...slashed('deployments', 'deployment')];
			return pos.length === 1 && resourceType(pos[0] as string) === 'deployments' ? names('deployments') : [];
		case 'cordon':
		case 'uncordon':
		case 'drain':
			return pos.length === 0 ? names('nodes') : [];
		case 'logs':
			return pos.length === 0 ? names('pods') : [];
		case 'apply':
			return pos.length === 0 && word === '' ? ['-f'] : [];
	}
	return [];
}

/** The names the cluster holds now (what the page passes to complete()). */
export function clusterNames(c: Cluster): Names {
	const of = (xs: { metadata: { name: string } }[]) => xs.map((x) => x.metadata.name);
	return (type) => {
		switch (type) {
			case 'pods':
				return of(c.pods());
			case 'deployments':
				return of(c.deployments());
			case 'replicasets':
				return of(c.replicaSets());
			case 'nodes':
				return of(c.nodeObjects());
			case 'services':
				return of(c.services());
			case 'endpointslices':
				return of(c.endpointSlices());
			case 'events':
				return [];
		}
	};
}
