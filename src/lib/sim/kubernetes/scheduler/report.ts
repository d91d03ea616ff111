// What the scheduler writes besides bindings: the Pod's PodScheduled condition when it fits nowhere, and
// core/v1 Events (Scheduled, FailedScheduling) with the scheduler as their source.
import type { ApiClient } from '../client';
import { setCondition } from '../objects';
import { postEvent } from '../events';
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

/** A Scheduled or FailedScheduling Event about the Pod, from the scheduler; `wallMs` is the wall-clock time. */
export function recordEvent(client: ApiClient, pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, wallMs: number): void {
	const { name, namespace = 'default', uid } = pod.metadata;
	postEvent(client, { involved: { kind: 'Pod', apiVersion: 'v1', namespace, name, uid }, type, reason, message, source: SCHEDULER_NAME }, wallMs);
}
