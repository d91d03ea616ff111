import { describe, expect, it } from 'vitest';
import { DisplaySlots } from './display-slots';

describe('DisplaySlots', () => {
	it('gives each Pod the first free slot on its node and keeps it while the Pod stays', () => {
		const s = new DisplaySlots('ab');
		let plan = s.update([{ name: 'x', node: 'node-1' }, { name: 'y', node: 'node-1' }, { name: 'z', node: 'node-2' }, { name: 'pending' }]);
		expect(Object.fromEntries(plan.slotOf)).toEqual({ x: 'pod-1a', y: 'pod-1b', z: 'pod-2a' });
		plan = s.update([{ name: 'y', node: 'node-1' }, { name: 'w', node: 'node-1' }, { name: 'z', node: 'node-2' }]);
		expect(Object.fromEntries(plan.slotOf)).toEqual({ y: 'pod-1b', w: 'pod-1a', z: 'pod-2a' });
	});

	it('counts the Pods a full node has no slot for, and slots them when room comes', () => {
		const s = new DisplaySlots('a');
		let plan = s.update([{ name: 'x', node: 'node-3' }, { name: 'y', node: 'node-3' }, { name: 'v', node: 'node-3' }]);
		expect(plan.unslotted).toEqual(new Map([['node-3', 2]]));
		plan = s.update([{ name: 'y', node: 'node-3' }]);
		expect(Object.fromEntries(plan.slotOf)).toEqual({ y: 'pod-3a' });
		expect(plan.unslotted.size).toBe(0);
	});
});
