// Two parts of the node lifecycle controller that only react to what they are told:
// - doNoScheduleTaintingPass: on every Node add/update, the NoSchedule taints that mirror its conditions
//   (Ready=Unknown → unreachable, Ready=False → not-ready, pressure conditions, spec.unschedulable);
// - the NoExecute tainter: a rate-limited queue (RateLimitedTimedQueue with a token bucket of 0.1 nodes/s,
//   burst 1, tried every 100 ms, NodeEvictionPeriod) that adds unreachable/not-ready NoExecute taints.
import type { ComponentContext } from '../control-plane';
import type { Condition, Node, Taint } from '../types';
import type { Informer } from './informer';
import { NOT_READY, patchTaints, sameTaint, taintText, UNREACHABLE, UNSCHEDULABLE } from './taints';
import { WorkQueue } from './workqueue';

export const UNREACHABLE_NO_EXECUTE: Taint = { key: UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: NOT_READY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap */
const CONDITION_TAINTS: Record<string, Partial<Record<Condition['status'], string>>> = {
	Ready: { False: NOT_READY, Unknown: UNREACHABLE },
	MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
	DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
	NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
	PIDPressure: { True: 'node.kubernetes.io/pid-pressure' }
};
const MANAGED = new Set([UNSCHEDULABLE, ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m))]);

export const readyOf = (node: Node | undefined) => node?.status?.conditions?.find((c) => c.type === 'Ready');

/** The NoSchedule taints a Node's conditions and spec.unschedulable call for. */
export function conditionTaints(node: Node): Taint[] {
	const keys = (node.status?.conditions ?? []).flatMap((c) => CONDITION_TAINTS[c.type]?.[c.status] ?? []);
	if (node.spec.unschedulable) keys.push(UNSCHEDULABLE);
	return keys.map((key) => ({ key, effect: 'NoSchedule' }));
}

/** What doNoScheduleTaintingPass would add and remove; empty lists when the taints already match. */
export function noScheduleDiff(node: Node): { add: Taint[]; remove: Taint[] } {
	const want = conditionTaints(node);
	const have = (node.spec.taints ?? []).filter((t) => t.effect === 'NoSchedule' && MANAGED.has(t.key));
	return { add: want.filter((w) => !have.some((h) => sameTaint(h, w))), remove: have.filter((h) => !want.some((w) => sameTaint(w, h))) };
}

const describe = (node: Node) => {
	const ready = readyOf(node);
	return [ready ? `Ready=${ready.status}` : 'no Ready condition', ...(node.spec.unschedulable ? ['unschedulable'] : [])].join(', ');
};

/** Starts the NoSchedule pass on the Node informer's events. */
export function startNoScheduleTainting(ctx: ComponentContext, nodes: Informer<'Node'>, timestamp: () => string): void {
	const queue = new WorkQueue(ctx, (key, done) => {
		const node = nodes.get(key);
		if (!node) return done();
		const { add, remove } = noScheduleDiff(node);
		if (add.length === 0 && remove.length === 0) return done();
		const what = [...add.map((t) => `taint ${taintText(t)}`), ...remove.map((t) => `remove ${taintText(t)}`)].join(', ');
		ctx.after(0, () => patchTaints(ctx.client, node, { add, remove, timestamp: timestamp(), done: () => done() }), `${node.metadata.name}: ${describe(node)}, so ${what}`);
	});
	nodes.on({ add: (n) => queue.add(`/${n.metadata.name}`), update: (_, n) => queue.add(`/${n.metadata.name}`) });
}

const TICK_MS = 100;

/** The zone's NoExecute tainter: a unique queue (a tainted node stays in its set until removed) and a token bucket. */
export class NoExecuteTainter {
	private readonly set = new Set<string>();
	private readonly pending: string[] = [];
	private nextToken = 0;
	private ticking = false;
	/** Nodes per second; 0 stops tainting (a disrupted zone). */
	qps = 0.1;

	constructor(
		private readonly ctx: ComponentContext,
		private readonly nodes: Informer<'Node'>,
		private readonly timestamp: () => string
	) {}

	/** Queues the node unless it is in the set already (queued or tainted); true if queued. */
	add(name: string): boolean {
		if (this.set.has(name)) return false;
		this.set.add(name);
		this.pending.push(name);
		this.tick();
		return true;
	}

	remove(name: string): boolean {
		const i = this.pending.indexOf(name);
		if (i >= 0) this.pending.splice(i, 1);
		return this.set.delete(name);
	}

	/** The pass runs every 100 ms; it is scheduled only while something is queued, so idle time costs no events. */
	private tick(at = 0): void {
		if (this.ticking) return;
		this.ticking = true;
		const now = this.ctx.now();
		const next = Math.max(now + 1, at);
		this.ctx.after(Math.ceil(next / TICK_MS) * TICK_MS - now, () => {
			this.ticking = false;
			this.pass();
		});
	}

	private pass(): void {
		while (this.pending.length > 0) {
			if (this.qps <= 0) return;
			const now = this.ctx.now();
			if (now < this.nextToken) return this.tick(this.nextToken);
			this.nextToken = Math.max(now, this.nextToken) + 1000 / this.qps;
			const name = this.pending.shift() ?? '';
			const node = this.nodes.get(`/${name}`);
			const status = readyOf(node)?.status;
			if (!node || status === undefined || status === 'True') continue;
			const [add, opposite] = status === 'False' ? [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE] : [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
			const note = `${name}: Ready=${status}, so taint ${taintText(add)} (rate-limited: ${this.qps} nodes/s)`;
			this.ctx.after(0, () => patchTaints(this.ctx.client, node, { add: [add], remove: [opposite], timestamp: this.timestamp(), done: (ok) => this.failed(ok, name) }), note);
		}
	}

	/** A failed swap goes back in the queue (Try's Replace). */
	private failed(ok: boolean, name: string): void {
		if (ok || !this.set.has(name) || this.pending.includes(name)) return;
		this.pending.push(name);
		this.tick();
	}

	/** Restarts a stopped queue (after a disruption ends). */
	resume(): void {
		if (this.pending.length > 0) this.tick();
	}
}
