import { describe, expect, it } from 'vitest';
import type { PlacedNode, SceneLayout } from '$lib/layout/types';
import type { Connection } from '$lib/model/types';
import { createAnimator, type StageState } from './animator';

const node = (id: string, x: number, y: number): PlacedNode => ({ id, role: 'component', depth: 0, x, y, width: 100, height: 50 });
const layouts: SceneLayout = {
	small: { view: 'small', width: 100, height: 50, nodes: { a: node('a', 0, 0) }, edges: {} },
	wide: { view: 'wide', width: 400, height: 50, nodes: { a: node('a', 300, 0), b: node('b', 0, 0) }, edges: {} }
};
const connections: Connection[] = [{ id: 'ab', from: 'a', to: 'b' }];

function setup() {
	const seen: StageState[] = [];
	const animator = createAnimator({
		initialView: 'small',
		layouts: () => layouts,
		connections: () => connections,
		tokenLayer: () => undefined,
		avoid: () => [],
		onChange: (s) => seen.push(s)
	});
	return { animator, seen };
}

describe('createAnimator', () => {
	it('starts at rest in the first view', () => {
		const { animator, seen } = setup();
		expect(animator.state()).toMatchObject({ viewId: 'small', held: null, edgeStart: null });
		expect(animator.state().frame.a).toMatchObject({ x: 0, y: 0, opacity: 1 });
		expect(seen).toEqual([]);
	});

	it('without motion, a view change lands at once and holds nothing', async () => {
		const { animator } = setup();
		await animator.showView('wide', 0);
		expect(animator.state()).toMatchObject({ viewId: 'wide', held: null });
		expect(animator.state().frame).toEqual({ a: { x: 300, y: 0, width: 100, height: 50, opacity: 1 }, b: { x: 0, y: 0, width: 100, height: 50, opacity: 1 } });
		expect(animator.state().edgeStart?.boxes.a).toMatchObject({ x: 0 });
	});

	it('with motion, holds a viewBox around both views until the boxes arrive', async () => {
		const { animator, seen } = setup();
		const arrived = animator.showView('wide', 40);
		expect(animator.state().held).toEqual({ x: -14, y: -14, width: 428, height: 78 });
		await arrived;
		expect(animator.state().held).toBeNull();
		expect(animator.state().frame.b?.opacity).toBe(1);
		expect(seen.length).toBeGreaterThan(2);
		animator.destroy();
	});

	it('staying on a view only waits a short beat', async () => {
		const { animator, seen } = setup();
		const t0 = performance.now();
		await animator.showView('small', 10_000);
		expect(performance.now() - t0).toBeLessThan(1000);
		expect(seen).toEqual([]);
	});

	it('ignores unknown views, and a message with nowhere to be drawn arrives at once', async () => {
		const { animator } = setup();
		await animator.showView('nope', 100);
		expect(animator.state().viewId).toBe('small');
		await animator.sendMessage({ from: 'a', to: 'b', via: 'ab', kind: 'request', summary: 'hi' }, 100);
	});
});
