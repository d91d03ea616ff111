import { describe, expect, it } from 'vitest';
import { connectHost, type HostWindow } from './host-bridge';
import type { ParsedHostCommand } from './host-link';

/**
 * A fake embed window whose parent behaves as H5P's h5p-resizer.js does: it never speaks first, answers
 * `hello` with `hello` and `prepareResize` with `resizePrepared`, and sets the frame height on `resize`.
 */
function fakeHost({ resizer = true } = {}) {
	const listeners = new Set<(e: MessageEvent) => void>();
	const sent: unknown[] = [];
	let frameHeight = 150;
	const parent = {
		postMessage(message: unknown) {
			sent.push(message);
			const m = message as { context?: string; action?: string; scrollHeight?: number };
			if (!resizer || m?.context !== 'h5p') return;
			if (m.action === 'hello') reply({ context: 'h5p', action: 'hello' });
			if (m.action === 'prepareResize') reply({ context: 'h5p', action: 'resizePrepared' });
			if (m.action === 'resize') frameHeight = m.scrollHeight!;
		}
	};
	const reply = (data: unknown, origin = 'https://lms.example.edu') => {
		for (const l of [...listeners]) l({ data, origin, source: parent } as unknown as MessageEvent);
	};
	const win: HostWindow = {
		parent,
		innerHeight: 150,
		addEventListener: (_t, l) => listeners.add(l),
		removeEventListener: (_t, l) => listeners.delete(l)
	};
	return { win, sent, reply, listeners, height: () => frameHeight };
}

const h5pActions = (sent: unknown[]) => sent.filter((m) => (m as { context?: string })?.context === 'h5p').map((m) => (m as { action: string }).action);

describe('connectHost', () => {
	it('starts the H5P handshake itself, so a resizer that only answers sets the height', () => {
		const host = fakeHost();
		connectHost({ allowed: '*', onCommand: () => {}, wantedHeight: () => 360, win: host.win });
		expect(h5pActions(host.sent)).toEqual(['hello', 'prepareResize', 'resize']);
		expect(host.height()).toBe(360);
		expect(host.sent).toContainEqual({ context: 'h5p', action: 'resize', scrollHeight: 360, height: 360 });
	});

	it('asks for its height the LTI way as well', () => {
		const host = fakeHost({ resizer: false });
		connectHost({ allowed: '*', onCommand: () => {}, wantedHeight: () => 405, win: host.win });
		expect(host.sent).toContainEqual(JSON.stringify({ subject: 'lti.frameResize', height: 405 }));
	});

	it('says hello again when a resizer that loaded late announces itself', () => {
		const host = fakeHost({ resizer: false });
		connectHost({ allowed: '*', onCommand: () => {}, wantedHeight: () => 360, win: host.win });
		host.reply({ context: 'h5p', action: 'ready' });
		expect(h5pActions(host.sent)).toEqual(['hello', 'hello']);
	});

	it('re-sizes when the width changes, and when the host window resizes', () => {
		const host = fakeHost();
		let wanted = 360;
		const bridge = connectHost({ allowed: '*', onCommand: () => {}, wantedHeight: () => wanted, win: host.win });
		wanted = 540;
		bridge.reportHeight();
		expect(host.height()).toBe(540);
		host.reply({ context: 'h5p', action: 'resize' });
		expect(h5pActions(host.sent).filter((a) => a === 'resize')).toHaveLength(3);
	});

	it('passes on only well-formed commands from allowed origins', () => {
		const host = fakeHost({ resizer: false });
		const commands: ParsedHostCommand[] = [];
		connectHost({ allowed: ['https://lms.example.edu'], onCommand: (c) => commands.push(c), wantedHeight: () => 1, win: host.win });
		host.reply({ target: 'wheelhouse', version: 1, command: 'next' });
		host.reply({ target: 'wheelhouse', version: 1, command: 'next' }, 'https://evil.example');
		host.reply({ target: 'wheelhouse', version: 1, command: 'goto', step: '3' });
		host.reply({ target: 'wheelhouse', version: 1, command: 'goto', step: 3 });
		expect(commands).toEqual([{ command: 'next' }, { command: 'goto', step: 3 }]);
	});

	it('stops listening when destroyed', () => {
		const host = fakeHost({ resizer: false });
		const bridge = connectHost({ allowed: '*', onCommand: () => {}, wantedHeight: () => 1, win: host.win });
		bridge.destroy();
		expect(host.listeners.size).toBe(0);
	});
});
