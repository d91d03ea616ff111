import { describe, expect, it, vi } from 'vitest';
import { branchy } from '$lib/model/fixtures/branchy';
import { createSession } from '$lib/engine/session';
import type { StepCommand } from '$lib/engine/commands';
import { presentKey, type PresentActions } from './present-keys';

function page(options: { help?: boolean; spotlit?: boolean } = {}) {
	const session = createSession(branchy, { startIndex: 0 });
	const actions = {
		session: () => session,
		helpOpen: () => options.help ?? false,
		spotlit: () => options.spotlit ?? false,
		clearSpotlight: vi.fn(),
		toggleHelp: vi.fn(),
		toggleBlackout: vi.fn(),
		toggleFullscreen: vi.fn(),
		openSpeaker: vi.fn(),
		nextTheme: vi.fn(),
		reveal: vi.fn(),
		intercept: vi.fn((_command: StepCommand) => false)
	} satisfies PresentActions;
	return { session, actions };
}

describe('presentKey', () => {
	it('steps through the command bus, clicker keys included', () => {
		const { session, actions } = page();
		for (const key of ['ArrowRight', 'ArrowDown', 'PageDown']) expect(presentKey({ key }, actions)).toBe(true);
		expect(session.getState().index).toBe(3);
		expect(presentKey({ key: 'ArrowUp' }, actions)).toBe(true);
		expect(session.getState().index).toBe(2);
		presentKey({ key: 'Home' }, actions);
		expect(session.getState().index).toBe(0);
		session.stop();
	});

	it.each([
		['b', 'toggleBlackout'],
		['.', 'toggleBlackout'],
		['/', 'toggleBlackout'],
		['f', 'toggleFullscreen'],
		['S', 'openSpeaker'],
		['t', 'nextTheme'],
		['R', 'reveal'],
		['r', 'reveal'],
		['?', 'toggleHelp']
	] as const)('%s → %s', (key, action) => {
		const { session, actions } = page();
		expect(presentKey({ key }, actions)).toBe(true);
		expect(actions[action]).toHaveBeenCalledOnce();
		session.stop();
	});

	it('while help is open only ? is the page’s', () => {
		const { session, actions } = page({ help: true });
		expect(presentKey({ key: 'ArrowRight' }, actions)).toBe(false);
		expect(session.getState().index).toBe(0);
		expect(presentKey({ key: '?' }, actions)).toBe(true);
		expect(actions.toggleHelp).toHaveBeenCalledOnce();
		session.stop();
	});

	it('a step clears the spotlight; blackout keeps it', () => {
		const { session, actions } = page({ spotlit: true });
		presentKey({ key: 'b' }, actions);
		expect(actions.clearSpotlight).not.toHaveBeenCalled();
		presentKey({ key: 'n' }, actions);
		expect(actions.clearSpotlight).toHaveBeenCalledOnce();
		session.stop();
	});

	it('leaves Space on a focused button and keys with modifiers alone', () => {
		const { session, actions } = page();
		expect(presentKey({ key: ' ', targetTag: 'BUTTON' }, actions)).toBe(false);
		expect(presentKey({ key: 'b', ctrlKey: true }, actions)).toBe(false);
		expect(session.getState().index).toBe(0);
		session.stop();
	});

	it('an open question has first say over stepping: a Next it uses up does not move', () => {
		const { session, actions } = page();
		actions.intercept.mockReturnValue(true);
		expect(presentKey({ key: 'ArrowDown' }, actions)).toBe(true);
		expect(actions.intercept).toHaveBeenCalledWith({ type: 'next' });
		expect(session.getState().index).toBe(0);
		session.stop();
	});
});
