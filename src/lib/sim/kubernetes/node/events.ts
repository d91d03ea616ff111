// The kubelet's Events (what kubectl describe pod lists): one POST per new event; a repeat of the same
// reason and message for the same object PATCHes count and lastTimestamp instead, as client-go's
// EventCorrelator does (so a crash loop makes one BackOff Event with a growing count, not hundreds).
import type { ApiClient } from '../client';
import { rfc3339 } from '../objects';
import type { Pod } from '../types';

export type EventType = 'Normal' | 'Warning';

export class EventRecorder {
	private readonly seen = new Map<string, { name: string; count: number }>();

	constructor(
		private readonly client: ApiClient,
		private readonly node: string,
		private readonly epochMs: number,
		private readonly now: () => number
	) {}

	record(pod: Pod, type: EventType, reason: string, message: string): void {
		const { name, namespace = 'default', uid } = pod.metadata;
		const key = `${uid}/${reason}/${message}`;
		const stamp = rfc3339(this.epochMs, this.now());
		const known = this.seen.get(key);
		if (known) {
			known.count++;
			// The POST has not been answered yet: the count goes out with the next repeat.
			if (!known.name) return;
			this.client.patch('Event', { name: known.name, namespace }, { count: known.count, lastTimestamp: stamp }, { note: `${reason}, count ${known.count}` });
			return;
		}
		const entry = { name: '', count: 1 };
		this.seen.set(key, entry);
		this.client.create(
			{
				kind: 'Event',
				metadata: { generateName: `${name}.`, namespace },
				involvedObject: { kind: 'Pod', name, namespace, uid, apiVersion: 'v1' },
				reason,
				message,
				type,
				source: { component: 'kubelet', host: this.node },
				count: 1,
				firstTimestamp: stamp,
				lastTimestamp: stamp
			},
			{
				note: `${reason}: ${message}`,
				done: (r) => {
					if (r.ok) entry.name = r.object.metadata.name;
					else this.seen.delete(key);
				}
			}
		);
	}

	/** The Pod is gone: its events are no longer correlated. */
	forget(uid: string): void {
		for (const key of [...this.seen.keys()]) if (key.startsWith(`${uid}/`)) this.seen.delete(key);
	}
}
