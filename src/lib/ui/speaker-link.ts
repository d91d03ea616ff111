// The protocol between the audience window and the speaker view. Both are pages of this site, so
// every message must come from our own origin and from the window we expect; anything else is dropped.

import { parseStepNumber, type StepNumber } from '$lib/model/step-number';

export const CHANNEL = 'wheelhouse-present';
/** Beyond any walkthrough; each window then checks the number against its walkthrough. */
const MAX_STEPS = 10_000;

/** `reveal`: show the room the answer to the checkpoint on screen (a class poll). */
export type LinkCommand = 'next' | 'previous' | 'goto' | 'play' | 'pause' | 'reveal';

export type LinkMessage =
	| { channel: typeof CHANNEL; type: 'hello'; walkthrough: string }
	/** `step` is 1-based, as everywhere a step crosses a window boundary. */
	| { channel: typeof CHANNEL; type: 'state'; walkthrough: string; step: StepNumber; playing: boolean; startedAt: number }
	| { channel: typeof CHANNEL; type: 'command'; walkthrough: string; command: Exclude<LinkCommand, 'goto'> }
	| { channel: typeof CHANNEL; type: 'command'; walkthrough: string; command: 'goto'; step: StepNumber };

const COMMANDS = new Set<string>(['next', 'previous', 'goto', 'play', 'pause', 'reveal']);

/** Returns the message if it is well formed and about `walkthrough`; otherwise undefined. */
export function parseLinkMessage(data: unknown, walkthrough: string): LinkMessage | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const d = data as Record<string, unknown>;
	if (d.channel !== CHANNEL || d.walkthrough !== walkthrough) return undefined;
	const step = typeof d.step === 'number' ? parseStepNumber(d.step, MAX_STEPS) : undefined;
	switch (d.type) {
		case 'hello':
			return { channel: CHANNEL, type: 'hello', walkthrough };
		case 'state':
			if (!step?.ok || typeof d.playing !== 'boolean' || typeof d.startedAt !== 'number' || !Number.isFinite(d.startedAt)) return undefined;
			return { channel: CHANNEL, type: 'state', walkthrough, step: step.number, playing: d.playing, startedAt: d.startedAt };
		case 'command':
			if (typeof d.command !== 'string' || !COMMANDS.has(d.command)) return undefined;
			if (d.command !== 'goto') return { channel: CHANNEL, type: 'command', walkthrough, command: d.command as Exclude<LinkCommand, 'goto'> };
			return step?.ok ? { channel: CHANNEL, type: 'command', walkthrough, command: 'goto', step: step.number } : undefined;
		default:
			return undefined;
	}
}

export function formatElapsed(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = String(m).padStart(h ? 2 : 1, '0');
	return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
