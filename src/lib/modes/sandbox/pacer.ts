// Wall time → simulated time for the sandbox's clock: paused, or 1×, 10×, 60× real time. Pure: the
// caller hands in the wall clock's readings (performance.now() in the page, numbers in tests), so the
// pace is tested without waiting. A long gap between readings (a background tab, a slow frame) is
// clamped: coming back to the tab runs at most MAX_GAP_MS of wall time, never ten minutes at once.
export const SPEEDS = [1, 10, 60] as const;
export type Speed = (typeof SPEEDS)[number];

/** Longest wall-time gap between two readings that counts in full (ms). */
export const MAX_GAP_MS = 250;

export interface Pacer {
	readonly playing: boolean;
	readonly speed: Speed;
	play(wallMs: number): void;
	pause(): void;
	setSpeed(speed: Speed, wallMs: number): void;
	/** Simulated ms to run for the wall time since the last reading (0 while paused). */
	advance(wallMs: number): number;
}

export function createPacer(speed: Speed = 1): Pacer {
	let playing = false;
	let current: Speed = speed;
	let last = 0;
	return {
		get playing() {
			return playing;
		},
		get speed() {
			return current;
		},
		play(wallMs) {
			playing = true;
			last = wallMs;
		},
		pause() {
			playing = false;
		},
		setSpeed(next, wallMs) {
			current = next;
			last = wallMs;
		},
		advance(wallMs) {
			if (!playing) return 0;
			const gap = Math.min(Math.max(0, wallMs - last), MAX_GAP_MS);
			last = wallMs;
			return gap * current;
		}
	};
}

/** "t = 1 min 12 s", "t = 4.3 s", "t = 1 h 2 min 5 s": simulated time as the toolbar shows it. */
export function clockText(ms: number): string {
	const s = ms / 1000;
	if (s < 60) return `t = ${s.toFixed(1)} s`;
	const total = Math.floor(s);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const sec = total % 60;
	return `t = ${h ? `${h} h ` : ''}${m} min ${sec} s`;
}
