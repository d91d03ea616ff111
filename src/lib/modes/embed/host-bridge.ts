// The embed's bridge to the page around it (an LMS, a course site), framework-free: it listens for the
// host's commands, tells the host what the learner sees, and asks for the frame's height two ways:
// LTI's `lti.frameResize` and H5P's resizer handshake. Everything that comes in is untrusted.
//
// H5P's host script (h5p-resizer.js, loaded by Moodle and other LMS pages) only ever answers: the content
// speaks first. So the embed says `hello` at start (and again when a late-loading resizer says `ready`);
// on the host's `hello` it sends `prepareResize`; on `resizePrepared` it sends `resize` with its height
// (`scrollHeight`, and `height` for older resizers); on the host's `resize` (its window changed) it starts over.
import { originAllowed, parseHostCommand, postToHost, type AnswerMessage, type OutMessage, type ParsedHostCommand } from './host-link';

/** The parts of `window` the bridge uses, so a test can hand in a fake one. */
export interface HostWindow {
	readonly parent: { postMessage(message: unknown, targetOrigin: string): void };
	readonly innerHeight: number;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface HostBridgeOptions {
	allowed: string[] | '*';
	onCommand(command: ParsedHostCommand): void;
	/** The frame height the embed wants, in CSS pixels; asked again whenever `resizes` changes size. */
	wantedHeight(): number;
	/** The element whose size changes call for a new height (the page's root); none in tests. */
	resizes?: Element;
	win?: HostWindow;
}

export interface HostBridge {
	tell(message: OutMessage | AnswerMessage): void;
	/** Asks for the wanted height if it changed (or always, with `force`). */
	reportHeight(force?: boolean): void;
	destroy(): void;
}

const H5P_IN = new Set(['hello', 'ready', 'resizePrepared', 'resize']);

export function connectHost(options: HostBridgeOptions): HostBridge {
	const win = options.win ?? (window as unknown as HostWindow);
	const post = (message: unknown) => postToHost(message, options.allowed, win.parent as Window);
	let lastHeight = 0;
	let h5pAnswered = false;
	const h5p = (action: string, data: Record<string, unknown> = {}) => post({ context: 'h5p', action, ...data });
	const prepare = () => h5p('prepareResize', { scrollHeight: lastHeight, clientHeight: win.innerHeight });

	function reportHeight(force = false) {
		const height = Math.round(options.wantedHeight());
		if (!force && height === lastHeight) return;
		lastHeight = height;
		post(JSON.stringify({ subject: 'lti.frameResize', height }));
		if (h5pAnswered) prepare();
	}

	function onMessage(event: MessageEvent) {
		if (event.source !== (win.parent as unknown)) return;
		const data = event.data as { context?: unknown; action?: unknown } | null;
		if (data && typeof data === 'object' && data.context === 'h5p' && typeof data.action === 'string' && H5P_IN.has(data.action)) {
			if (data.action === 'ready') return h5p('hello');
			if (data.action === 'hello') {
				h5pAnswered = true;
				return prepare();
			}
			if (data.action === 'resizePrepared') return h5p('resize', { scrollHeight: lastHeight, height: lastHeight });
			if (data.action === 'resize' && h5pAnswered) return prepare();
			return;
		}
		if (!originAllowed(event.origin, options.allowed)) return;
		const command = parseHostCommand(event.data);
		if (command) options.onCommand(command);
	}

	win.addEventListener('message', onMessage);
	const observer = options.resizes && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => reportHeight()) : undefined;
	observer?.observe(options.resizes!);
	reportHeight(true);
	h5p('hello');
	return {
		tell: (message) => post(message),
		reportHeight,
		destroy() {
			observer?.disconnect();
			win.removeEventListener('message', onMessage);
		}
	};
}
