// Resource quantities as the scheduler counts them: cpu in millicores, memory in bytes, pods as a
// count. Only the suffixes this simulator's objects use are parsed (m; k, M, G, T; Ki, Mi, Gi, Ti),
// which covers what kubectl users write for cpu and memory.
import type { Pod, ResourceList } from '../types';

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** "1900m" → 1900, "2" → 2000, "0.5" → 500. Rounded up, as resource.Quantity.MilliValue() does. */
export function milliCpu(q: string | undefined): number {
	if (!q) return 0;
	if (q.endsWith('m')) return Math.ceil(Number(q.slice(0, -1)));
	return Math.ceil(Number(q) * 1000);
}

/** "7Gi" → 7516192768, "128M" → 128000000, "1e9" → 1000000000. Rounded up, as Quantity.Value() does. */
export function bytes(q: string | undefined): number {
	if (!q) return 0;
	const m = q.match(/^([0-9.e+]+)([kMGT]i?)?$/);
	if (!m) return 0;
	return Math.ceil(Number(m[1]) * (SUFFIX[m[2] ?? ''] ?? 1));
}

export interface Resources {
	/** Millicores. */
	cpu: number;
	/** Bytes. */
	memory: number;
}

/** What a Pod asks for: the real requests (Filter, BalancedAllocation) and the "non-zero" ones (LeastAllocated). */
export interface PodRequests {
	requested: Resources;
	/** A container with no cpu (memory) request counts as 100m (200 MiB) here, so best-effort Pods still spread. */
	nonZero: Resources;
}

// pkg/scheduler/util: DefaultMilliCPURequest = 100, DefaultMemoryRequest = 200 * 1024 * 1024.
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

export function podRequests(pod: Pod): PodRequests {
	const out: PodRequests = { requested: { cpu: 0, memory: 0 }, nonZero: { cpu: 0, memory: 0 } };
	for (const c of pod.spec.containers) {
		const r: ResourceList = c.resources?.requests ?? {};
		const cpu = milliCpu(r.cpu);
		const memory = bytes(r.memory);
		out.requested.cpu += cpu;
		out.requested.memory += memory;
		// Only an absent request is defaulted: an explicit "0" stays 0, as in GetNonzeroRequestForResource.
		out.nonZero.cpu += r.cpu === undefined ? DEFAULT_MILLI_CPU : cpu;
		out.nonZero.memory += r.memory === undefined ? DEFAULT_MEMORY : memory;
	}
	return out;
}
