import { describe, expect, it } from 'vitest';
import { Prng } from '../../core/prng';
import type { KubeObject, Pod } from '../types';
import { parseFieldSelector, parseLabelSelector, type FieldRequirement } from './selectors';
import type { Commit } from './storage';
import { matchesFilter, WatchHub, type WatchFilter } from './watch';

// The hub files watchers with an equality field selector under its value and offers a write only to
// those that can see it. This checks it against the plain definition: every watcher, in the order it
// started, offered every write of its kind (ADDED when the object starts to match, MODIFIED while it
// matches, DELETED when it stops or is deleted), over random watchers, writes and stops.

const aPod = (name: string, nodeName: string | undefined, phase: string, app: string): Pod => ({
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: '', labels: { app } },
	spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
	status: { phase: phase as 'Running' }
});

function expected(f: WatchFilter, c: Commit): string | undefined {
	if (c.object.kind !== f.kind) return undefined;
	const now = c.type !== 'DELETED' && matchesFilter(f, c.object);
	const before = c.type === 'DELETED' ? matchesFilter(f, c.object) : !!c.previous && matchesFilter(f, c.previous);
	return now && !before ? 'ADDED' : now ? 'MODIFIED' : before ? 'DELETED' : undefined;
}

describe('WatchHub: watchers filed by field value', () => {
	it.each(['i1', 'i2', 'i3'])('delivers exactly what offering every watcher would, in start order (seed %s)', (seed) => {
		const rng = new Prng(seed);
		const hub = new WatchHub(100_000);
		const selectors = ['', 'spec.nodeName=node-1', 'spec.nodeName=node-2', 'spec.nodeName=', 'spec.nodeName!=node-1', 'status.phase=Running,spec.nodeName=node-3', 'spec.nodeName=node-2,status.phase!=Failed'];
		const watchers: { id: number; filter: WatchFilter; stop: () => void; live: boolean }[] = [];
		const got: string[] = [];
		const pods = new Map<string, Pod>();
		let revision = 0;
		for (let step = 0; step < 400; step++) {
			const op = rng.int(10);
			if (op === 0) {
				const fields = parseFieldSelector(rng.pick(selectors), 'Pod') as FieldRequirement[];
				const filter: WatchFilter = { kind: rng.int(6) ? 'Pod' : 'Node', labels: rng.int(3) ? [] : parseLabelSelector('app=web'), fields };
				const id = watchers.length;
				const stop = hub.watch(filter, revision, (e) => got.push(`${id} ${e.type} ${e.object.metadata.name}`));
				if (stop === 'gone') throw new Error('gone');
				watchers.push({ id, filter, stop, live: true });
			} else if (op === 1 && watchers.length) {
				const w = rng.pick(watchers);
				w.stop();
				w.live = false;
			} else {
				const name = `p${rng.int(8)}`;
				const previous = pods.get(name);
				const object = aPod(name, rng.pick([undefined, 'node-1', 'node-2', 'node-3']), rng.pick(['Pending', 'Running', 'Failed']), rng.pick(['web', 'db']));
				const type = previous && rng.int(4) === 0 ? 'DELETED' : previous ? 'MODIFIED' : 'ADDED';
				const commit: Commit = { type, object: type === 'DELETED' ? (previous as KubeObject) : object, previous, revision: ++revision };
				if (type === 'DELETED') pods.delete(name);
				else pods.set(name, object);
				const want = watchers.filter((w) => w.live).flatMap((w) => {
					const t = expected(w.filter, commit);
					return t ? [`${w.id} ${t} ${name}`] : [];
				});
				got.length = 0;
				hub.publish(commit);
				expect(got, `step ${step}`).toEqual(want);
			}
		}
	});
});
