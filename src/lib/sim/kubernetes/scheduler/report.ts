// What the scheduler writes besides bindings: the Pod's PodScheduled condition when it fits nowhere, and
// core/v1 Events (Scheduled, FailedScheduling) with the scheduler as their source.
import type { ApiClient } from '../client';
import { setCondition } from '../objects';
import type { Pod } from '../types';

/** The profile name Pods ask for (spec.schedulerName) and the source of the Events it records. */
export const SCHEDULER_NAME = 'default-scheduler';

/**
 * PATCH pods/<p>/status with PodScheduled=False, reason Unschedulable and the FitError message, as
 * handleSchedulingFailure does. A JSON merge patch replaces the whole conditions list, so the Pod's
 * other conditions are sent back as read (an unbound Pod has no kubelet writing them concurrently).
 */
export function setUnschedulable(client: ApiClient, pod: Pod, message: string, now: string): void {
	const conditions = setCondition(pod.status?.conditions ?? [], { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: now });
	client.patch('Pod', { name: pod.metadata.name, namespace: pod.metadata.namespace }, { status: { conditions } }, { subresource: 'status', note: `PodScheduled=False, Unschedulable: ${message}` });
}

/** The name client-go's recorder gives an Event: the object's name, ".", the time in nanoseconds as hex. */
const eventName = (pod: Pod, wallMs: number) => `${pod.metadata.name}.${(BigInt(Math.round(wallMs)) * BigInt(1_000_000)).toString(16)}`;

export function recordEvent(client: ApiClient, pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, wallMs: number, now: string): void {
	const namespace = pod.metadata.namespace ?? 'default';
	client.create(
		{
			kind: 'Event',
			metadata: { name: eventName(pod, wallMs), namespace },
			involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace, name: pod.metadata.name, uid: pod.metadata.uid },
			reason,
			message,
			type,
			source: { component: SCHEDULER_NAME },
			count: 1,
			firstTimestamp: now,
			lastTimestamp: now
		},
		{ note: `${reason}: ${message}` }
	);
}
