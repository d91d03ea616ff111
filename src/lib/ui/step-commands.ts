// The commands that move through a whole walkthrough, the same on the explore and present pages (an
// embed limits them to its range and has its own). One place for "End means the end of the story".
import type { Session } from '$lib/engine/session';
import { mainPath } from '$lib/model/graph';
import type { Command } from './keyboard';

/** Carries out a stepping command; false for any other command, which the page handles itself. */
export function runStepCommand(session: Session, command: Command): boolean {
	switch (command) {
		case 'next':
			session.next();
			return true;
		case 'previous':
			session.previous();
			return true;
		case 'first':
			session.goto(0);
			return true;
		// The end of the story, not a side branch that happens to be listed last.
		case 'last':
			session.goto(mainPath(session.walkthrough).at(-1) ?? 0);
			return true;
		case 'togglePlay':
			session.togglePlay();
			return true;
		default:
			return false;
	}
}
