
// Talking to the page around an embed (an LMS, a course site). Everything that comes in is untrusted:
// only exact, small, well-typed commands are accepted. What goes out is only what the page shows anyway.

import { parseStepNumber, toStepNumber, type StepNumber } from '$lib/model/step-number';

declare const __WHEELHOUSE_ALLOWED_ORIGINS__: string;

export type HostCommand = 'next' | 'previous' | 'goto' | 'play' | 'pause' | 'getState';
const COMMANDS = new Set<string>(['next', 'previous', 'goto', 'play', 'pause', 'getState']);

/**
 * Host origins allowed to command the embed, fixed at build time with WHEELHOUSE_ALLOWED_ORIGINS
 * (comma-separated, e.g. "https://moodle.example.edu,https://canvas.example.edu"). Default "*": any.
 */
export function allowedOrigins(raw: string = typeof __WHEELHOUSE_ALLOWED_ORIGINS__ === 'string' ? __WHEELHOUSE_ALLOWED_ORIGINS__ : '*'): string[] | '*' {
	const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
	return list.length === 0 || list.includes('*') ? '*' : list;
}

export function originAllowed(origin: string, allowed: string[] | '*'): boolean {
	return allowed === '*' || allowed.includes(origin);
}

/** Beyond any walkthrough; the embed then checks the number against its own range. */
const MAX_STEPS = 100_000;

/** What a host page may ask; `step` is 1-based, as in URLs. */
export type ParsedHostCommand = { command: 'goto'; step: StepNumber } | { command: Exclude<HostCommand, 'goto'> };

export function parseHostCommand(data: unknown): ParsedHostCommand | undefined {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
	const d = data as Record<string, unknown>;
	if (d.target !== 'wheelhouse' || d.version !== 1 || typeof d.command !== 'string' || !COMMANDS.has(d.command)) return undefined;
	if (d.command === 'goto') {
		// A number, not a string: the contract says so, and a host that sends "3" should find out.
		const parsed = typeof d.step === 'number' ? parseStepNumber(d.step, MAX_STEPS) : undefined;
		return parsed?.ok ? { command: 'goto', step: parsed.number } : undefined;
	}
	return { command: d.command as Exclude<HostCommand, 'goto'> };
}

export type OutType = 'ready' | 'step' | 'complete' | 'state';

export interface OutMessage {
	source: 'wheelhouse';
	version: 1;
	type: OutType;
	scene: string;
	walkthrough: string;
	/** 1-based */
	step: number;
	total: number;
}

export function outMessage(type: OutType, walkthroughId: string, index: number, total: number): OutMessage {
	const [scene = '', walkthrough = ''] = walkthroughId.split('/');
	return { source: 'wheelhouse', version: 1, type, scene, walkthrough, step: toStepNumber(index), total };
}

/** A prediction made in the embed (predict-then-see): which checkpoint (its step's id) and whether it was right. */
export interface AnswerMessage extends Omit<OutMessage, 'type'> {
	type: 'answer';
	checkpoint: string;
	correct: boolean;
}

export function answerMessage(walkthroughId: string, index: number, total: number, checkpoint: string, correct: boolean): AnswerMessage {
	return { ...outMessage('state', walkthroughId, index, total), type: 'answer', checkpoint, correct };
}

/** Sends to the parent page: to each allowed origin, or to any ("*") by default. */
export function postToHost(message: unknown, allowed: string[] | '*', parent: Window | undefined = typeof window === 'undefined' || window.parent === window ? undefined : window.parent): void {
	if (!parent) return;
	try {
		if (allowed === '*') parent.postMessage(message, '*');
		else for (const origin of allowed) parent.postMessage(message, origin);
	} catch {
		/* a detached or sandboxed parent: nothing to tell */
	}
}
