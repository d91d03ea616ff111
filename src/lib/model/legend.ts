// What the legend keys for a walkthrough: the message kinds its steps send, and the kinds of line its
// scene draws. Pure, so explore's view only places the legend.
import type { ConnectionKind, MessageKind, Scene, Walkthrough } from './types';

const MESSAGE_KINDS: readonly MessageKind[] = ['request', 'response', 'event', 'data'];
const LINE_KINDS: readonly ConnectionKind[] = ['call', 'watch', 'data', 'local'];

export function legendFor(scene: Scene, walkthrough: Walkthrough): { kinds: MessageKind[]; lines: ConnectionKind[] } {
	const sent = new Set(walkthrough.steps.flatMap((s) => (s.messages ?? []).map((m) => m.kind)));
	const drawn = new Set(scene.connections.map((c) => c.kind ?? 'call'));
	return {
		kinds: MESSAGE_KINDS.filter((k) => sent.has(k)),
		// Plain network calls need no key unless other kinds of line are there to tell apart.
		lines: drawn.size > 1 ? LINE_KINDS.filter((k) => drawn.has(k)) : []
	};
}
