import { describe, expect, it } from 'vitest';
import { Prng } from '../core/prng';
import { ControlPlane } from './control-plane';
import { randomActions, randomNodeActions } from './random-actions';
import type { Pod } from './types';

const API = 'kube-apiserver';
const SEEDS = Array.from({ length: 10 }, (_, i) => `property-${i}`);

describe.each(SEEDS)('random API traffic, seed %s', (seed) => properties(seed));
// The same properties with Node taints, cordons and evictions mixed in (randomActions' stream unchanged).
describe.each(SEEDS.slice(0, 5))('random API traffic with taints, cordons and evictions, seed %s', (seed) => properties(seed, true));

function properties(seed: string, nodeTraffic = false): void {
	const cp = new ControlPlane({ seed, nodes: ['node-1', 'node-2'] });
	// An observer that sees every version of every Pod.
	const observed: Pod[] = [];
	cp.client('observer', 'kubernetes-admin').watch('Pod', { onEvent: (e) => observed.push(e.object) });
	randomActions(cp, new Prng(seed).fork('actions'), 150);
	if (nodeTraffic) randomNodeActions(cp, new Prng(seed).fork('node-actions'), 60);
	cp.sim.queue.runUntilIdle();
	const messages = cp.sim.trace.messages();

	it('keeps the hub rule: every message has kube-apiserver at one end; etcd talks only to kube-apiserver', () => {
		expect(messages.length).toBeGreaterThan(150);
		for (const m of messages) {
			expect([m.from, m.to], `#${m.id} ${m.from} → ${m.to}`).toContain(API);
			expect(m.from).not.toBe(m.to);
		}
	});

	it('answers every request exactly once, and the answer leads back to that request', () => {
		const requests = messages.filter((m) => m.kind === 'request' && m.to === API);
		const responses = messages.filter((m) => m.kind === 'response' && m.from === API);
		expect(responses.length).toBe(requests.length);
		const answered = new Set<number>();
		for (const r of responses) {
			// Back through the etcd round trips (a lost race adds one more) to the request it answers.
			let c = r.cause === null ? undefined : cp.sim.trace.get(r.cause);
			while (c?.type === 'message' && (c.from === 'etcd' || c.to === 'etcd')) c = c.cause === null ? undefined : cp.sim.trace.get(c.cause);
			expect(c?.type === 'message' && c.kind === 'request' && c.from === r.to, `#${r.id}`).toBe(true);
			expect(answered.has(c?.id ?? -1), `#${r.id}`).toBe(false);
			answered.add(c?.id ?? -1);
		}
	});

	it('sends watch events only for writes etcd committed (live) or for a watch just opened (replay)', () => {
		for (const e of messages.filter((m) => m.kind === 'event')) {
			const cause = e.cause === null ? undefined : cp.sim.trace.get(e.cause);
			const ok = cause?.type === 'message' && ((cause.from === 'etcd' && cause.summary.startsWith('committed')) || cause.summary.includes('watch=true'));
			expect(ok, `#${e.id} ← ${cause?.type === 'message' ? cause.summary : cause?.text}`).toBe(true);
		}
	});

	it('never binds one Pod to two nodes', () => {
		const nodesOf = new Map<string, Set<string>>();
		for (const p of observed) if (p.spec.nodeName) nodesOf.set(p.metadata.uid, (nodesOf.get(p.metadata.uid) ?? new Set()).add(p.spec.nodeName));
		expect(nodesOf.size).toBeGreaterThan(0);
		for (const nodes of nodesOf.values()) expect(nodes.size).toBe(1);
	});

	it('leaves no Pod bound to two nodes and every stored Pod with the two default tolerations', () => {
		for (const p of cp.apiserver.storage.list('/registry/pods/') as Pod[]) {
			expect(p.spec.tolerations?.filter((t) => t.tolerationSeconds === 300)).toHaveLength(2);
			if (p.spec.nodeName) expect(['node-1', 'node-2']).toContain(p.spec.nodeName);
		}
	});

	if (!nodeTraffic) return;
	it('an eviction writes only its own Pod (DisruptionTarget, then Terminating or gone), and at least one was granted', () => {
		const granted = messages.filter((m) => m.from === API && m.summary.startsWith('201 Created (eviction'));
		expect(granted.length).toBeGreaterThan(0);
		for (const answer of granted) {
			const request = cp.sim.trace.why(answer.id).find((e) => e.type === 'message' && e.kind === 'request' && e.to === API);
			const pod = request?.type === 'message' ? /pods\/(\S+)\/eviction/.exec(request.summary)?.[1] : undefined;
			// An already Terminating Pod with DisruptionTarget set: nothing to write, and no event.
			const seen = messages.filter((m) => m.to === 'observer' && m.kind === 'event' && cp.sim.trace.why(m.id).some((e) => e.id === request?.id));
			expect(seen.length, `#${answer.id}`).toBeLessThanOrEqual(2);
			for (const m of seen) expect(m.summary, `#${answer.id}`).toMatch(new RegExp(`^watch: Pod ${pod ?? '?'} (MODIFIED|DELETED)$`));
		}
	});
}
