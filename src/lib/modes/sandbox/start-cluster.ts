// The one way the sandbox starts a cluster. The simulator arrives through this import() only, so it
// is a chunk of its own that the sandbox page fetches after its first paint, and that no walkthrough
// page ever loads (tests/budgets.spec.ts checks both); the optional components the course switches on
// (EndpointSlice, GC, kube-proxy, node lifecycle, cloud) come as chunks of their own, in parallel.
import type { CourseOptions, LiveRun } from './live-run';
import type { RunSpec } from './run-url';

export type { CourseOptions, LiveRun } from './live-run';

/** Builds the run from its spec: the cluster started, the preset applied, the link's actions replayed. */
export async function startSandboxCluster(spec: RunSpec, course: CourseOptions): Promise<LiveRun> {
	const [{ LiveRun }, { loadComponents }] = await Promise.all([import('./live-run'), import('$lib/sim/kubernetes/cluster/load')]);
	return new LiveRun(spec, course, await loadComponents({ ...course, seed: spec.seed }));
}
