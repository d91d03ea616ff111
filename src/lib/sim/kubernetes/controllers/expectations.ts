// ControllerExpectations (pkg/controller/controller_utils.go): a controller remembers how many creates
// and which deletes it has sent for an owner, and does not act for that owner again until its watch
// has shown them all (or five minutes have passed). Without this it would count Pods before its own
// new Pods reach its cache and create them twice.
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expected {
	add: number;
	/** Keys (namespace/name) of Pods it asked to delete and has not yet seen go Terminating or gone. */
	del: Set<string>;
	at: number;
}

export class Expectations {
	private readonly byOwner = new Map<string, Expected>();

	constructor(private readonly now: () => number) {}

	/** True when the owner may be synced: nothing expected, everything seen, or the record expired. */
	satisfied(owner: string): boolean {
		const e = this.byOwner.get(owner);
		if (!e) return true;
		return (e.add <= 0 && e.del.size === 0) || this.now() - e.at > EXPECTATIONS_TIMEOUT_MS;
	}

	expectCreations(owner: string, count: number): void {
		this.byOwner.set(owner, { add: count, del: new Set(), at: this.now() });
	}

	expectDeletions(owner: string, podKeys: string[]): void {
		this.byOwner.set(owner, { add: 0, del: new Set(podKeys), at: this.now() });
	}

	/** A Pod of this owner appeared in the cache, or a create failed and never will. */
	creationObserved(owner: string): void {
		const e = this.byOwner.get(owner);
		if (e) e.add--;
	}

	/** Only deletes it asked for count, as UIDTrackingControllerExpectations does. */
	deletionObserved(owner: string, podKey: string): void {
		this.byOwner.get(owner)?.del.delete(podKey);
	}

	forget(owner: string): void {
		this.byOwner.delete(owner);
	}
}
