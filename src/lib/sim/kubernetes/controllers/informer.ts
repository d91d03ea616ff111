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
		return [...this.store.entries()]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([, o]) => o)
			.filter(filter);
	}

	private receive({ type, object, listed }: InformerEvent<ObjectOf<K>>): void {
		const key = keyOf(object);
		if (listed) (this.listed ??= new Set()).add(key);
		const old = this.store.get(key);
		if (type === 'DELETED') {
			this.store.delete(key);
			for (const h of this.handlers) h.delete?.(object);
			return;
		}
		// The cache changes before the handlers run, so a handler's lookups see the new object.
		this.store.set(key, object);
		for (const h of this.handlers) {
			if (old) h.update?.(old, object);
			else h.add?.(object);
		}
	}

	private replaced(): void {
		const seen = this.listed ?? new Set<string>();
		this.listed = undefined;
		for (const [key, o] of [...this.store]) {
			if (seen.has(key)) continue;
			this.store.delete(key);
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
