// What a screen reader hears of a live cluster's traffic: messages that arrive within a burst window
// are said together (one or two in words, more as a summary: ui/message-announcer.ts's announcementFor),
// and never more often than once every MIN_GAP_MS, so a clock at 60× (or a settle's thousand messages)
// is a summary every few seconds, not a stream. Pure: the page hands in a timer and what to say with.
import { BURST_WINDOW_MS, announcementFor } from '$lib/ui/message-announcer';
import type { Message, Scene } from '$lib/model/types';

export const MIN_GAP_MS = 4000;

export interface LiveAnnouncerDeps {
	scene: () => Scene;
	say: (text: string) => void;
	schedule: (run: () => void, ms: number) => () => void;
	now: () => number;
}

export interface LiveAnnouncer {
	observe(messages: readonly Message[]): void;
	/** Something said at once (an action's outcome): it resets the gap. */
	sayNow(text: string): void;
	destroy(): void;
}

export function createLiveAnnouncer(deps: LiveAnnouncerDeps): LiveAnnouncer {
	let pending: Message[] = [];
	let cancel: (() => void) | undefined;
	let lastSaid = -Infinity;
	const flush = () => {
		cancel = undefined;
		if (!pending.length) return;
		deps.say(announcementFor(deps.scene(), pending));
		pending = [];
		lastSaid = deps.now();
	};
	return {
		observe(messages) {
			if (!messages.length) return;
			pending.push(...messages);
			cancel ??= deps.schedule(flush, Math.max(BURST_WINDOW_MS, lastSaid + MIN_GAP_MS - deps.now()));
		},
		sayNow(text) {
			cancel?.();
			cancel = undefined;
			pending = [];
			deps.say(text);
			lastSaid = deps.now();
		},
		destroy() {
			cancel?.();
			pending = [];
		}
	};
}
