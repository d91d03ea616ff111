// Score: of the nodes that fit, which is best? Each plugin gives every feasible node 0–100 (after its
// NormalizeScore), times its weight in the default profile; the totals are summed. Integer arithmetic
// where Go's is integer, so the totals are the ones a real scheduler would log at -v=10.
import type { Pod } from '../types';
import { ownerKey, type NodeInfo } from './cache';
import { tolerates } from './filter';
import type { PodRequests } from './quantity';

const MAX = 100;

/** NodeResourcesFit, LeastAllocated strategy: the free share of cpu and of memory, averaged (weights 1/1). */
function leastAllocated(n: NodeInfo, req: PodRequests): number {
	let sum = 0;
	let weights = 0;
	for (const r of ['cpu', 'memory'] as const) {
		const alloc = n.allocatable[r];
		if (alloc === 0) continue;
		const used = n.nonZeroRequested[r] + req.nonZero[r];
		sum += used > alloc ? 0 : Math.floor(((alloc - used) * MAX) / alloc);
		weights += 1;
	}
	return weights ? Math.floor(sum / weights) : 0;
}

/** NodeResourcesBalancedAllocation: 100 × (1 − |cpu fraction − memory fraction| / 2), with real requests. */
function balancedAllocation(n: NodeInfo, req: PodRequests): number {
	const fractions: number[] = [];
	for (const r of ['cpu', 'memory'] as const) {
		if (n.allocatable[r] === 0) continue;
		fractions.push(Math.min(1, (n.requested[r] + req.requested[r]) / n.allocatable[r]));
	}
	const std = fractions.length === 2 ? Math.abs(((fractions[0] as number) - (fractions[1] as number)) / 2) : 0;
	return Math.trunc((1 - std) * MAX);
}

/** TaintToleration: PreferNoSchedule taints the Pod does not tolerate, counted; normalized in reverse. */
function intolerablePreferNoSchedule(pod: Pod, n: NodeInfo): number {
	const tolerations = (pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
	return (n.node.spec.taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint))).length;
}

/** framework's DefaultNormalizeScore: scale to 0–100 by the highest; reverse turns "more" into "worse". */
function normalize(scores: number[], reverse: boolean): number[] {
	const max = Math.max(0, ...scores);
	if (max === 0) return scores.map(() => (reverse ? MAX : 0));
	return scores.map((s) => (reverse ? MAX - Math.floor((MAX * s) / max) : Math.floor((MAX * s) / max)));
}

const ZONE = 'topology.kubernetes.io/zone';

/**
 * PodTopologySpread with the system default constraints (hostname maxSkew 3, zone maxSkew 5,
 * ScheduleAnyway). They apply to a Pod with an owner (its ReplicaSet); the Pods counted are those with
 * the same first ownerReference, as the plugin does for owned Pods (nodeInfo.PodsWithOwnerRef).
 * Terminating Pods are not counted. A Pod with no owner gets no default constraints: the plugin skips (0).
 */
function topologySpread(pod: Pod, feasible: NodeInfo[], all: NodeInfo[]): number[] {
	const owner = pod.metadata.ownerReferences?.[0]?.uid;
	if (!owner) return feasible.map(() => 0);
	// Matching Pods on a node: the cache counts them by owner as Pods come and go.
	const key = ownerKey(pod.metadata.namespace, owner);
	const count = (n: NodeInfo) => n.owners.get(key) ?? 0;
	const zoneOf = (n: NodeInfo) => n.node.metadata.labels?.[ZONE];
	// Zones seen among the feasible nodes (an unlabelled node adds the value "", as in initPreScoreState).
	const zones = new Set(feasible.map((n) => zoneOf(n) ?? ''));
	const perZone = new Map<string, number>();
	const selector = Object.entries(pod.spec.nodeSelector ?? {});
	for (const n of all) {
		const z = zoneOf(n) ?? '';
		// Node inclusion policy (default nodeAffinity: Honor): only nodes the Pod could select count.
		if (!zones.has(z) || !selector.every(([k, v]) => n.node.metadata.labels?.[k] === v)) continue;
		perZone.set(z, (perZone.get(z) ?? 0) + count(n));
	}
	const hostWeight = Math.log(feasible.length + 2);
	const zoneWeight = Math.log(zones.size + 2);
	const raw = feasible.map((n) => {
		// Simplified: every Node counts as labelled kubernetes.io/hostname (kubelets always set it), so the
		// hostname constraint scores every node: matching Pods × log(feasible + 2) + (maxSkew 3 − 1).
		let score = count(n) * hostWeight + (3 - 1);
		const z = zoneOf(n);
		if (z !== undefined) score += (perZone.get(z) ?? 0) * zoneWeight + (5 - 1);
		return Math.round(score);
	});
	const max = Math.max(0, ...raw);
	const min = Math.min(...raw);
	return raw.map((s) => (max === 0 ? MAX : Math.floor((MAX * (max + min - s)) / max)));
}

