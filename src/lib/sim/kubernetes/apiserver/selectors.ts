// Label selectors (the string form of ?labelSelector= and the structured form of a Deployment's
// spec.selector) and field selectors (?fieldSelector=spec.nodeName=node-1), with the real grammar's
// operators: =, ==, !=, in, notin, exists (key), does not exist (!key) for labels; =, ==, != for fields.
import type { KubeObject, LabelSelector } from '../types';
import { RESOURCES } from './resources';

export interface Requirement {
	key: string;
	op: 'in' | 'notin' | 'exists' | '!exists';
	values: string[];
}

/** Parses "app=nginx,tier!=db,env in (prod,staging),!canary". Throws on a malformed selector. */
export function parseLabelSelector(text: string): Requirement[] {
	const reqs: Requirement[] = [];
	// Split on commas that are not inside a set's parentheses.
	const parts = text.split(/,(?![^(]*\))/).map((p) => p.trim()).filter(Boolean);
	for (const part of parts) {
		let m: RegExpMatchArray | null;
		if ((m = part.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/)))
			reqs.push({ key: m[1] as string, op: m[2] as 'in' | 'notin', values: (m[3] as string).split(',').map((v) => v.trim()) });
		else if ((m = part.match(/^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/)))
			reqs.push({ key: m[1] as string, op: m[2] === '!=' ? 'notin' : 'in', values: [m[3] as string] });
		else if ((m = part.match(/^!([\w./-]+)$/))) reqs.push({ key: m[1] as string, op: '!exists', values: [] });
		else if ((m = part.match(/^([\w./-]+)$/))) reqs.push({ key: m[1] as string, op: 'exists', values: [] });
		else throw new SyntaxError(`unable to parse requirement: ${part}`);
	}
	return reqs;
}

/** The structured selector of a Deployment or ReplicaSet as requirements. */
export function fromLabelSelector(selector: LabelSelector): Requirement[] {
	const reqs: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, v]) => ({ key, op: 'in', values: [v] }));
	for (const e of selector.matchExpressions ?? []) {
		const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!exists' } as const)[e.operator];
		reqs.push({ key: e.key, op, values: e.values ?? [] });
	}
	return reqs;
}

export function matchesLabels(reqs: readonly Requirement[], labels: Record<string, string> = {}): boolean {
	return reqs.every(({ key, op, values }) => {
		const has = Object.prototype.hasOwnProperty.call(labels, key);
		if (op === 'exists') return has;
		if (op === '!exists') return !has;
		if (op === 'in') return has && values.includes(labels[key] as string);
		return !has || !values.includes(labels[key] as string); // notin: a missing label matches, as in Kubernetes
	});
}

/** "app=nginx,tier=web": how kubectl prints a selector and how a Scale's status.selector reads. */
export const formatSelector = (selector: LabelSelector) =>
	Object.entries(selector.matchLabels ?? {})
		.map(([k, v]) => `${k}=${v}`)
		.join(',');

export interface FieldRequirement {
	path: string;
	equal: boolean;
	value: string;
}

/** Parses "spec.nodeName=node-1,status.phase!=Failed"; unsupported fields fail as in the real API. */
export function parseFieldSelector(text: string, kind: KubeObject['kind']): FieldRequirement[] | string {
	const allowed = ['metadata.name', 'metadata.namespace', ...RESOURCES[kind].fields];
	const reqs: FieldRequirement[] = [];
	for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
		const m = part.match(/^([\w.]+)\s*(==|=|!=)\s*(.*)$/);
		if (!m) return `invalid field selector: ${part}`;
		const path = m[1] as string;
		if (!allowed.includes(path)) return `field label not supported: ${path}`;
		reqs.push({ path, equal: m[2] !== '!=', value: m[3] as string });
	}
	return reqs;
}

/** Field paths split once: a kubelet's spec.nodeName watch is checked against every Pod write. */
const pathSteps = new Map<string, string[]>();

export function fieldValue(obj: KubeObject, path: string): string {
	let steps = pathSteps.get(path);
	if (!steps) pathSteps.set(path, (steps = path.split('.')));
	let v: unknown = obj;
	for (const step of steps) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[step] : undefined;
	// An absent field compares as the empty string (spec.nodeName= selects unscheduled Pods).
	return v === undefined || v === null ? '' : String(v);
}

export const matchesFields = (reqs: readonly FieldRequirement[], obj: KubeObject) =>
	reqs.every(({ path, equal, value }) => (fieldValue(obj, path) === value) === equal);
