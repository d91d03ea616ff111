// A kubectl command line → a typed command, or the text kubectl (or this prompt, for what it does
// not model) would print. Never throws: every line gets a command or a clear message.
import type { Command, DeleteCommand, DescribeCommand, OutputFormat, Parsed, ResourceType } from './command';
import { boolFlag, intFlag, splitArgs, type FlagValues } from './flags';
import { tokenize } from './tokens';
import { resourceType, SUPPORTED, UNSUPPORTED_TYPES, UNSUPPORTED_VERBS, VERBS } from './vocabulary';

const fail = (error: string): Parsed => ({ ok: false, error });
const TYPES_HINT = 'pods, deployments, replicasets, nodes, services, endpointslices, events';

export function parseCommand(line: string): Parsed {
	const t = tokenize(line);
	if (!t.ok) return fail(t.error);
	let words = t.words;
	if (words.length === 0) return fail(`Type a kubectl command, for example: kubectl get pods\n${SUPPORTED}`);
	if (words[0] === 'kubectl') words = words.slice(1);
	else if (!VERBS[words[0] as string] && !['create', 'set', 'help'].includes(words[0] as string))
		return fail(`${words[0]}: command not found. This prompt runs kubectl, for example: kubectl get pods\n${SUPPORTED}`);
	if (words.some((w) => w === '-h' || w === '--help') || words[0] === 'help') return { ok: true, command: { verb: 'help', topic: verbOf(words.filter((w) => w !== 'help'))?.word } };
	const found = verbOf(words);
	if (!found) return { ok: true, command: { verb: 'help' } };
	const { word, index } = found;
	if (UNSUPPORTED_VERBS.has(word)) return fail(`error: kubectl ${word} is not supported here.\n${SUPPORTED}`);
	let verb = word;
	let rest = [...words.slice(0, index), ...words.slice(index + 1)];
	if (word === 'create' || word === 'set') {
		const sub = rest.findIndex((w) => !w.startsWith('-'));
		const want = word === 'create' ? ['deployment', 'deploy'] : ['image'];
		if (sub < 0 || !want.includes(rest[sub] as string))
			return fail(sub < 0 ? `error: kubectl ${word} needs a subcommand: ${VERBS[`${word} ${want[0]}`]?.usage}` : `error: kubectl ${word} ${rest[sub]} is not supported here.\n${SUPPORTED}`);
		verb = `${word} ${want[0]}`;
		rest = rest.filter((_, i) => i !== sub);
	}
	const spec = VERBS[verb];
	if (!spec) return fail(`error: unknown command "${word}" for "kubectl"\n${SUPPORTED}`);
	const args = splitArgs(rest, verb, spec.flags);
	if (!args.ok) return fail(args.error);
	try {
		return build(verb, args.positionals, args.flags);
	} catch (e) {
		// A builder bug must still reach the learner as a message, not a broken prompt.
		return fail(`error: ${e instanceof Error ? e.message : String(e)}`);
	}
}

/** The first word that is not a flag (nor the value of a leading -n/--namespace). */
function verbOf(words: string[]): { word: string; index: number } | undefined {
	for (let i = 0; i < words.length; i++) {
		const w = words[i] as string;
		if (w === '-n' || w === '--namespace') i++;
		else if (!w.startsWith('-')) return { word: w, index: i };
	}
	return undefined;
}

/** `deployment/nginx` or `deployment nginx`: the type and names, for verbs that take TYPE NAME. */
function target(positionals: string[]): { type?: ResourceType; typeWord?: string; names: string[] } | { error: string } {
	const [first, ...more] = positionals;
	if (first === undefined) return { names: [] };
	const slash = first.indexOf('/');
	const typeWord = slash < 0 ? first : first.slice(0, slash);
	const type = resourceType(typeWord);
	if (!type) return { error: UNSUPPORTED_TYPES[typeWord.toLowerCase()] ? `error: "${typeWord}" is not supported here: ${UNSUPPORTED_TYPES[typeWord.toLowerCase()]}` : `error: the server doesn't have a resource type "${typeWord}"` };
	if (slash < 0) return { type, typeWord, names: more };
	const rest = more.map((m) => (m.includes('/') ? m.slice(m.indexOf('/') + 1) : m));
	return { type, typeWord, names: [first.slice(slash + 1), ...rest].filter(Boolean) };
}

const namespaceOf = (flags: FlagValues) => flags.get('namespace') ?? 'default';

/** What `kubectl get all` lists of the types the cluster has (the `all` category, in kubectl's order). */
const ALL: ResourceType[] = ['pods', 'services', 'deployments', 'replicasets'];

