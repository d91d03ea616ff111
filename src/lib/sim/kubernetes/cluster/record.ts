// A scenario's record as text, for golden files and for review: sections, each the trace lines it
// added (every message and note, `t=… #id←#cause from → to: summary`) followed by the tables as
// kubectl prints them at the section's end. Deterministic: only simulated time and ids appear.
import { formatTime, type TraceEntry } from '../../core/trace';
import type { Cluster } from './cluster';
import { deploymentsTable, endpointSlicesTable, nodesTable, podsTable, replicaSetsTable, servicesTable, tableText } from './tables';
import type { StateTable } from '$lib/model/types';

/** The four walkthrough tables, from what is stored now; Services and EndpointSlices too once there are any. */
export function clusterTables(c: Cluster): StateTable[] {
	const network = c.services().length || c.endpointSlices().length ? [servicesTable(c.services()), endpointSlicesTable(c.endpointSlices())] : [];
	return [deploymentsTable(c.deployments()), replicaSetsTable(c.replicaSets()), podsTable(c.pods()), nodesTable(c.nodeObjects()), ...network];
}

export class Recording {
	private readonly parts: string[] = [];
	private mark = 0;

	constructor(
		private readonly c: Cluster,
		readonly title: string
	) {}

	/**
	 * Runs `body` (actions, then settling) and records what it added to the trace, then the tables.
	 * `omit` leaves entries out of the text (e.g. healthy nodes' heartbeats over minutes), counted in one line.
	 */
	section(title: string, body: () => void, omit?: { test: (e: TraceEntry) => boolean; what: string }): { from: number; to: number } {
		const from = this.mark;
		body();
		const { trace, now } = this.c.cp.sim;
		const all = trace.lines(from);
		// Entries are built on demand (the trace is stored by column): only when some are left out.
		const entries = omit ? trace.entries.slice(from) : [];
		const lines = omit ? all.filter((_, i) => !omit.test(entries[i] as TraceEntry)) : all;
		if (omit && lines.length < all.length) lines.push(`(${all.length - lines.length} entries not shown: ${omit.what})`);
		this.mark = trace.size;
		const tables = clusterTables(this.c).map(tableText).join('\n');
		this.parts.push(`## ${title} (until ${formatTime(now)}, ${all.length} entries)\n\n${lines.join('\n')}\n\n### Tables at ${formatTime(now)}\n\n${tables}`);
		return { from, to: this.mark };
	}

	/** The title and the sections from `from` on (a scenario that continues another skips that one's sections). */
	text(from = 0, preface = ''): string {
		return [`# ${this.title}\n${preface}`, ...this.parts.slice(from)].join('\n');
	}
}
