// core/v1 Events as client-go's EventRecorder posts them for the control plane's components: POST
// /api/v1/namespaces/<ns>/events named "<object>.<time in nanoseconds, hex>", with the component as
// the source. An Event about a cluster-scoped object (a Node) goes to the default namespace, as
// client-go puts it. (The kubelet's recorder, with its count PATCHes, is node/events.ts.)
import type { ApiClient } from './client';
import { rfc3339 } from './objects';
import type { ObjectReference } from './types';

export interface EventSpec {
	involved: ObjectReference & { kind: string; name: string };
	type: 'Normal' | 'Warning';
	reason: string;
	message: string;
	/** The recorder's component: "default-scheduler", "node-controller", "service-controller"… */
	source: string;
}

export const eventName = (object: string, wallMs: number) => `${object}.${(BigInt(Math.round(wallMs)) * BigInt(1_000_000)).toString(16)}`;

/** POSTs the Event; `wallMs` is the wall-clock time (epoch + simulated time). */
export function postEvent(client: ApiClient, e: EventSpec, wallMs: number): void {
	const namespace = e.involved.namespace ?? 'default';
	const now = rfc3339(wallMs, 0);
	client.create(
		{
			kind: 'Event',
			metadata: { name: eventName(e.involved.name, wallMs), namespace },
			involvedObject: e.involved,
			reason: e.reason,
			message: e.message,
			type: e.type,
			source: { component: e.source },
			count: 1,
			firstTimestamp: now,
			lastTimestamp: now
		},
		{ note: `${e.reason}: ${e.message}` }
	);
}
