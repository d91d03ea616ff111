// The etcd component: a key-value store with one revision counter for the whole keyspace. Every
// successful write increments the revision; a key remembers the revision of its last write
// (mod_revision), which the API server exposes as resourceVersion. Writes are transactions with a
// compare (mod_revision equals what the API server last read, or 0 for "must not exist"): that compare
// is where optimistic concurrency really happens. Simplified: one member, no Raft, no compaction.
import type { Channel } from '../core/network';
import { clone } from './objects';
import type { KubeObject } from './types';

export interface EtcdTxn {
	type: 'put' | 'delete';
	key: string;
	/** The mod_revision the key must have for the write to apply; 0 = the key must not exist. */
	expect: number;
	value?: KubeObject;
}

export type EtcdResult = { ok: true; revision: number } | { ok: false; modRevision: number };

export class Etcd {
	private rev: number;
	private readonly kv = new Map<string, { value: KubeObject; modRevision: number }>();

	/** @param startRevision the revision before the first write (a fresh etcd starts at 1). */
	constructor(
		private readonly toApiserver: Channel,
		startRevision = 1
	) {
		this.rev = startRevision;
	}

	get revision(): number {
		return this.rev;
	}

	get size(): number {
		return this.kv.size;
	}

	/** Applies a transaction now and answers on its channel; the answer reaches `reply` on arrival. */
	receive(txn: EtcdTxn, reply: (result: EtcdResult) => void): void {
		const result = this.apply(txn);
		const summary = result.ok
			? `committed at revision ${result.revision}`
			: result.modRevision === 0
				? `compare failed: ${txn.key} does not exist`
				: `compare failed: ${txn.key} is at revision ${result.modRevision}`;
		this.toApiserver.send('response', summary, () => reply(result));
	}

	/** The transaction itself, without messages (also used to load a starting cluster). */
	apply(txn: EtcdTxn): EtcdResult {
		const current = this.kv.get(txn.key);
		if ((current?.modRevision ?? 0) !== txn.expect) return { ok: false, modRevision: current?.modRevision ?? 0 };
		this.rev += 1;
		if (txn.type === 'delete') this.kv.delete(txn.key);
		// The value is the API server's, never changed after it is written (see objects.ts), so it is kept
		// as it is rather than copied: a copy of every object was a tenth of a large run's heap.
		else if (txn.value) this.kv.set(txn.key, { value: txn.value, modRevision: this.rev });
		return { ok: true, revision: this.rev };
	}

	get(key: string): { value: KubeObject; modRevision: number } | undefined {
		const entry = this.kv.get(key);
		return entry && { value: clone(entry.value), modRevision: entry.modRevision };
	}
}
