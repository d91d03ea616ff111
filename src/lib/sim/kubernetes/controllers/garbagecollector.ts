// The garbage collector of kube-controller-manager (pkg/controller/garbagecollector): it watches every
// kind that can own or be owned, and when an owner goes, deletes its dependents with background
// propagation (the owner is already gone; each dependent's own dependents follow when it goes).
// attemptToDeleteItem as the real one: skip an item already being deleted; GET it live; for each
// ownerReference ask the absentOwnerCache, else GET the owner live (404, or another uid: dangling);
// if every owner dangles, DELETE it with preconditions.uid and propagationPolicy Background.
// Simplified: no foreground deletion or orphaning (no finalizers in this API server), no PATCH
// removing only the dangling references when some owner remains, no virtual nodes (a dependent that
// names an owner the caches do not hold is checked the same way, after the caches have synced).
import type { ApiResult } from '../apiserver/status';
import { RESOURCES } from '../apiserver/resources';
import type { ComponentContext } from '../control-plane';
import type { Kind, KubeObject, OwnerReference } from '../types';
import { informer, type Informer } from './informer';
import { WorkQueue } from './workqueue';

/** What the collector watches here: the kinds that have ownerReferences in this simulator, and their owners. */
export const GC_KINDS = ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'EndpointSlice'] as const satisfies readonly Kind[];

const isKind = (k: string): k is Kind => k in RESOURCES;

/** The work queue's key for one object: kind, namespace/name and uid (a new object of the same name is another item). */
const itemKey = (o: KubeObject) => `${o.kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}|${o.metadata.uid}`;

export function startGarbageCollector(ctx: ComponentContext, kinds: readonly Kind[] = GC_KINDS): void {
	const caches = new Map<Kind, Informer<Kind>>(kinds.map((k) => [k, informer(ctx, k) as unknown as Informer<Kind>]));
	/** absentOwnerCache: owners (by uid) a live GET found gone. */
	const absent = new Set<string>();
	const items = new Map<string, KubeObject>();
	const queue = new WorkQueue(ctx, attemptToDelete);

	const enqueue = (o: KubeObject) => {
		items.set(itemKey(o), o);
		queue.add(itemKey(o));
	};
	const inCache = (uid: string) => [...caches.values()].some((c) => c.list((o) => o.metadata.uid === uid).length > 0);
	const synced = () => [...caches.values()].every((c) => c.synced);
	/** A dependent whose owner the caches do not hold (and whose kind is watched) is checked at once. */
	const checkOwners = (o: KubeObject) => {
		const refs = o.metadata.ownerReferences ?? [];
		if (synced() && refs.some((r) => caches.has(r.kind as Kind) && (absent.has(r.uid) || !inCache(r.uid)))) enqueue(o);
	};
	/** An owner went: every cached object naming it is an item to attempt to delete (the graph's dependents). */
	const ownerGone = (owner: KubeObject) => {
		for (const c of caches.values()) for (const d of c.list((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid))) enqueue(d);
	};
	for (const c of caches.values()) c.on({ add: checkOwners, update: (_, o) => checkOwners(o), delete: ownerGone });

	function attemptToDelete(key: string, done: (retry?: boolean) => void): void {
		const item = items.get(key);
		if (!item) return done();
		const cached = caches.get(item.kind)?.get(`${item.metadata.namespace ?? ''}/${item.metadata.name}`);
		// Being deleted already (a Terminating Pod): nothing to do unless it waits for its dependents.
		if (cached?.metadata.deletionTimestamp) return finish(key, done);
		ctx.client.get(item.kind, item.metadata, {
			note: 'garbage collector: the latest copy',
			done: (r: ApiResult<KubeObject>) => {
				if (!r.ok) return r.code === 404 ? finish(key, done) : done(true);
				if (r.object.metadata.uid !== item.metadata.uid) return finish(key, done);
				classify(r.object, r.object.metadata.ownerReferences ?? [], (dangling, solid) => {
					if (solid || dangling.length === 0) return finish(key, done);
					const gone = dangling.map((d) => `${d.kind} ${d.name}`).join(', ');
					ctx.client.delete(item.kind, item.metadata, {
						note: `owner ${gone} is gone; propagationPolicy Background, preconditions uid ${item.metadata.uid.slice(0, 8)}`,
						done: (d) => (d.ok || d.code === 404 || d.code === 409 ? finish(key, done) : done(true))
					});
				});
			}
		});
	}

	/** isDangling for each reference in turn: the absentOwnerCache, else a live GET of the owner. */
	function classify(item: KubeObject, refs: OwnerReference[], done: (dangling: OwnerReference[], solid: boolean) => void, i = 0, dangling: OwnerReference[] = []): void {
		const ref = refs[i];
		if (!ref) return done(dangling, false);
		const next = () => classify(item, refs, done, i + 1, dangling);
		if (absent.has(ref.uid)) return (dangling.push(ref), next());
		if (!isKind(ref.kind)) return done(dangling, true); // a kind this simulator does not know: treat as present
		ctx.client.get(ref.kind, { name: ref.name, namespace: item.metadata.namespace }, {
			note: `garbage collector: owner of ${item.kind} ${item.metadata.name}`,
			done: (r: ApiResult<KubeObject>) => {
				if (r.ok && r.object.metadata.uid === ref.uid) return done(dangling, true);
				if (!r.ok && r.code !== 404) return done(dangling, true); // unsure: keep the item
				absent.add(ref.uid);
				dangling.push(ref);
				next();
			}
		});
	}

	function finish(key: string, done: () => void): void {
		items.delete(key);
		done();
	}
}
