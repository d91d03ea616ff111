// Filter: can this node run this Pod at all? The default profile's filter plugins that matter here,
// in the profile's order (pkg/scheduler/apis/config/v1/default_plugins.go); a node fails at the first
// plugin that rejects it, as framework.RunFilterPlugins stops there. Reasons use the plugins' own
// wording, because they end up in the FitError message a user reads in `kubectl describe pod`.
import type { Pod, Taint, Toleration } from '../types';
import type { NodeInfo } from './cache';

// No reasons: one shared array, never changed (filterNode's callers only read it), rather than a new
// empty array for every node of every cycle that passes a plugin.
const NONE: string[] = [];
const NO_LABELS: Record<string, string> = {};

/** v1.Toleration.ToleratesTaint: an empty key with Exists matches every taint; an empty effect every effect. */
export function tolerates(t: Toleration, taint: Taint): boolean {
	if (t.effect && t.effect !== taint.effect) return false;
	if (t.key && t.key !== taint.key) return false;
	if (t.operator === 'Exists') return true;
	return (t.value ?? '') === (taint.value ?? '');
}

const untolerated = (taints: Taint[], tolerations: Toleration[] = []) => taints.find((taint) => !tolerations.some((t) => tolerates(t, taint)));

/** NodeUnschedulable: a cordoned node, unless the Pod tolerates node.kubernetes.io/unschedulable:NoSchedule. */
function nodeUnschedulable(pod: Pod, n: NodeInfo): string[] {
	if (!n.node.spec.unschedulable) return NONE;
	const taint: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
	return pod.spec.tolerations?.some((t) => tolerates(t, taint)) ? NONE : ['node(s) were unschedulable'];
}

/** TaintToleration: the first NoSchedule or NoExecute taint the Pod does not tolerate (PreferNoSchedule only scores). */
function taintToleration(pod: Pod, n: NodeInfo): string[] {
	const hard = (n.node.spec.taints ?? []).filter((t) => t.effect !== 'PreferNoSchedule');
	const taint = untolerated(hard, pod.spec.tolerations);
	return taint ? [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`] : NONE;
}

/** NodeAffinity, the nodeSelector half (required affinity terms are not in this model's PodSpec). */
function nodeAffinity(pod: Pod, n: NodeInfo): string[] {
	const labels = n.node.metadata.labels ?? NO_LABELS;
	const selector = pod.spec.nodeSelector ?? NO_LABELS;
	for (const k in selector) if (labels[k] !== selector[k]) return ["node(s) didn't match Pod's node affinity/selector"];
	return NONE;
}

/** NodeResourcesFit: pods count, then every resource the Pod requests more of than is left (all are reported). */
function nodeResourcesFit(pod: Pod, n: NodeInfo, requests: { cpu: number; memory: number }): string[] {
	const reasons: string[] = [];
	if (n.pods.length + 1 > n.allocatable.pods) reasons.push('Too many pods');
	if (requests.cpu > 0 && requests.cpu > n.allocatable.cpu - n.requested.cpu) reasons.push('Insufficient cpu');
	if (requests.memory > 0 && requests.memory > n.allocatable.memory - n.requested.memory) reasons.push('Insufficient memory');
	return reasons;
}

// NodeName is in the profile too, but this scheduler only ever sees Pods with no spec.nodeName, which
// NodeName always lets through; NodePorts and the volume plugins have nothing to check in this model.
const PLUGINS = [nodeUnschedulable, taintToleration, nodeAffinity];

/** Why the node cannot take the Pod; empty when it can. */
export function filterNode(pod: Pod, n: NodeInfo, requests: { cpu: number; memory: number }): string[] {
	for (const plugin of PLUGINS) {
		const reasons = plugin(pod, n);
		if (reasons.length) return reasons;
	}
	return nodeResourcesFit(pod, n, requests);
}

/**
 * FitError.Error() (pkg/scheduler/framework/types.go): "0/3 nodes are available: " then "<count> <reason>"
 * per reason, sorted as strings (so "1 …" sorts before "2 …", and "10 …" before "2 …", as in Go), joined
 * with ", ", ending with ".". The preemption sentence the real scheduler appends is not modelled.
 */
export function fitErrorMessage(numNodes: number, reasonsByNode: string[][]): string {
	if (numNodes === 0) return 'no nodes available to schedule pods';
	const counts = new Map<string, number>();
	for (const reasons of reasonsByNode) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
	const histogram = [...counts].map(([reason, count]) => `${count} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return `0/${numNodes} nodes are available: ${histogram.join(', ')}.`;
}
