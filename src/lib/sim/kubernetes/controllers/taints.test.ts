import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../apiserver/requests';
import { ApiClient } from '../client';
import type { Node, Taint } from '../types';
import { node } from './node-testing';
import { patchTaints, UNREACHABLE } from './taints';

const NO_SCHEDULE: Taint = { key: UNREACHABLE, effect: 'NoSchedule' };
const withRv = (n: Node, rv: string): Node => ({ ...n, metadata: { ...n.metadata, resourceVersion: rv } });

/**
 * An API server that answers from a script: each GET returns the next copy of the Node (or 404 when
 * there is none left), each PATCH the next status code. Requests are written down as the log shows them.
 */
function scripted(reads: Node[], patches: number[]) {
	const sent: string[] = [];
	const client = new ApiClient('kube-controller-manager', (req: ApiRequest, reply) => {
		if (req.verb === 'get') {
			sent.push(`GET${req.resourceVersion ? ` ?resourceVersion=${req.resourceVersion}` : ''}`);
			const copy = reads.shift();
			return reply(copy ? { ok: true, code: 200, object: copy } : { ok: false, code: 404 });
		}
		const body = req.body as { metadata: { resourceVersion: string }; spec: { taints: Taint[] } };
		sent.push(`PATCH rv ${body.metadata.resourceVersion} (${req.note}) → ${body.spec.taints.map((t) => t.effect).join(',')}`);
		const code = patches.shift() ?? 200;
		reply(code === 200 ? { ok: true, code, object: {} } : { ok: false, code });
	});
	return { client, sent };
}

describe('patchTaints (AddOrUpdateTaintOnNode: GET, then PATCH from that copy)', () => {
	const stale = withRv(node('node-2'), '5');
	const fresh = withRv(node('node-2'), '9');
	const tainted = withRv(node('node-2', 'Unknown', [NO_SCHEDULE]), '11');

	it.each<[string, Node[], number[], string[], boolean]>([
		['reads from the cache first and patches with the copy it read, not the caller’s', [fresh], [200], ['GET ?resourceVersion=0', 'PATCH rv 9 (taint node.kubernetes.io/unreachable:NoSchedule) → NoSchedule'], true],
		['on 409 reads again, from storage this time, and patches the newer copy', [fresh, withRv(fresh, '10')], [409, 200], ['GET ?resourceVersion=0', 'PATCH rv 9 (taint node.kubernetes.io/unreachable:NoSchedule) → NoSchedule', 'GET', 'PATCH rv 10 (taint node.kubernetes.io/unreachable:NoSchedule) → NoSchedule'], true],
		['writes nothing when the copy it read already has the taint', [tainted], [], ['GET ?resourceVersion=0'], true],
		['gives up when the Node is gone', [], [], ['GET ?resourceVersion=0'], false],
		['gives up on an error that is not a conflict', [fresh], [403], ['GET ?resourceVersion=0', 'PATCH rv 9 (taint node.kubernetes.io/unreachable:NoSchedule) → NoSchedule'], false]
	])('%s', (_, reads, patches, expected, ok) => {
		const { client, sent } = scripted(reads, patches);
		let result: boolean | undefined;
		patchTaints(client, stale, { add: [NO_SCHEDULE], timestamp: '2026-01-01T00:00:50Z', done: (r) => (result = r) });
		expect(sent).toEqual(expected);
		expect(result).toBe(ok);
	});

	it('stops after five tries of conflicts', () => {
		const { client, sent } = scripted(Array.from({ length: 6 }, (_, i) => withRv(fresh, String(20 + i))), [409, 409, 409, 409, 409, 409]);
		let result: boolean | undefined;
		patchTaints(client, stale, { add: [NO_SCHEDULE], timestamp: 't', done: (r) => (result = r) });
		expect(sent.filter((s) => s.startsWith('PATCH'))).toHaveLength(5);
		expect(result).toBe(false);
	});

	it('sends nothing when the caller’s copy already has what it wants', () => {
		const { client, sent } = scripted([fresh], []);
		let result: boolean | undefined;
		patchTaints(client, tainted, { add: [NO_SCHEDULE], timestamp: 't', done: (r) => (result = r) });
		expect(sent).toEqual([]);
		expect(result).toBe(true);
	});
});
