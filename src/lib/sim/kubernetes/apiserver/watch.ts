// Watch streams. Every committed write becomes an event in a bounded history (the API server's watch
// cache); each watcher gets the events of its kind, namespace and selectors in revision order. A
// watcher that starts from a resourceVersion (the one its LIST returned) first gets every event after
// it from the history, so LIST then WATCH misses nothing; too old a version gets 410 Gone (relist).
// With selectors, an object that starts matching arrives as ADDED and one that stops matching as
// DELETED, as in the real API: that is how a Pod "appears" to the kubelet it is bound to.
import type { Kind, KubeObject, WatchEventType } from '../types';
import { fieldValue, matchesFields, matchesLabels, type FieldRequirement, type Requirement } from './selectors';
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
	/** When it started, among all watchers: events go to watchers in this order. */
	seq: number;
	deliver(event: WatchEvent): void;
}

/**
 * The watchers of one kind. One with an equality field selector is filed under that field's value
 * (every kubelet watches Pods with spec.nodeName=<its node>): a Pod write is offered to the watchers
 * filed under its node, old and new, not to all 50 kubelets. The others are offered every write.
 */
interface KindWatchers {
	plain: Set<Watcher>;
	byField: Map<string, Map<string, Set<Watcher>>>;
}

export class WatchHub {
	/** The history is history[first…]; dropped entries are cut off in batches, not shifted one by one. */
	private history: Commit[] = [];
	private first = 0;
	/** The highest revision dropped from the history: a watch from below it cannot be served. */
	private compacted = 0;
	/** Watchers by kind: a Lease renewal is not offered to every Pod watch. */
	private readonly watchers = new Map<Kind, KindWatchers>();
	private watching = 0;
	private seq = 0;

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
		const group = this.watchers.get(commit.object.kind);
		if (!group) return;
		if (group.byField.size === 0) {
			for (const w of group.plain) this.offer(w, commit);
			return;
		}
		// Only watchers filed under the object's value (before or after the write) can see it; offered in
		// the order they started, as if every watcher were offered it in turn.
		const offered = [...group.plain];
		for (const [path, byValue] of group.byField) {
			const now = fieldValue(commit.object, path);
			for (const w of byValue.get(now) ?? []) offered.push(w);
			const before = commit.previous && fieldValue(commit.previous, path);
			if (before !== undefined && before !== now) for (const w of byValue.get(before) ?? []) offered.push(w);
		}
		offered.sort((a, b) => a.seq - b.seq);
		for (const w of offered) this.offer(w, commit);
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
		const watcher: Watcher = { ...filter, seq: this.seq++, deliver };
		for (let i = this.first; i < this.history.length; i++) if (this.history[i]!.revision > fromRevision) this.offer(watcher, this.history[i]!);
		let group = this.watchers.get(filter.kind);
		if (!group) this.watchers.set(filter.kind, (group = { plain: new Set(), byField: new Map() }));
		const key = filter.fields.find((f) => f.equal);
		let set = group.plain;
		if (key) {
			let byValue = group.byField.get(key.path);
			if (!byValue) group.byField.set(key.path, (byValue = new Map()));
			const filed = byValue.get(key.value);
			if (filed) set = filed;
			else byValue.set(key.value, (set = new Set()));
		}
		set.add(watcher);
		this.watching++;
		return () => {
			if (set.delete(watcher)) this.watching--;
		};
	}

	private offer(w: Watcher, c: Commit): void {
		if (c.object.kind !== w.kind) return;
		const now = c.type !== 'DELETED' && matchesFilter(w, c.object);
		const before = c.type === 'DELETED' ? matchesFilter(w, c.object) : c.previous !== undefined && matchesFilter(w, c.previous);
		if (now && !before) w.deliver({ type: 'ADDED', object: c.object });
		else if (now && before) w.deliver({ type: 'MODIFIED', object: c.object });
		else if (before) w.deliver({ type: 'DELETED', object: c.object });
	}
}
