// Test support for recorded runs: section slices, stable line shapes, and the hub rule.
import type { SimMessage, TraceEntry } from '../../core/trace';
import type { Run } from './scenarios';

/** The trace entries a section added. */
export function entriesOf(run: Run, section: string): readonly TraceEntry[] {
	const s = run.sections[section];
	if (!s) throw new Error(`no section ${section}`);
	return run.cluster.cp.sim.trace.entries.slice(s.from, s.to);
}

export const messagesOf = (run: Run, section: string): SimMessage[] =>
	entriesOf(run, section).flatMap(({ type, ...m }) => (type === 'message' ? [m as SimMessage] : []));

/** Lines without time and ids: `from → to: summary`, `[actor] text`. */
export const shapeOf = (entries: readonly TraceEntry[]) => entries.map((e) => (e.type === 'message' ? `${e.from} → ${e.to}: ${e.summary}` : `[${e.actor}] ${e.text}`));

/**
 * The hub rule (flows.md): every message has kube-apiserver at one end, except exactly a kubelet and
 * its own runtime (CRI), a runtime and the registry, a runtime and its own node's Pod slots, and
 * cloud-controller-manager and the cloud API (which programs the load balancer).
 * Returns the messages that break it.
 */
export function hubRuleBreaks(messages: SimMessage[]): SimMessage[] {
	const n = (id: string, prefix: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : undefined);
	const allowed = (a: string, b: string) => {
		if ((a === 'cloud-controller-manager' && b === 'cloud-api') || (a === 'cloud-api' && b === 'load-balancer')) return true;
		const runtime = n(a, 'runtime-');
		if (runtime === undefined) return false;
		return n(b, 'kubelet-') === runtime || b === 'registry' || new RegExp(`^pod-${runtime}[a-z]$`).test(b);
	};
	return messages.filter((m) => m.from !== 'kube-apiserver' && m.to !== 'kube-apiserver' && !allowed(m.from, m.to) && !allowed(m.to, m.from));
}
