// The one way the sandbox starts a cluster. The simulator arrives through this import() only, so it
// is a chunk of its own that the sandbox page fetches after its first paint, and that no walkthrough
// page ever loads (tests/budgets.spec.ts checks both). When the simulator's optional components become
// lazy (a future `loadCluster(options): Promise<Cluster>`), LiveRun's constructor is where it goes.
import type { CourseOptions, LiveRun } from './live-run';
import type { RunSpec } from './run-url';

export type { CourseOptions, LiveRun } from './live-run';

/** Builds the run from its spec: the cluster started, the preset applied, the link's actions replayed. */
export async function startSandboxCluster(spec: RunSpec, course: CourseOptions): Promise<LiveRun> {
	const { LiveRun } = await import('./live-run');
	return new LiveRun(spec, course);
}
