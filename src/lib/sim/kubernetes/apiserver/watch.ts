// Watch streams. Every committed write becomes an event in a bounded history (the API server's watch
// cache); each watcher gets the events of its kind, namespace and selectors in revision order. A
// watcher that starts from a resourceVersion (the one its LIST returned) first gets every event after
// it from the history, so LIST then WATCH misses nothing; too old a version gets 410 Gone (relist).
// With selectors, an object that starts matching arrives as ADDED and one that stops matching as
// DELETED, as in the real API: that is how a Pod "appears" to the kubelet it is bound to.
import type { Kind, KubeObject, WatchEventType } from '../types';
import { matchesFields, matchesLabels, type FieldRequirement, type Requirement } from './selectors';
import type { Commit } from './storage';

export interface WatchEvent<T extends KubeObject = KubeObject> {
	type: WatchEventType;
	object: T;
}

export interface WatchFilter {
	kind: Kind;
	namespace?: string;
	labels: Requirement[];
	fields: FieldRequirement[];
}

/** Whether an object belongs to a LIST or WATCH with this filter. */
export const matchesFilter = (f: WatchFilter, o: KubeObject) =>
	o.kind === f.kind &&
	(f.namespace === undefined || o.metadata.namespace === f.namespace) &&
	matchesLabels(f.labels, o.metadata.labels) &&
	matchesFields(f.fields, o);

interface Watcher extends WatchFilter {
	deliver(event: WatchEvent): void;
}

export class WatchHub {
	/** The history is history[first…]; dropped entries are cut off in batches, not shifted one by one. */
	private history: Commit[] = [];
	private first = 0;
	/** The highest revision dropped from the history: a watch from below it cannot be served. */
	private compacted = 0;
	/** Watchers by kind: a Lease renewal is not offered to every Pod watch. */
	private readonly watchers = new Map<Kind, Set<Watcher>>();
	private watching = 0;

	constructor(private readonly limit = 10_000) {}

	get count(): number {
		return this.watching;
	}

	publish(commit: Commit): void {
		this.history.push(commit);
		if (this.history.length - this.first > this.limit) this.compacted = this.history[this.first++]!.revision;
		if (this.first >= this.limit) {
			this.history = this.history.slice(this.first);
			this.first = 0;
		}
		for (const w of this.watchers.get(commit.object.kind) ?? []) this.offer(w, commit);
	}

	/** Whether a watch from this revision can still be served from the history. */
	reaches(fromRevision: number): boolean {
		return fromRevision >= this.compacted;
	}

	/**
	 * Starts a watch after `fromRevision`: replays the history past it, then follows new commits.
	 * Returns the stop function, or 'gone' when the history no longer reaches back that far.
	 */
	watch(filter: WatchFilter, fromRevision: number, deliver: (event: WatchEvent) => void): (() => void) | 'gone' {
		if (fromRevision < this.compacted) return 'gone';
		const watcher: Watcher = { ...filter, deliver };
		for (let i = this.first; i < this.history.length; i++) if (this.history[i]!.revision > fromRevision) this.offer(watcher, this.history[i]!);
		let ofKind = this.watchers.get(filter.kind);
		if (!ofKind) this.watchers.set(filter.kind, (ofKind = new Set()));
		ofKind.add(watcher);
		this.watching++;
		return () => {
			if (ofKind.delete(watcher)) this.watching--;
		};
	}

	private offer(w: Watcher, c: Commit): void {
		if (c.object.kind !== w.kind) return;
		const matches = (o: KubeObject | undefined) => !!o && matchesFilter(w, o);
		const now = c.type !== 'DELETED' && matches(c.object);
		const before = c.type === 'DELETED' ? matches(c.object) : matches(c.previous);
		if (now && !before) w.deliver({ type: 'ADDED', object: c.object });
		else if (now && before) w.deliver({ type: 'MODIFIED', object: c.object });
		else if (before) w.deliver({ type: 'DELETED', object: c.object });
	}
}
