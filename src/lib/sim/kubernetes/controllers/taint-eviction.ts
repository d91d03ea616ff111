// The taint eviction controller of kube-controller-manager (pkg/controller/tainteviction, its own
// controller since v1.29): watches Nodes and Pods. When a node's NoExecute taints change, each Pod on
// it either tolerates them all (for the shortest tolerationSeconds among the tolerations used; none
// means forever) or not. Not tolerated: deleted at once. Tolerated for N s: deleted N s after the
// controller saw the taint (the admission default gives every Pod 300 s for unreachable and
// not-ready). Deleting is a PATCH …/status adding DisruptionTarget (DeletionByTaintManager), then a
// DELETE with the Pod's own grace period. Taints gone before then: the deletion is cancelled.
import type { Timer } from '../../core/queue';
import { DEFAULT_EPOCH, type ComponentContext } from '../control-plane';
import { postEvent } from '../events';
import { rfc3339 } from '../objects';
import { tolerates } from '../scheduler/filter';
import type { Node, Pod, Taint, Toleration } from '../types';
import { informer, keyOf } from './informer';
import { taintText } from './taints';

export const noExecuteTaints = (node: Node | undefined) => (node?.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');

/**
 * How long the Pod may stay: 'now' if some taint is not tolerated, 'forever' if no toleration used has
 * tolerationSeconds, else the least of them in ms (GetMatchingTolerations, getMinTolerationTime).
 */
export function tolerationTime(taints: Taint[], tolerations: Toleration[] = []): { ms: number | 'forever'; taint?: Taint } | 'now' {
	let best: { ms: number | 'forever'; taint?: Taint } = { ms: 'forever' };
	for (const taint of taints) {
		const used = tolerations.find((t) => tolerates(t, taint));
		if (!used) return 'now';
		if (used.tolerationSeconds === undefined) continue;
		const ms = Math.max(0, used.tolerationSeconds) * 1000;
		if (best.ms === 'forever' || ms < best.ms) best = { ms, taint };
	}
	return best;
}

interface Work {
	/** Undefined once it has run: kept so the Pod is not deleted twice (TimedWorkerQueue keeps the key). */
	timer?: Timer;
	createdAt: number;
}

export function startTaintEvictionController(ctx: ComponentContext, options: { epochMs?: number } = {}): void {
	const epochMs = options.epochMs ?? DEFAULT_EPOCH;
	const nodes = informer(ctx, 'Node');
	const pods = informer(ctx, 'Pod');
	const work = new Map<string, Work>();
	/** emitPodDeletionEvent / emitCancelPodDeletionEvent: Normal TaintManagerEviction. */
	const event = (key: string, message: string) => {
		const [namespace = 'default', name = ''] = key.split('/');
		postEvent(ctx.client, { involved: { apiVersion: 'v1', kind: 'Pod', name, namespace }, type: 'Normal', reason: 'TaintManagerEviction', message: `${message} ${key}`, source: 'taint-eviction-controller' }, epochMs + ctx.now());
	};

	const cancel = (key: string, why?: string) => {
		const w = work.get(key);
		if (!w) return;
		work.delete(key);
		if (!w.timer) return;
		w.timer.cancel();
		if (why) ctx.after(0, () => event(key, 'Cancelling deletion of Pod'), `${key}: ${why}, so its deletion is cancelled`);
	};

	nodes.on({
		add: (n) => nodeChanged(undefined, n),
		update: (old, n) => nodeChanged(old, n),
		delete: (n) => nodeChanged(n, undefined)
	});
	pods.on({
		add: (p) => podChanged(undefined, p),
		update: (old, p) => podChanged(old, p),
		delete: (p) => cancel(keyOf(p))
	});

	function nodeChanged(old: Node | undefined, node: Node | undefined): void {
		if (old && node && JSON.stringify(noExecuteTaints(old)) === JSON.stringify(noExecuteTaints(node))) return;
		if (!node) return;
		const taints = noExecuteTaints(node);
		for (const pod of pods.list((p) => p.spec.nodeName === node.metadata.name)) processPod(pod, node.metadata.name, taints);
	}

	function podChanged(old: Pod | undefined, pod: Pod): void {
		const node = pod.spec.nodeName;
		if (!node) return;
		if (old && old.spec.nodeName === node && JSON.stringify(old.spec.tolerations) === JSON.stringify(pod.spec.tolerations)) return;
		const taints = noExecuteTaints(nodes.get(`/${node}`));
		if (taints.length > 0) processPod(pod, node, taints);
	}

	function processPod(pod: Pod, node: string, taints: Taint[]): void {
		const key = keyOf(pod);
		if (taints.length === 0) return cancel(key, `${node} has no NoExecute taint any more`);
		const time = tolerationTime(taints, pod.spec.tolerations);
		const ms = time === 'now' ? 0 : time.ms;
		if (ms === 'forever') return cancel(key, `it tolerates every NoExecute taint of ${node} forever`);
		const now = ctx.now();
		const existing = work.get(key);
		const createdAt = existing?.createdAt ?? now;
		if (existing && (!existing.timer || createdAt + ms < now + ms)) return;
		existing?.timer?.cancel();
		const taint = time === 'now' ? taints.find((t) => !(pod.spec.tolerations ?? []).some((x) => tolerates(x, t))) : time.taint;
		const what = taintText(taint ?? taints[0] ?? { key: '?', effect: 'NoExecute' });
		const wait = Math.max(0, createdAt + ms - now);
		const fire = time === 'now' ? `${key} on ${node} does not tolerate ${what}, so delete it` : `${key} on ${node}: its toleration of ${what} (${ms / 1000} s) ran out, so delete it`;
		const w: Work = { createdAt };
		work.set(key, w);
		const schedule = () => (w.timer = ctx.after(wait, () => evict(key, w), fire));
		if (time === 'now') schedule();
		else ctx.after(0, schedule, `${key} on ${node} tolerates ${what} for ${ms / 1000} s: deletion in ${Math.round(wait / 1000)} s`);
	}

	/** addConditionAndDeletePod */
	function evict(key: string, w: Work): void {
		w.timer = undefined;
		const pod = pods.get(key);
		if (!pod) return;
		event(key, 'Marking for deletion Pod');
		const ref = { name: pod.metadata.name, namespace: pod.metadata.namespace };
		const conditions = pod.status?.conditions ?? [];
		const target = { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: rfc3339(epochMs, ctx.now()) };
		const del = () => ctx.client.delete('Pod', ref);
		if (conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) return del();
		ctx.client.patch('Pod', ref, { status: { conditions: [...conditions, target] } }, { subresource: 'status', note: 'DisruptionTarget: DeletionByTaintManager', done: del });
	}
}
