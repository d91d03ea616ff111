// The status the kubelet reports for a Pod, built from what it knows (sandbox, containers) and sent
// as a whole: this simulator's PATCH is a JSON merge patch, which replaces lists, so conditions and
// containerStatuses always go out complete (the real kubelet sends a strategic merge patch).
import { rfc3339, setCondition } from '../objects';
import type { Condition, ContainerState, ContainerStatus, Pod, PodStatus } from '../types';

export interface ContainerRecord {
	name: string;
	image: string;
	/** The runtime's container id while one exists. */
	id?: string;
	restartCount: number;
	state: ContainerState;
	lastState?: ContainerState;
	ready: boolean;
}

export interface PodRecord {
	hostIP: string;
	podIP?: string;
	startTime: string;
	sandboxReady: boolean;
	phase: NonNullable<PodStatus['phase']>;
	containers: ContainerRecord[];
}

/** The status of a Pod as a merge patch body, keeping conditions the kubelet does not own (PodScheduled). */
export function statusPatch(pod: Pod, rec: PodRecord, epochMs: number, now: number): { status: PodStatus } {
	const at = rfc3339(epochMs, now);
	const allReady = rec.containers.every((c) => c.ready);
	const notReady = rec.containers.filter((c) => !c.ready).map((c) => c.name);
	const ready = (type: string): Condition =>
		allReady
			? { type, status: 'True', lastTransitionTime: at }
			: { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]`, lastTransitionTime: at };
	let conditions = pod.status?.conditions ?? [];
	for (const c of [
		{ type: 'PodReadyToStartContainers', status: rec.sandboxReady ? 'True' : 'False', lastTransitionTime: at } as Condition,
		{ type: 'Initialized', status: 'True', lastTransitionTime: at } as Condition,
		ready('ContainersReady'),
		ready('Ready')
	])
		conditions = setCondition(conditions, c);
	const containerStatuses: ContainerStatus[] = rec.containers.map((c) => ({
		name: c.name,
		image: c.image,
		ready: c.ready,
		started: !!c.state.running,
		restartCount: c.restartCount,
		state: c.state,
		...(c.lastState ? { lastState: c.lastState } : {}),
		...(c.id ? { containerID: `containerd://${c.id}` } : {})
	}));
	return {
		status: {
			phase: rec.phase,
			hostIP: rec.hostIP,
			...(rec.podIP ? { podIP: rec.podIP } : {}),
			startTime: rec.startTime,
			conditions,
			containerStatuses
		}
	};
}