const MB = 1024 * 1024;

/** ImageLocality: images the node already has, by size, scaled by how many nodes have them (23 MB–1000 MB per container). */
function imageLocality(names: string[], n: NodeInfo, spreadOf: (name: string) => number): number {
	let sum = 0;
	for (const name of names) {
		const image = has(n, name);
		if (!image) continue;
		sum += Math.trunc((image.sizeBytes ?? 0) * spreadOf(name));
	}
	const maxThreshold = 1000 * MB * names.length;
	const clamped = Math.min(maxThreshold, Math.max(23 * MB, sum));
	return Math.floor((MAX * (clamped - 23 * MB)) / (maxThreshold - 23 * MB));
}

const normalized = (image: string) => (image.lastIndexOf(':') <= image.lastIndexOf('/') ? `${image}:latest` : image);
const has = (info: NodeInfo, name: string) => info.node.status?.images?.find((i) => i.names.includes(name));

/** The share of all nodes that have an image, computed once per image per cycle (not once per node). */
function imageSpread(all: NodeInfo[]): (name: string) => number {
	const spreads = new Map<string, number>();
	return (name) => {
		let spread = spreads.get(name);
		if (spread === undefined) spreads.set(name, (spread = all.filter((info) => has(info, name)).length / all.length));
		return spread;
	};
}

/** Weights of the default profile. InterPodAffinity (2) and NodeAffinity (2) have no terms to score here: 0. */
export const WEIGHTS = { NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1, TaintToleration: 3, PodTopologySpread: 2, ImageLocality: 1 } as const;

export type PluginScores = Record<keyof typeof WEIGHTS, number>;

const PLUGINS = Object.keys(WEIGHTS) as (keyof PluginScores)[];

export interface NodeScore {
	node: string;
	total: number;
	plugins: PluginScores;
}

/** The weighted scores of the feasible nodes (same order). */
export function scoreNodes(pod: Pod, req: PodRequests, feasible: NodeInfo[], all: NodeInfo[]): NodeScore[] {
	// BalancedAllocation skips best-effort Pods (no cpu or memory requests): kubernetes#129138.
	const bestEffort = req.requested.cpu === 0 && req.requested.memory === 0;
	const taints = normalize(
		feasible.map((n) => intolerablePreferNoSchedule(pod, n)),
		true
	);
	const spread = topologySpread(pod, feasible, all);
	const spreadOf = imageSpread(all);
	const images = pod.spec.containers.map((c) => normalized(c.image));
	return feasible.map((n, i) => {
		const plugins: PluginScores = {
			NodeResourcesFit: leastAllocated(n, req),
			NodeResourcesBalancedAllocation: bestEffort ? 0 : balancedAllocation(n, req),
			TaintToleration: taints[i] as number,
			PodTopologySpread: spread[i] as number,
			ImageLocality: imageLocality(images, n, spreadOf)
		};
		let total = 0;
		for (const k of PLUGINS) total += plugins[k] * WEIGHTS[k];
		return { node: n.node.metadata.name, total, plugins };
	});
}