/** `deploy,rs,pods` or `all` → the types; undefined for a single type (or none); a message for an unknown one. */
function manyTypes(word: string | undefined): ResourceType[] | string | undefined {
	if (word === 'all') return ALL;
	if (!word || !word.includes(',') || word.includes('/')) return undefined;
	const types: ResourceType[] = [];
	for (const w of word.split(',').filter(Boolean)) {
		const type = resourceType(w);
		if (!type) return UNSUPPORTED_TYPES[w.toLowerCase()] ? `error: "${w}" is not supported here: ${UNSUPPORTED_TYPES[w.toLowerCase()]}` : `error: the server doesn't have a resource type "${w}"`;
		if (!types.includes(type)) types.push(type);
	}
	return types;
}

/** The one Deployment a verb acts on (`deployment/nginx` or `deployment nginx`). */
function oneDeployment(positionals: string[], verb: string): { name: string } | { error: string } {
	const t = target(positionals);
	if ('error' in t) return t;
	if (t.type === undefined) return { error: `error: you must specify a deployment: ${VERBS[verb]?.usage}` };
	if (t.type !== 'deployments') return { error: `error: kubectl ${verb} works on deployments here, not ${t.type}: ${VERBS[verb]?.usage}` };
	if (t.names.length !== 1) return { error: `error: exactly one deployment name is required, got ${t.names.length}: ${VERBS[verb]?.usage}` };
	return { name: t.names[0] as string };
}

