// Shared informers, as kube-controller-manager's SharedInformerFactory gives them: one LIST-then-WATCH
// per kind for the whole process, a cache built from its events, and handlers that several
// controllers register. The Deployment and ReplicaSet controllers both read ReplicaSets, yet the API
// server sees one ReplicaSet watch from kube-controller-manager, as in a real cluster.
import type { ApiClient, InformerEvent } from '../client';
import type { ComponentContext } from '../control-plane';
import type { Kind, KubeObject, ObjectOf, OwnerReference } from '../types';

export interface Handlers<T> {
	add?(obj: T): void;
	update?(old: T, cur: T): void;
	delete?(obj: T): void;
}

/** "namespace/name": the cache key (MetaNamespaceKeyFunc). */
export const keyOf = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** The ownerReference with controller: true, if any (metav1.GetControllerOf). */
export const controllerOf = (o: KubeObject): OwnerReference | undefined => o.metadata.ownerReferences?.find((r) => r.controller);

export class Informer<K extends Kind> {
	private readonly store = new Map<string, ObjectOf<K>>();
	/** The store's keys in order, kept until a key comes or goes (a 50-node run lists thousands of times). */
	private sortedKeys: string[] | undefined;
	/** Keys by their controller's uid: client-go's controllerUID indexer (FilterPodsByOwner). */
	private readonly byController = new Map<string, Set<string>>();
	/** byController's keys in order, per uid, kept until one comes or goes (a sync asks for them each time). */
	private readonly ownedKeys = new Map<string, string[]>();
	private readonly handlers: Handlers<ObjectOf<K>>[] = [];
	/** Keys delivered by the LIST in progress: after a relist, cached objects it lacks were deleted. */
	private listed: Set<string> | undefined;
	synced = false;

	constructor(client: ApiClient, kind: K) {
		client.watch(kind, { onEvent: (e) => this.receive(e), onSynced: () => this.replaced() });
	}

	/** A handler added late first hears every cached object as added, as client-go does. */
	on(handlers: Handlers<ObjectOf<K>>): void {
		this.handlers.push(handlers);
		for (const o of this.store.values()) handlers.add?.(o);
	}

	get(key: string): ObjectOf<K> | undefined {
		return this.store.get(key);
	}

	/** Cached objects in key order (a stable order, so runs are deterministic). */
	list(filter: (o: ObjectOf<K>) => boolean = () => true): ObjectOf<K>[] {
		this.sortedKeys ??= [...this.store.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const found: ObjectOf<K>[] = [];
		for (const key of this.sortedKeys) {
			const o = this.store.get(key)!;
			if (filter(o)) found.push(o);
		}
		return found;
	}

	/** Cached objects whose controller ownerReference has `uid`, in key order. */
	owned(uid: string, filter: (o: ObjectOf<K>) => boolean = () => true): ObjectOf<K>[] {
		let keys = this.ownedKeys.get(uid);
		if (!keys) this.ownedKeys.set(uid, (keys = [...(this.byController.get(uid) ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))));
		const found: ObjectOf<K>[] = [];
		for (const key of keys) {
			const o = this.store.get(key)!;
			if (filter(o)) found.push(o);
		}
		return found;
	}

	private index(key: string, old: ObjectOf<K> | undefined, cur: ObjectOf<K> | undefined): void {
		const was = old && controllerOf(old)?.uid;
		const now = cur && controllerOf(cur)?.uid;
		if (was === now) return;
		if (was) {
			this.byController.get(was)?.delete(key);
			this.ownedKeys.delete(was);
		}
		if (now) {
			let keys = this.byController.get(now);
			if (!keys) this.byController.set(now, (keys = new Set()));
			keys.add(key);
			this.ownedKeys.delete(now);
		}
	}

	private receive({ type, object, listed }: InformerEvent<ObjectOf<K>>): void {
		const key = keyOf(object);
		if (listed) (this.listed ??= new Set()).add(key);
		const old = this.store.get(key);
		if (type === 'DELETED') {
			this.remove(key, old);
			for (const h of this.handlers) h.delete?.(object);
			return;
		}
		// The cache changes before the handlers run, so a handler's lookups see the new object.
		if (!old) this.sortedKeys = undefined;
		this.store.set(key, object);
		this.index(key, old, object);
		for (const h of this.handlers) {
			if (old) h.update?.(old, object);
			else h.add?.(object);
		}
	}

	private remove(key: string, old: ObjectOf<K> | undefined): void {
		this.store.delete(key);
		this.index(key, old, undefined);
		this.sortedKeys = undefined;
	}

	private replaced(): void {
		const seen = this.listed ?? new Set<string>();
		this.listed = undefined;
		for (const [key, o] of [...this.store]) {
			if (seen.has(key)) continue;
			this.remove(key, o);
			for (const h of this.handlers) h.delete?.(o);
		}
		this.synced = true;
	}
}

const factories = new WeakMap<ApiClient, Map<Kind, Informer<Kind>>>();

/** The informer of `kind` for this component's client, started (LIST, then WATCH) on first use. */
export function informer<K extends Kind>(ctx: ComponentContext, kind: K): Informer<K> {
	let byKind = factories.get(ctx.client);
	if (!byKind) factories.set(ctx.client, (byKind = new Map()));
	let found = byKind.get(kind) as Informer<K> | undefined;
	if (!found) byKind.set(kind, (found = new Informer(ctx.client, kind)) as unknown as Informer<Kind>);
	return found;
}
