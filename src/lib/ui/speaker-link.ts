// The protocol between the audience window and the speaker view. Both are pages of this site, so
// every message must come from our own origin and from the window we expect; anything else is dropped.

export const CHANNEL = 'wheelhouse-present';

export type LinkCommand = 'next' | 'previous' | 'goto' | 'play' | 'pause';

export type LinkMessage =
	| { channel: typeof CHANNEL; type: 'hello'; walkthrough: string }
	| { channel: typeof CHANNEL; type: 'state'; walkthrough: string; index: number; playing: boolean; startedAt: number }
	| { channel: typeof CHANNEL; type: 'command'; walkthrough: string; command: LinkCommand; index?: number };

const COMMANDS = new Set<string>(['next', 'previous', 'goto', 'play', 'pause']);

/** Returns the message if it is well formed and about `walkthrough`; otherwise undefined. */
export function parseLinkMessage(data: unknown, walkthrough: string): LinkMessage | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const d = data as Record<string, unknown>;
	if (d.channel !== CHANNEL || d.walkthrough !== walkthrough) return undefined;
	const isIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10_000;
	switch (d.type) {
		case 'hello':
			return { channel: CHANNEL, type: 'hello', walkthrough };
		case 'state':
			if (!isIndex(d.index) || typeof d.playing !== 'boolean' || typeof d.startedAt !== 'number' || !Number.isFinite(d.startedAt)) return undefined;
			return { channel: CHANNEL, type: 'state', walkthrough, index: d.index as number, playing: d.playing, startedAt: d.startedAt };
		case 'command':
			if (typeof d.command !== 'string' || !COMMANDS.has(d.command)) return undefined;
			if (d.command === 'goto' && !isIndex(d.index)) return undefined;
			return { channel: CHANNEL, type: 'command', walkthrough, command: d.command as LinkCommand, index: d.command === 'goto' ? (d.index as number) : undefined };
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
