import { describe, expect, it } from 'vitest';
import type { SimMessage } from '../../core/trace';
import { select } from './match';

const lease = (id: number, n: number): SimMessage => ({ id, time: id * 10_000, cause: null, from: `kubelet-${n}`, to: 'kube-apiserver', via: `api-kubelet-${n}`, kind: 'request', summary: `PUT leases/node-${n}` });
// Six renewals over a minute, from two kubelets in turn.
const renewals = [1, 2, 3, 4, 5, 6].map((id) => lease(id, (id % 2) + 1));
const ids = (rules: Parameters<typeof select>[0]) => select(rules, renewals, () => undefined).shown.map((m) => m.id);

describe('selecting a step’s messages', () => {
	it('first: n keeps the earliest matches, last: n the latest (the heartbeats just before the step ends)', () => {
		expect(ids([{ from: 'kubelet-1', first: 1 }])).toEqual([2]);
		expect(ids([{ from: 'kubelet-1', last: 1 }, { from: 'kubelet-2', last: 1 }])).toEqual([5, 6]);
		expect(ids([{ from: /^kubelet-/, last: 3 }])).toEqual([4, 5, 6]);
	});

	it('each message at most once, in the order sent, whatever the order of the rules', () => {
		expect(ids([{ from: 'kubelet-2', last: 1 }, { from: /^kubelet/, first: 2 }])).toEqual([1, 2, 5]);
	});
});
