// The key tables the help dialogs show. Apart from keyboard.ts so that pages without a help dialog
// (embeds) do not carry the text.

export const PRESENT_KEY_HELP: [string, string][] = [
	['↓  /  ↑', 'Next / previous step (clickers)'],
	['Shift+Space', 'Previous step'],
	['B  or  .  or  /', 'Black screen on or off'],
	['F', 'Full screen'],
	['S', 'Open the speaker view'],
	['T', 'Next theme (projector, light, dark)'],
	['R', 'Reveal the answer to the question on screen (Next does too)'],
	['Click a part', 'Spotlight it; Esc returns to the whole picture']
];

export const KEY_HELP: [string, string][] = [
	['→  PageDown  Space  N', 'Next step'],
	['←  PageUp  P', 'Previous step'],
	['Home  /  End', 'First / last step'],
	['K', 'Play or pause'],
	['Tab, then arrow keys', 'Move between parts of the diagram'],
	['Enter on a part', 'Open its inspector'],
	['C  /  Shift+C on a part', 'Its connections, one by one; Enter crosses the chosen one'],
	['U  /  D on a part', 'Up to the enclosing group / down into a group'],
	['Esc', 'Close the inspector or this help'],
	['?', 'Show or hide this help']
];
