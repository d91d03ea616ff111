// What a screen reader hears of the traffic (issue 19): each message once, as it arrives, in words
// ("kubectl to kube-apiserver, request: POST deployments"); messages that arrive together (a burst, a
// jump to a step at rest, reduced motion) as one summary. The narration has its own status region, so
// a change of step never repeats it here, and a message already said is never said again. Pure: the
// page hands in what to say with and a timer.
import { messageInWords as phrase } from '../model/describe-step';
import type { Message, MessageKind, Scene } from '../model/types';

/** Messages that arrive within this window of the first are said together. */
export const BURST_WINDOW_MS = 300;
/** More than this many together become a summary: five sentences in a row are not listened to. */
export const MAX_SAID_ONE_BY_ONE = 2;

const KIND_ORDER: MessageKind[] = ['request', 'response', 'event', 'data'];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function kindsCount(messages: readonly Message[]): string {
	const parts = KIND_ORDER.map((k) => [k, messages.filter((m) => m.kind === k).length] as const)
		.filter(([, n]) => n > 0)
		.map(([k, n]) => plural(n, k));
	return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
}

/** What is said for messages that arrived together. */
export function announcementFor(scene: Scene, messages: readonly Message[]): string {
	if (messages.length <= MAX_SAID_ONE_BY_ONE) return messages.map((m) => `${phrase(scene, m)}.`).join(' ');
	return (
		`${messages.length} messages: ${kindsCount(messages)}. ` +
		`First, ${phrase(scene, messages[0]!)}. Last, ${phrase(scene, messages.at(-1)!)}. ` +
		'The message log lists them all.'
	);
}

/** Where a session is, as far as announcing goes. */
export interface Delivery {
	/** The step's id: a new id is a new step, whose messages start again from the first. */
	id: string;
	messages: readonly Message[];
	/** How many of them have arrived. */
	delivered: number;
}

export interface AnnouncerDeps {
	scene: Scene;
	say: (text: string) => void;
	schedule: (run: () => void, ms: number) => () => void;
}

export interface Announcer {
	observe(now: Delivery): void;
	destroy(): void;
}

/** `start`: where the page is when announcing begins; what has arrived by then is already on screen. */
export function createAnnouncer(deps: AnnouncerDeps, start: Delivery): Announcer {
	let stepId = start.id;
	let said = start.delivered;
	let pending: Message[] = [];
	let cancel: (() => void) | undefined;

	const flush = () => {
		cancel = undefined;
		if (pending.length) deps.say(announcementFor(deps.scene, pending));
		pending = [];
	};
	const drop = () => {
		cancel?.();
		cancel = undefined;
		pending = [];
	};

	return {
		observe(now) {
			if (now.id !== stepId) {
				// A new step: what was waiting belongs to the step left behind; not worth saying now.
				drop();
				stepId = now.id;
				said = 0;
			}
			if (now.delivered < said) {
				// The step was replayed from its start: its messages will arrive (and be said) again.
				drop();
				said = now.delivered;
				return;
			}
			if (now.delivered === said) return;
			pending.push(...now.messages.slice(said, now.delivered));
			said = now.delivered;
			cancel ??= deps.schedule(flush, BURST_WINDOW_MS);
		},
		destroy: drop
	};
}
