// Node taints as the controllers write them (pkg/controller/controller_utils.go AddOrUpdateTaintOnNode,
// RemoveTaintOffNode, PatchNodeTaints; pkg/controller/util/node SwapNodeControllerTaint): each try GETs
// the Node first (the first try from the API server's cache, ?resourceVersion=0), works out the taints
// from that fresh copy, and PATCHes spec.taints carrying its resourceVersion, so only a write in between
// gets 409; then another try, at most 5 (UpdateTaintBackoff.Steps). Added taints get timeAdded.
import type { ApiResult } from '../apiserver/status';
import type { ApiClient } from '../client';
import type { Node, Taint } from '../types';

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const SHUTDOWN = 'node.cloudprovider.kubernetes.io/shutdown';

/** Taint.MatchTaint: the same key and effect (value and timeAdded do not count). */
export const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
export const hasTaint = (node: Node, t: Taint) => (node.spec.taints ?? []).some((x) => sameTaint(x, t));
/** "node.kubernetes.io/unreachable:NoExecute", as kubectl describe prints a taint. */
export const taintText = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

const TRIES = 5;

export interface TaintChange {
	add?: Taint[];
	remove?: Taint[];
	/** The wall-clock time of timeAdded (RFC 3339, second precision). */
	timestamp: string;
	done?: (ok: boolean) => void;
}

/** The taints after the change, or undefined if there is nothing to change. */
export function changedTaints(node: Node, change: Pick<TaintChange, 'add' | 'remove' | 'timestamp'>): Taint[] | undefined {
	const current = node.spec.taints ?? [];
	const kept = current.filter((t) => !(change.remove ?? []).some((r) => sameTaint(r, t)));
	const added = (change.add ?? []).filter((a) => !kept.some((t) => sameTaint(t, a))).map((a) => ({ ...a, timeAdded: change.timestamp }));
	if (added.length === 0 && kept.length === current.length) return undefined;
	return [...kept, ...added];
}

/**
 * Adds and removes taints on the Node `cached` names. The caller's cached copy only decides whether to
 * write at all (as the controllers check their informer's copy); the write starts from a GET.
 */
export function patchTaints(client: ApiClient, cached: Node, change: TaintChange): void {
	if (!changedTaints(cached, change)) return change.done?.(true);
	readThenPatch(client, cached.metadata.name, change, TRIES, true);
}

/** One try: GET the Node (the first try from the API server's cache), then PATCH from that copy. */
function readThenPatch(client: ApiClient, name: string, change: TaintChange, left: number, fromCache: boolean): void {
	const retry = () => (left > 1 ? readThenPatch(client, name, change, left - 1, false) : change.done?.(false));
	client.get('Node', { name }, { resourceVersion: fromCache ? '0' : undefined, done: (g) => (g.ok ? patchFrom(client, g.object, change, retry) : change.done?.(false)) });
}

/** PATCH spec.taints worked out from `node`, carrying its resourceVersion; `retry` on 409 Conflict. */
function patchFrom(client: ApiClient, node: Node, change: TaintChange, retry: () => void): void {
	const taints = changedTaints(node, change);
	if (!taints) return change.done?.(true);
	const words = [
		...(change.add ?? []).filter((t) => !hasTaint(node, t)).map((t) => `taint ${taintText(t)}`),
		...(change.remove ?? []).filter((t) => hasTaint(node, t)).map((t) => `remove taint ${taintText(t)}`)
	];
	const patch = { metadata: { resourceVersion: node.metadata.resourceVersion }, spec: { taints } };
	client.patch('Node', { name: node.metadata.name }, patch, {
		note: words.join(', '),
		done: (r: ApiResult<Node>) => (r.ok ? change.done?.(true) : r.code === 409 ? retry() : change.done?.(false))
	});
}
