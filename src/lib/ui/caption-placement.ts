// Where a step's caption goes, and how large its text is, so the picture's labels stay readable.
// Decided once per walkthrough (and per screen size) from every view it shows, so the caption does not
// jump between steps.
import type { SceneLayout } from '$lib/layout/types';
import { LABEL_SIZE } from '$lib/layout/sizing';
import type { Walkthrough } from '$lib/model/types';

/** Width over height below which a view counts as tall. */
export const TALL_BELOW = 1.6;

/** For a fixed-shape frame (embeds): tall pictures (Docker's host) are drawn larger with the caption beside. */
export function captionBeside(walkthrough: Walkthrough, layouts: SceneLayout): boolean {
	const views = new Set(walkthrough.steps.map((s) => s.view));
	return [...views].every((v) => {
		const l = layouts[v];
		return l ? l.width / l.height < TALL_BELOW : false;
	});
}

export interface Size {
	width: number;
	height: number;
}

/** The margin the diagram draws around its parts (render/Diagram.svelte's PAD), in diagram units. */
const VIEW_MARGIN = 14;

/** The diagram-unit size of every view a walkthrough shows, as the diagram fits it. */
export function viewSizes(walkthrough: Walkthrough, layouts: SceneLayout): Size[] {
	return [...new Set(walkthrough.steps.map((s) => s.view))].flatMap((v) => {
		const l = layouts[v];
		return l ? [{ width: l.width + 2 * VIEW_MARGIN, height: l.height + 2 * VIEW_MARGIN }] : [];
	});
}

/** Narration sizes tried, largest first, as fractions of the screen height; the last is the floor. */
export const TEXT_SIZES = [0.036, 0.034, 0.032, 0.03, 0.028, 0.026, 0.024] as const;
/** Labels wanted at this fraction of the screen height (a projector's back row). */
export const LABEL_TARGET = 0.022;
/** A caption column is never wider than this share of the screen (longer lines read badly). */
const MAX_COLUMN = 0.45;
/** …nor narrower than this many narration ems (about 30 characters a line). */
const MIN_COLUMN_EMS = 15;

export interface StageFit {
	/** The caption is a column right of the picture (else a band below it). */
	beside: boolean;
	/** The column's width in px when beside. */
	column: number;
	/** Narration size, a fraction of the screen height. */
	textSize: number;
	/** Screen px per diagram unit in the view that is drawn smallest. */
	scale: number;
}

export interface FitInput {
	/** The screen (the whole stage) in px. */
	stage: Size;
	/** Every view of the walkthrough in diagram units (viewSizes). */
	views: Size[];
	/** Space around the picture in its area, px on each side. */
	inset: number;
	/**
	 * The caption's height in px for a width in px and a narration size (fraction of the screen
	 * height): the walkthrough's longest step, as the page lays it out (a hidden copy measures it).
	 */
	captionHeight(width: number, textSize: number, beside: boolean): number;
}

/** Screen px per diagram unit when every view fits a width × height box. */
function scaleIn(views: Size[], width: number, height: number): number {
	if (width <= 0 || height <= 0 || !views.length) return 0;
	return Math.min(...views.map((v) => Math.min(width / v.width, height / v.height)));
}

function below(input: FitInput, textSize: number): StageFit {
	const { stage, views, inset } = input;
	const caption = input.captionHeight(stage.width, textSize, false);
	return { beside: false, column: 0, textSize, scale: scaleIn(views, stage.width - 2 * inset, stage.height - caption - 2 * inset) };
}

function beside(input: FitInput, textSize: number): StageFit | undefined {
	const { stage, views, inset } = input;
	const fits = (column: number) => input.captionHeight(column, textSize, true) <= stage.height;
	const widest = Math.floor(stage.width * MAX_COLUMN);
	let lo = Math.ceil(MIN_COLUMN_EMS * textSize * stage.height);
	if (lo > widest || !fits(widest)) return undefined;
	// The narrowest column the longest step fits in (the height only shrinks as the column widens).
	let hi = widest;
	if (fits(lo)) hi = lo;
	while (hi - lo > 4) {
		const mid = Math.floor((lo + hi) / 2);
		if (fits(mid)) hi = mid;
		else lo = mid;
	}
	// Where the picture is limited by the height anyway, the caption takes the width it leaves over.
	const full = scaleIn(views, Infinity, stage.height - 2 * inset);
	const free = stage.width - 2 * inset - full * Math.max(...views.map((v) => v.width));
	const column = Math.min(widest, Math.max(hi, Math.floor(free)));
	return { beside: true, column, textSize, scale: scaleIn(views, stage.width - column - 2 * inset, stage.height - 2 * inset) };
}

/**
 * The caption's place and text size: the largest text that leaves the picture its labels at
 * LABEL_TARGET of the screen height, beside or below, whichever draws the picture larger. Where no size
 * reaches the target (a 4:3 screen and a wide picture), the floor size and the larger picture.
 */
export function fitStage(input: FitInput): StageFit {
	const target = (LABEL_TARGET * input.stage.height) / LABEL_SIZE;
	let best: StageFit | undefined;
	for (const size of TEXT_SIZES) {
		const options = [below(input, size), beside(input, size)].filter((o): o is StageFit => !!o);
		best = options.reduce((a, b) => (b.scale > a.scale ? b : a));
		if (best.scale >= target) return best;
	}
	return best!;
}
