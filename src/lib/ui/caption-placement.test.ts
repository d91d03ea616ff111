import { describe, expect, it } from 'vitest';
import type { SceneLayout } from '$lib/layout/types';
import { LABEL_SIZE } from '$lib/layout/sizing';
import type { Walkthrough } from '$lib/model/types';
import { captionBeside, fitStage, LABEL_TARGET, TEXT_SIZES, viewSizes, type FitInput, type Size } from './caption-placement';

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

describe('viewSizes', () => {
	it('lists each view once, with the margin the diagram draws around it', () => {
		expect(viewSizes(walk('wide', 'wide', 'tall', 'missing'), layouts)).toEqual([
			{ width: 1336, height: 780 },
			{ width: 792, height: 814 }
		]);
	});
});

/** A caption of `chars` characters in lines of half-em characters, 1.3 lines high, plus a title line and padding. */
const text = (chars: number) => (width: number, size: number, stage: Size) => {
	const px = size * stage.height;
	const lines = Math.ceil((chars * 0.5 * px) / (width - 2 * px));
	return (lines + 1) * 1.3 * px + 2 * px;
};
const input = (stage: Size, views: Size[], chars = 500): FitInput => ({ stage, views, inset: 0.015 * stage.height, captionHeight: (w, s) => text(chars)(w, s, stage) });
const k8s = { width: 1340, height: 856 };
const docker = { width: 972, height: 872 };
const labelShare = (scale: number, stage: Size) => (scale * LABEL_SIZE) / stage.height;

describe('fitStage', () => {
	it('a wide picture on a 16:9 screen reaches the label target with the largest text that allows it', () => {
		const stage = { width: 1920, height: 1080 };
		const fit = fitStage(input(stage, [k8s]));
		expect(labelShare(fit.scale, stage)).toBeGreaterThanOrEqual(LABEL_TARGET);
		expect(fit.textSize).toBeLessThan(TEXT_SIZES[0]);
		expect(fit.textSize).toBeGreaterThan(TEXT_SIZES.at(-1)!);
	});

	it('a tall picture gets the caption beside it, as wide as the picture leaves', () => {
		const stage = { width: 1920, height: 1080 };
		const fit = fitStage(input(stage, [docker]));
		expect(fit.beside).toBe(true);
		expect(fit.textSize).toBe(TEXT_SIZES[0]);
		// The picture takes the full height; the column the rest of the width.
		expect(fit.scale).toBeCloseTo((1080 - 2 * 0.015 * 1080) / docker.height, 5);
		expect(fit.column).toBeGreaterThan(1920 - 2 * 0.015 * 1080 - fit.scale * docker.width - 2);
	});

	it('a wide picture on a 4:3 screen keeps the caption below and shrinks the text to the floor', () => {
		const stage = { width: 1024, height: 768 };
		const fit = fitStage(input(stage, [k8s], 560));
		expect(fit.beside).toBe(false);
		expect(fit.textSize).toBe(TEXT_SIZES.at(-1));
		expect(labelShare(fit.scale, stage)).toBeLessThan(LABEL_TARGET);
		expect(labelShare(fit.scale, stage)).toBeGreaterThan(0.019);
	});

	it('a short caption keeps its largest size', () => {
		const stage = { width: 1280, height: 800 };
		expect(fitStage(input(stage, [k8s], 60)).textSize).toBe(TEXT_SIZES[0]);
	});

	it('the view drawn smallest decides', () => {
		const stage = { width: 1920, height: 1080 };
		const both = fitStage(input(stage, [docker, k8s]));
		const wideOnly = fitStage(input(stage, [k8s]));
		expect(both.scale).toBeCloseTo(wideOnly.scale, 5);
	});

	it('a column too narrow for its text is not offered', () => {
		const stage = { width: 800, height: 1000 };
		const fit = fitStage(input(stage, [{ width: 400, height: 1000 }], 5000));
		expect(fit.beside).toBe(false);
	});
});
