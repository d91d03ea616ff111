// A message drawn as a token that travels its connection, with its summary riding beside it.
// Shapes differ by kind (request ●, response ◆, event ■, data ▲) so colour is never the only cue.
import { easeQuadInOut } from 'd3-ease';
import { timer } from 'd3-timer';
import { pointAlong, polylineLength } from '$lib/layout/geometry';
import type { MessageKind } from '$lib/model/types';
import { MONO_ADVANCE, TOKEN_LABEL_SIZE } from './metrics';
import { pillBox, planPill, sampleAt, type PillSide, type Rect } from './token-pill';
import { tokenLabel } from './token-label';

const SVG = 'http://www.w3.org/2000/svg';
const R = 13;

export const TOKEN_SHAPES: Record<MessageKind, string> = {
	request: `M ${-R} 0 A ${R} ${R} 0 1 0 ${R} 0 A ${R} ${R} 0 1 0 ${-R} 0 Z`,
	response: `M 0 ${-R - 3} L ${R + 3} 0 L 0 ${R + 3} L ${-R - 3} 0 Z`,
	event: `M ${-R + 1} ${-R + 1} H ${R - 1} V ${R - 1} H ${-R + 1} Z`,
	data: `M 0 ${-R - 2} L ${R + 2} ${R} L ${-R - 2} ${R} Z`
};

export interface TokenOptions {
	kind: MessageKind;
	label: string;
	/** ms; 0 resolves at once without drawing. */
	duration: number;
	signal?: AbortSignal;
	/** Names drawn on the diagram: the label pill moves round the token to keep off them (token-pill.ts). */
	avoid?: Rect[];
	/** The picture's edges, which the pill keeps inside where it can. */
	stage?: Rect;
}

/** Moves a token along `points` inside `layer`; resolves on arrival (or when aborted). */
export function sendToken(layer: SVGGElement, points: [number, number][], options: TokenOptions): Promise<void> {
	if (options.duration <= 0 || points.length < 2 || options.signal?.aborted) return Promise.resolve();
	const g = document.createElementNS(SVG, 'g');
	g.setAttribute('class', `token token-${options.kind}`);
	g.setAttribute('aria-hidden', 'true');
	const shape = document.createElementNS(SVG, 'path');
	shape.setAttribute('d', TOKEN_SHAPES[options.kind]);
	shape.setAttribute('class', 'token-shape');
	const label = tokenLabel(options.label);
	// The label is monospace, so its width is known from its length: no getBBox(), which would force a
	// layout of the whole diagram each time a token sets off.
	const width = Math.ceil(label.length * TOKEN_LABEL_SIZE * MONO_ADVANCE);
	const pill = document.createElementNS(SVG, 'rect');
	pill.setAttribute('class', 'token-pill');
	pill.setAttribute('height', String(TOKEN_LABEL_SIZE * 1.5));
	pill.setAttribute('rx', '6');
	const text = document.createElementNS(SVG, 'text');
	text.setAttribute('class', 'token-label');
	text.setAttribute('dominant-baseline', 'central');
	text.textContent = label;
	const pillW = width + 12;
	const pillH = TOKEN_LABEL_SIZE * 1.5;
	const plan = planPill(points, options.avoid ?? [], pillW, pillH, R + 3, options.stage);
	let side: PillSide | undefined;
	const place = (next: PillSide) => {
		if (next === side) return;
		side = next;
		const box = pillBox(next, pillW, pillH, R + 3);
		pill.setAttribute('x', String(box.x));
		pill.setAttribute('y', String(box.y));
		pill.setAttribute('width', String(pillW));
		text.setAttribute('x', String(box.x + 6));
		text.setAttribute('y', String(box.y + pillH / 2));
	};
	const length = polylineLength(points);
	let faded = false;
	/** Where the token is `along` its route (0..1): moved there, its pill on the planned side. */
	const moveTo = (along: number) => {
		const [x, y] = pointAlong(points, along);
		const i = sampleAt(plan, along * length);
		place(plan.sides[i]!);
		// Where no side keeps the pill off a name, it fades so the name shows through.
		if (plan.covers[i] !== faded) g.classList.toggle('token-faded', (faded = plan.covers[i]!));
		g.setAttribute('transform', `translate(${x.toFixed(1)},${y.toFixed(1)})`);
	};
	// Placed before it is drawn: the timer's first tick comes a frame later.
	moveTo(0);
	// A pill behind the label keeps it legible over lines and boxes.
	g.append(shape, pill, text);
	layer.append(g);

	return new Promise((resolve) => {
		const done = () => {
			t.stop();
			g.remove();
			resolve();
		};
		const t = timer((elapsed) => {
			const f = Math.min(1, elapsed / options.duration);
			moveTo(easeQuadInOut(f));
			if (f >= 1) done();
		});
		options.signal?.addEventListener('abort', done, { once: true });
	});
}
