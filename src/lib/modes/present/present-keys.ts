// The present page's keys (DESIGN.md, "Keys"): stepping goes through the command bus like every other
// input; the rest (blackout, fullscreen, speaker view, theme, help, spotlight) is the page's own.
import { applyCommand, type StepCommand } from '$lib/engine/commands';
import type { Session } from '$lib/engine/session';
import { commandFor, stepCommandOf, type KeyInfo } from '$lib/ui/keyboard';

export interface PresentActions {
	session(): Session | undefined;
	helpOpen(): boolean;
	spotlit(): boolean;
	clearSpotlight(): void;
	toggleHelp(): void;
	toggleBlackout(): void;
	toggleFullscreen(): void;
	openSpeaker(): void;
	nextTheme(): void;
	/** Shows the room the answer to the open checkpoint (R). */
	reveal?(): void;
	/** An open checkpoint has first say over stepping: Next (the clicker's) reveals it. True when used up. */
	intercept?(command: StepCommand): boolean;
}

/** Carries out a key; true when the page used it (the caller then prevents its default). */
export function presentKey(key: KeyInfo, page: PresentActions): boolean {
	if (page.helpOpen() && key.key !== '?') return false;
	const command = commandFor(key, 'present');
	const session = page.session();
	if (!command || !session) return false;
	// Moving on, or playing, leaves a spotlit part for the whole picture.
	if (command !== 'blackout' && command !== 'help' && command !== 'escape' && page.spotlit()) page.clearSpotlight();
	const stepping = stepCommandOf(command);
	if (stepping) {
		if (!page.intercept?.(stepping)) applyCommand(session, stepping);
		return true;
	}
	switch (command) {
		case 'help':
			page.toggleHelp();
			break;
		case 'escape':
			if (page.spotlit()) page.clearSpotlight();
			break;
		case 'blackout':
			page.toggleBlackout();
			break;
		case 'fullscreen':
			page.toggleFullscreen();
			break;
		case 'speaker':
			page.openSpeaker();
			break;
		case 'theme':
			page.nextTheme();
			break;
		case 'reveal':
			page.reveal?.();
			break;
	}
	return true;
}
