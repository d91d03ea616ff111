// Moves boxes from one view's layout to the next: shared boxes glide, new ones fade in where they land,
// departing ones fade out where they were. Framework-free: it reports frames, the caller draws them.
import { easeCubicInOut } from 'd3-ease';

// Numbers only: d3-interpolate's entry point would also bring d3-color into the first-load bundle
// (about 14 KB); it still arrives with d3-zoom, which is loaded lazily.
const interpolateNumber = (a: number, b: number) => (t: number) => a + (b - a) * t;
import { timer, type Timer } from 'd3-timer';
import type { Box } from '$lib/layout/types';

export interface FrameBox extends Box {
	opacity: number;
}
export type Frame = Record<string, FrameBox>;

export interface MorphOptions {
	duration: number;
}

export interface Morph {
	/** Animates to `target` (boxes at full opacity); resolves when done or superseded. */
	update(target: Record<string, Box>, options: MorphOptions): Promise<void>;
	current(): Frame;
	destroy(): void;
}

export function createMorph(initial: Record<string, Box>, onFrame: (frame: Frame) => void): Morph {
	let frame: Frame = withOpacity(initial, 1);
	let running: Timer | undefined;
	let settle: (() => void) | undefined;

	const finish = () => {
		running?.stop();
		running = undefined;
		settle?.();
		settle = undefined;
	};

	return {
		current: () => frame,
		update(target, { duration }) {
			finish();
			const from = frame;
			const ids = new Set([...Object.keys(from), ...Object.keys(target)]);
			const end: Frame = withOpacity(target, 1);
			if (duration <= 0) {
				frame = end;
				onFrame(frame);
				return Promise.resolve();
			}
			const tweens = [...ids].map((id) => {
				const a = from[id] ?? { ...target[id]!, opacity: 0 };
				const b = end[id] ?? { ...from[id]!, opacity: 0 };
				return {
					id,
					x: interpolateNumber(a.x, b.x),
					y: interpolateNumber(a.y, b.y),
					w: interpolateNumber(a.width, b.width),
					h: interpolateNumber(a.height, b.height),
					o: interpolateNumber(a.opacity, b.opacity)
				};
			});
			return new Promise<void>((resolve) => {
				settle = resolve;
				running = timer((elapsed) => {
					const t = easeCubicInOut(Math.min(1, elapsed / duration));
					const next: Frame = {};
					for (const tw of tweens) next[tw.id] = { x: tw.x(t), y: tw.y(t), width: tw.w(t), height: tw.h(t), opacity: tw.o(t) };
					frame = t >= 1 ? end : next;
					onFrame(frame);
					if (t >= 1) finish();
				});
			});
		},
		destroy: finish
	};
}

function withOpacity(boxes: Record<string, Box>, opacity: number): Frame {
	const out: Frame = {};
	for (const [id, b] of Object.entries(boxes)) out[id] = { x: b.x, y: b.y, width: b.width, height: b.height, opacity };
	return out;
}
