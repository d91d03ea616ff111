// The embed URL's vocabulary, shared by the embed (which reads it) and explore's share dialog (which
// writes it). Part of the public contract in DESIGN.md.

export type ControlsMode = 'full' | 'minimal' | 'none';
export const CONTROLS_MODES: readonly ControlsMode[] = ['full', 'minimal', 'none'];

export function isControlsMode(value: string): value is ControlsMode {
	return (CONTROLS_MODES as readonly string[]).includes(value);
}
