// The projected window's bridge to its speaker view (a second window of this site), framework-free.
// It opens the speaker view, answers its hello with the current state, passes its commands on as
// StepCommands, and tells it each change. Messages must come from our own origin (speaker-link.ts).
import type { StepCommand } from '$lib/engine/commands';
import { toStepIndex, toStepNumber } from '$lib/model/step-number';
import { CHANNEL, parseLinkMessage, type LinkMessage } from '$lib/ui/speaker-link';

export interface PresentState {
	index: number;
	playing: boolean;
}

export interface SpeakerBridgeOptions {
	walkthroughId: string;
	/** When the presentation started, so both windows show the same elapsed time. */
	startedAt: number;
	state(): PresentState;
	onCommand(command: StepCommand): void;
	/** The speaker view's Reveal: show the room the open checkpoint's answer. */
	onReveal?(): void;
	/** The speaker view's address for a step number. */
	speakerHref(step: number): string;
	win?: Window;
}

export interface SpeakerBridge {
	/** Opens (or focuses) the speaker view: a named window, so pressing S again finds the same one. */
	open(): void;
	/** Tells the speaker view where the presentation is now. */
	sendState(): void;
	destroy(): void;
}

export function connectSpeaker(options: SpeakerBridgeOptions): SpeakerBridge {
	const win = options.win ?? window;
	let speaker: Window | null = null;
	const post = (message: LinkMessage) => {
		if (speaker && !speaker.closed) speaker.postMessage(message, win.location.origin);
	};
	const sendState = () => {
		const s = options.state();
		post({ channel: CHANNEL, type: 'state', walkthrough: options.walkthroughId, step: toStepNumber(s.index), playing: s.playing, startedAt: options.startedAt });
	};

	function onMessage(event: MessageEvent) {
		if (event.origin !== win.location.origin) return;
		const message = parseLinkMessage(event.data, options.walkthroughId);
		if (message?.type === 'hello') {
			// The speaker view (re)connects, e.g. after either window was refreshed.
			speaker = event.source as Window;
			sendState();
		} else if (message?.type === 'command') {
			if (message.command === 'reveal') options.onReveal?.();
			else options.onCommand(message.command === 'goto' ? { type: 'goto', index: toStepIndex(message.step) } : { type: message.command });
		}
	}
	win.addEventListener('message', onMessage);

	return {
		open() {
			speaker = win.open(options.speakerHref(toStepNumber(options.state().index)), 'wheelhouse-speaker', 'popup,width=1100,height=760');
			speaker?.focus();
		},
		sendState,
		destroy: () => win.removeEventListener('message', onMessage)
	};
}
