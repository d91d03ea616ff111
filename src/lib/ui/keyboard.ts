// Keys → commands, as DESIGN.md lists them. Pure, so the table is tested without a browser.
import type { StepCommand } from '$lib/engine/commands';

export type Command = 'next' | 'previous' | 'first' | 'last' | 'togglePlay' | 'help' | 'escape' | 'blackout' | 'fullscreen' | 'speaker' | 'theme' | 'reveal';
export type KeyMode = 'explore' | 'present';

const KEYS: Record<string, Command> = {
	ArrowRight: 'next',
	PageDown: 'next',
	' ': 'next',
	n: 'next',
	N: 'next',
	ArrowLeft: 'previous',
	PageUp: 'previous',
	p: 'previous',
	P: 'previous',
	Home: 'first',
	End: 'last',
	k: 'togglePlay',
	K: 'togglePlay',
	'?': 'help',
	Escape: 'escape'
};

export interface KeyInfo {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
	shiftKey?: boolean;
	/** The focused element's tag and role, to leave keys to the control that has them. */
	targetTag?: string;
	targetRole?: string | null;
}

/** Presentation clickers send these too; a projected page has nothing else to do with them. */
const PRESENT_KEYS: Record<string, Command> = {
	ArrowDown: 'next',
	ArrowUp: 'previous',
	b: 'blackout',
	B: 'blackout',
	'.': 'blackout',
	'/': 'blackout',
	f: 'fullscreen',
	F: 'fullscreen',
	s: 'speaker',
	S: 'speaker',
	t: 'theme',
	T: 'theme',
	// A class poll: show the room the answer to the checkpoint on screen.
	r: 'reveal',
	R: 'reveal'
};

/** The parts of a keyboard event that decide its command. */
export function keyInfo(e: KeyboardEvent): KeyInfo {
	const target = e.target as HTMLElement | null;
	return { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey, targetTag: target?.tagName, targetRole: target?.getAttribute?.('role') };
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Space and Enter activate a focused control; the page must not also step. */
const ACTIVATES = new Set([' ', 'Enter']);

export function commandFor(e: KeyInfo, mode: KeyMode = 'explore'): Command | undefined {
	if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
	const tag = e.targetTag?.toUpperCase() ?? '';
	if (TYPING.has(tag)) return e.key === 'Escape' ? 'escape' : undefined;
	const onControl = tag === 'BUTTON' || tag === 'A' || e.targetRole === 'button' || e.targetRole === 'link';
	if (onControl && ACTIVATES.has(e.key)) return undefined;
	if (e.key === ' ' && e.shiftKey) return 'previous';
	return KEYS[e.key] ?? (mode === 'present' ? PRESENT_KEYS[e.key] : undefined);
}

const STEPPING: Partial<Record<Command, StepCommand>> = {
	next: { type: 'next' },
	previous: { type: 'previous' },
	first: { type: 'first' },
	last: { type: 'last' },
	togglePlay: { type: 'togglePlay' }
};

/** The command-bus form of a key's command, for the keys that move through the walkthrough. */
export function stepCommandOf(command: Command): StepCommand | undefined {
	return STEPPING[command];
}
