// The API server's storage layer: writes go to etcd as transactions (one message each way) and the
// API server's cache of committed objects is updated when etcd's answer arrives. Updates follow
// k8s.io/apiserver's GuaranteedUpdate: read the cached object, compute the new one, write it with a
// compare on its revision, and if someone else wrote first, recompute from the newer object (the
// caller's precondition, a resourceVersion in an update, then turns that into 409 Conflict).
// Reads are served from the cache (simplified: a real GET without resourceVersion reads etcd).
import type { Channel } from '../../core/network';
import type { Etcd, EtcdResult, EtcdTxn } from '../etcd';
import { deepEqualExcept, share } from '../objects';
import type { KubeObject, WatchEventType } from '../types';
import type { ApiError, ApiResult } from './status';

export interface Commit {
	type: WatchEventType;
	object: KubeObject;
	/** The object before this write (absent for ADDED). */
	previous?: KubeObject;
	revision: number;
}

/** What an update function returns: the new object, an error to stop with, or 'delete' to remove it. */
export type UpdateResult = KubeObject | ApiError | 'delete';

const MAX_RETRIES = 16;

export class Storage {
	private readonly cache = new Map<string, KubeObject>();
	/** The last revision this API server has seen committed: a LIST is "at" this revision. */
	revision: number;

	constructor(
		private readonly toEtcd: Channel,
		private readonly etcd: Etcd,
		private readonly onCommit: (commit: Commit) => void
	) {
		this.revision = etcd.revision;
	}

	get(key: string): KubeObject | undefined {
		return this.cache.get(key);
	}

	/** Cached objects whose key starts with prefix, in key order (the order etcd ranges return). */
	list(prefix: string): KubeObject[] {
		return [...this.cache.keys()]
			.filter((k) => k.startsWith(prefix))
			.sort()
			.map((k) => this.cache.get(k) as KubeObject);
	}

	create(key: string, obj: KubeObject, done: (result: { ok: true; object: KubeObject } | { ok: false }) => void): void {
		this.txn({ type: 'put', key, expect: 0, value: obj }, (result) => {
			if (!result.ok) return done({ ok: false });
			done({ ok: true, object: this.commit(key, 'ADDED', obj, undefined, result.revision) });
		});
	}

	/**
	 * GuaranteedUpdate: `update` gets the current object, which is shared and must not be changed (it
	 * returns a new one, which may share parts of it), and may be called again after a lost race.
	 */
	update(key: string, update: (current: KubeObject) => UpdateResult, done: (result: ApiResult<KubeObject>, type?: WatchEventType) => void, notFound: () => ApiError): void {
		let tries = 0;
		const attempt = () => {
			const current = this.cache.get(key);
			if (!current) return done(notFound());
			const next = update(current);
			if (next !== 'delete' && 'ok' in next) return done(next);
			const expect = Number(current.metadata.resourceVersion);
			// An update that changes nothing is not written: no new revision, no watch event.
			if (next !== 'delete' && deepEqualExcept(next, current, 'metadata') && deepEqualExcept(next.metadata, current.metadata, 'resourceVersion'))
				return done({ ok: true, code: 200, object: current });
			const txn: EtcdTxn = next === 'delete' ? { type: 'delete', key, expect } : { type: 'put', key, expect, value: next };
			this.txn(txn, (result) => {
				if (!result.ok) {
					if (++tries > MAX_RETRIES) throw new Error(`GuaranteedUpdate of ${key} lost ${MAX_RETRIES} races`);
					return attempt();
				}
				const type = next === 'delete' ? 'DELETED' : 'MODIFIED';
				done({ ok: true, code: 200, object: this.commit(key, type, next === 'delete' ? current : next, current, result.revision) }, type);
			});
		};
		attempt();
	}

	/** Writes an object straight into etcd and the cache, with no messages: the cluster as it stood before a run. */
	preload(key: string, obj: KubeObject): KubeObject {
		const result = this.etcd.apply({ type: 'put', key, expect: this.etcd.get(key)?.modRevision ?? 0, value: obj });
		if (!result.ok) throw new Error(`preload of ${key} failed`);
		const stored = share({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(result.revision) } });
		this.cache.set(key, stored);
		this.revision = result.revision;
		return stored;
	}

	private txn(txn: EtcdTxn, done: (result: EtcdResult) => void): void {
		const summary = `${txn.type === 'put' ? 'write' : 'delete'} ${txn.key}`;
		this.toEtcd.send('request', summary, () => this.etcd.receive(txn, done));
	}

	/**
	 * Records a committed write in the cache and tells the watchers; returns the stored object, which is
	 * shared (immutable) from now on. `obj` is the API server's own (a copy it built, possibly sharing
	 * parts of the previous stored object, which are immutable too); etcd holds it as written.
	 */
	private commit(key: string, type: WatchEventType, obj: KubeObject, previous: KubeObject | undefined, revision: number): KubeObject {
		// A DELETED event carries the object's last state at the revision of its deletion.
		const stored = share({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(revision) } });
		if (type === 'DELETED') this.cache.delete(key);
		else this.cache.set(key, stored);
		this.revision = revision;
		this.onCommit({ type, object: stored, previous, revision });
		return stored;
	}
}