function build(verb: string, pos: string[], flags: FlagValues): Parsed {
	const ok = (command: Command): Parsed => ({ ok: true, command });
	const namespace = namespaceOf(flags);
	switch (verb) {
		case 'get': {
			const types = manyTypes(pos[0]);
			if (typeof types === 'string') return fail(types);
			const t = types ? { type: types[0], names: pos.slice(1) } : target(pos);
			if ('error' in t) return fail(t.error);
			if (!t.type) return fail(`error: Required resource not specified. Name a type: ${TYPES_HINT} (for example: kubectl get pods)`);
			const output = flags.get('output') ?? 'table';
			if (!['table', 'wide', 'name', 'yaml', 'json'].includes(output)) return fail(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
			const watch = boolFlag(flags, 'watch');
			if (types && t.names.length) return fail('error: name objects of one type at a time here (kubectl get deployment nginx), or list several types without names (kubectl get deploy,rs,pods)');
			if (types && watch) return fail(`error: watch is only supported on individual resources and resource collections, but ${types.length} resources were found`);
			return ok({ verb: 'get', resources: types ?? [t.type], names: t.names, output: output as OutputFormat, watch, selector: flags.get('selector'), allNamespaces: boolFlag(flags, 'all-namespaces'), namespace });
		}
		case 'describe': {
			const t = target(pos);
			if ('error' in t) return fail(t.error);
			if (!t.type) return fail(`error: Required resource not specified. ${VERBS.describe?.usage}`);
			if (!['pods', 'deployments', 'nodes', 'services'].includes(t.type)) return fail(`error: kubectl describe ${t.typeWord} is not supported here: describe works on pods, deployments, nodes and services`);
			if (t.names.length > 1) return fail(`error: describe one object at a time here: ${VERBS.describe?.usage}`);
			return ok({ verb: 'describe', resource: t.type as DescribeCommand['resource'], name: t.names[0], namespace });
		}
		case 'create deployment': {
			if (pos.length !== 1) return fail(`error: exactly one NAME is required, got ${pos.length}\n${VERBS[verb]?.usage}`);
			const image = flags.get('image');
			if (!image) return fail(`error: required flag(s) "image" not set\n${VERBS[verb]?.usage}`);
			const replicas = intFlag(flags, 'replicas');
			const port = intFlag(flags, 'port');
			if (typeof replicas === 'object') return fail(replicas.error);
			if (typeof port === 'object') return fail(port.error);
			if (replicas !== undefined && replicas < 0) return fail('error: --replicas must be 0 or more');
			return ok({ verb: 'create deployment', name: pos[0] as string, image, replicas: replicas ?? 1, port, namespace });
		}
		case 'scale': {
			const d = oneDeployment(pos, verb);
			if ('error' in d) return fail(d.error);
			const replicas = intFlag(flags, 'replicas');
			if (typeof replicas === 'object') return fail(replicas.error);
			if (replicas === undefined || replicas < 0) return fail('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
			return ok({ verb: 'scale', name: d.name, replicas, namespace });
		}
		case 'set image': {
			const pairs = pos.filter((p) => p.includes('='));
			const d = oneDeployment(pos.filter((p) => !p.includes('=')), verb);
			if ('error' in d) return fail(d.error);
			if (pairs.length === 0) return fail(`error: at least one image update is required\n${VERBS[verb]?.usage}`);
			const images = pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]);
			const bad = images.find(([c, i]) => !c || !i);
			if (bad) return fail(`error: invalid image update "${bad.join('=')}": write CONTAINER=IMAGE, for example nginx=nginx:1.27`);
			return ok({ verb: 'set image', name: d.name, images, namespace });
		}
		case 'rollout': {
			const [action, ...others] = pos;
			if (action !== 'status' && action !== 'history' && action !== 'undo')
				return fail(action === undefined ? `error: kubectl rollout needs status, history or undo: ${VERBS.rollout?.usage}` : `error: kubectl rollout ${action} is not supported here: rollout status, history and undo are`);
			const d = oneDeployment(others, verb);
			if ('error' in d) return fail(d.error);
			const revision = intFlag(flags, action === 'undo' ? 'to-revision' : 'revision');
			if (typeof revision === 'object') return fail(revision.error);
			if (flags.has(action === 'undo' ? 'revision' : 'to-revision')) return fail(`error: unknown flag: --${action === 'undo' ? 'revision' : 'to-revision'} for kubectl rollout ${action}`);
			return ok({ verb: 'rollout', action, name: d.name, revision, namespace });
		}
		case 'expose': {
			const d = oneDeployment(pos, verb);
			if ('error' in d) return fail(d.error);
			const port = intFlag(flags, 'port');
			const targetPort = intFlag(flags, 'target-port');
			if (typeof port === 'object') return fail(port.error);
			if (typeof targetPort === 'object') return fail(targetPort.error);
			const type = flags.get('type');
			if (type !== undefined && !['ClusterIP', 'NodePort', 'LoadBalancer'].includes(type))
				return fail(`error: The Service "${d.name}" is invalid: spec.type: Unsupported value: "${type}": supported values here: "ClusterIP", "LoadBalancer", "NodePort"`);
			return ok({ verb: 'expose', name: d.name, port: port ?? 0, targetPort, type: type as 'ClusterIP' | undefined, namespace });
		}
		case 'delete': {
			const t = target(pos);
			if ('error' in t) return fail(t.error);
			if (!t.type) return fail(`error: You must provide one or more resources by argument or filename.\n${VERBS.delete?.usage}`);
			if (!['pods', 'deployments', 'services'].includes(t.type)) return fail(`error: kubectl delete ${t.typeWord} is not supported here: delete works on pods, deployments and services`);
			if (t.names.length === 0) return fail('error: resource(s) were provided, but no name was specified');
			return ok({ verb: 'delete', resource: t.type as DeleteCommand['resource'], names: t.names, namespace });
		}
		case 'cordon':
		case 'uncordon':
		case 'drain': {
			const node = pos[0]?.replace(/^(node|nodes|no)\//, '');
			if (pos.length !== 1 || !node) return fail(`error: USAGE: ${VERBS[verb]?.usage}`);
			if (verb !== 'drain') return ok({ verb, node });
			return ok({ verb: 'drain', node, ignoreDaemonsets: boolFlag(flags, 'ignore-daemonsets'), force: boolFlag(flags, 'force'), disableEviction: boolFlag(flags, 'disable-eviction') });
		}
		case 'logs': {
			const pod = pos[0]?.replace(/^(pod|pods|po)\//, '');
			if (!pod || pos.length > 2) return fail(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command`);
			if (pod.includes('/')) return fail(`error: kubectl logs takes a Pod here (logs POD or logs pod/POD)`);
			const tail = intFlag(flags, 'tail');
			if (typeof tail === 'object') return fail(tail.error);
			return ok({ verb: 'logs', pod, container: flags.get('container') ?? pos[1], previous: boolFlag(flags, 'previous'), follow: boolFlag(flags, 'follow'), tail, namespace });
		}
		case 'apply': {
			const file = flags.get('filename');
			if (!file) return fail('error: must specify one of -f and -k (here: kubectl apply -f - applies the editor\'s manifest)');
			if (pos.length) return fail(`error: Unexpected args: [${pos.join(' ')}]\n${VERBS.apply?.usage}`);
			return ok({ verb: 'apply', file, namespace });
		}
	}
	return fail(`error: unknown command "${verb}" for "kubectl"\n${SUPPORTED}`);
}
