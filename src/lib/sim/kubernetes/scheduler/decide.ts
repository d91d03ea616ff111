// One scheduling cycle's decision (schedulePod): filter every node, score the feasible ones, select the
// host. Pure: a snapshot and a random stream in, a node (or the FitError message) out, plus a short
// account of why, which goes into the binding's log line.
import type { Prng } from '../../core/prng';
import type { Pod } from '../types';
import type { NodeInfo } from './cache';
import { filterNode, fitErrorMessage } from './filter';
import { podRequests } from './quantity';
import { scoreNodes, type NodeScore } from './score';

export interface Decision {
	/** The chosen node; absent when none fits. */
	node?: string;
	/** Why: "3/3 nodes fit; scores …; tie broken at random", or "0/3 nodes are available: 3 Insufficient cpu." */
	message: string;
	scores: NodeScore[];
}

/**
 * selectHost: the highest total wins; among equal totals each is kept with probability 1/count
 * (reservoir sampling), so a tie is broken uniformly at random by the scheduler's own stream.
 */
export function selectHost(scores: NodeScore[], rng: Prng): { node: string; ties: number } {
	let best = scores[0] as NodeScore;
	let ties = 1;
	for (const s of scores.slice(1)) {
		if (s.total > best.total) {
			best = s;
			ties = 1;
		} else if (s.total === best.total) {
			ties += 1;
			if (rng.int(ties) === 0) best = s;
		}
	}
	return { node: best.node, ties };
}

const histogram = (reasons: string[][]) => {
	const m = fitErrorMessage(reasons.length, reasons);
	return m.slice(m.indexOf(': ') + 2, -1);
};

function describeScores(scores: NodeScore[], winner: number): string {
	if (scores.length <= 5) return `scores ${scores.map((s) => `${s.node} ${s.total}`).join(', ')}`;
	const top = scores.filter((s) => s.total === winner).map((s) => s.node);
	return `best score ${winner} on ${top.length > 3 ? `${top.slice(0, 3).join(', ')} and ${top.length - 3} more` : top.join(', ')}`;
}

export function decide(pod: Pod, nodes: NodeInfo[], rng: Prng): Decision {
	const requests = podRequests(pod);
	const feasible: NodeInfo[] = [];
	const rejected: string[][] = [];
	for (const n of nodes) {
		const reasons = filterNode(pod, n, requests.requested);
		if (reasons.length) rejected.push(reasons);
		else feasible.push(n);
	}
	if (feasible.length === 0) return { message: fitErrorMessage(nodes.length, rejected), scores: [] };
	const fit = `${feasible.length}/${nodes.length} nodes fit${rejected.length ? ` (others: ${histogram(rejected)})` : ''}`;
	// With one feasible node the real scheduler skips scoring altogether.
	if (feasible.length === 1) return { node: (feasible[0] as NodeInfo).node.metadata.name, message: `${fit}; no scoring needed`, scores: [] };
	const scores = scoreNodes(pod, requests, feasible, nodes);
	const { node, ties } = selectHost(scores, rng);
	const winner = Math.max(...scores.map((s) => s.total));
	return { node, message: `${fit}; ${describeScores(scores, winner)}; ${ties > 1 ? 'tie broken at random' : 'highest score'}`, scores };
}
