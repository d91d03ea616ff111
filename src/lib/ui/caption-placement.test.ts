import { describe, expect, it } from 'vitest';
import type { SceneLayout } from '$lib/layout/types';
import type { Walkthrough } from '$lib/model/types';
import { captionBeside } from './caption-placement';

const layout = (width: number, height: number) => ({ view: 'x', width, height, nodes: {}, edges: [] }) as unknown as SceneLayout[string];
const layouts: SceneLayout = { tall: layout(764, 786), square: layout(900, 600), wide: layout(1308, 752) };
const walk = (...views: string[]) => ({ id: 'a/b', steps: views.map((view, i) => ({ id: `s${i}`, view })) }) as unknown as Walkthrough;

describe('captionBeside', () => {
	it.each([
		['every view tall (Docker)', walk('tall', 'tall'), true],
		['tall and 1.5:1', walk('tall', 'square'), true],
		['one wide view keeps the caption below for the whole walkthrough', walk('tall', 'wide'), false],
		['wide only (Kubernetes)', walk('wide'), false],
		['a view with no layout', walk('missing'), false]
	] as const)('%s', (_, w, expected) => {
		expect(captionBeside(w, layouts)).toBe(expected);
	});
});
