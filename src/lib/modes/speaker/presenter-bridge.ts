// The speaker view's bridge to the projected window that opened it, framework-free. It keeps saying
// hello until the presentation answers (so it reconnects after either window reloads), reports each state
// the presentation sends, and sends the presenter's commands back. Only our origin and our opener count.
import { toStepIndex, toStepNumber, type StepIndex } from '$lib/model/step-number';
import { CHANNEL, parseLinkMessage, type LinkCommand, type LinkMessage } from '$lib/ui/speaker-link';

export interface PresenterState {
	index: StepIndex;
	playing: boolean;
	startedAt: number;
}

export interface PresenterBridgeOptions {
	walkthroughId: string;
	onState(state: PresenterState): void;
	/** How often to say hello while unheard (ms). */
	helloEveryMs?: number;
	/** Unheard for this long counts as disconnected (ms). */
	silenceMs?: number;
	now?: () => number;
	win?: Window;
}

export interface PresenterBridge {
	/** `goto` takes a 0-based index; the message carries a step number. */
	send(command: LinkCommand, gotoIndex?: number): void;
	connected(): boolean;
	destroy(): void;
}

export function connectPresenter(options: PresenterBridgeOptions): PresenterBridge {
	const win = options.win ?? window;
	const now = options.now ?? Date.now;
	const silence = options.silenceMs ?? 4000;
	let lastHeard = -Infinity;
	const opener = () => win.opener as Window | null;
	const post = (message: LinkMessage) => {
		const main = opener();
		if (main && !main.closed) main.postMessage(message, win.location.origin);
	};
	const hello = () => post({ channel: CHANNEL, type: 'hello', walkthrough: options.walkthroughId });
	const connected = () => now() - lastHeard < silence;

	function onMessage(event: MessageEvent) {
		if (event.origin !== win.location.origin || event.source !== opener()) return;
		const message = parseLinkMessage(event.data, options.walkthroughId);
		if (message?.type !== 'state') return;
		lastHeard = now();
		options.onState({ index: toStepIndex(message.step), playing: message.playing, startedAt: message.startedAt });
	}

	win.addEventListener('message', onMessage);
	hello();
	const timer = setInterval(() => {
		if (!connected()) hello();
	}, options.helloEveryMs ?? 1000);

	return {
		send(command, gotoIndex) {
			const base = { channel: CHANNEL, type: 'command', walkthrough: options.walkthroughId } as const;
			post(command === 'goto' ? { ...base, command, step: toStepNumber(gotoIndex ?? 0) } : { ...base, command });
		},
		connected,
		destroy() {
			clearInterval(timer);
			win.removeEventListener('message', onMessage);
		}
	};
}
