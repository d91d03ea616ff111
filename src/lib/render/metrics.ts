// The diagram's type and spacing, in diagram units: one name per number, so the markup, the CSS (through
// the custom properties below) and the code that places badges and token pills agree. Label sizes and the
// proportional-text estimate come from the layout, which sized the boxes with them.
import { CHAR_WIDTH, GROUP_LABEL_BASELINE, GROUP_LABEL_SIZE, GROUP_LABEL_X, LABEL_SIZE, LINE_HEIGHT } from '$lib/layout/sizing';

/** A group's name: inset GROUP_LABEL_X from the group box's left edge, its baseline GROUP_LABEL_BASELINE below its top edge. */
export { CHAR_WIDTH, GROUP_LABEL_BASELINE, GROUP_LABEL_SIZE, GROUP_LABEL_X, LABEL_SIZE, LINE_HEIGHT };

/** From one line of a wrapped part label to the next. */
export const LABEL_LINE = LABEL_SIZE * LINE_HEIGHT;

/** How far a line's ink rises above its baseline, as a fraction of the font size. */
export const TEXT_ASCENT = 11 / 12;

/** Status badges ("Pending"): as tall as 1.5 lines of label text, padded around their text. */
export const BADGE_SIZE = LABEL_SIZE;
export const BADGE_HEIGHT = BADGE_SIZE * 1.5;
export const BADGE_PADDING = 20;

/** A travelling token's label (monospace). */
export const TOKEN_LABEL_SIZE = 20;
/**
 * The monospace font's advance per character, in ems. Exact for the token labels' font (so a pill fits
 * its text without measuring it), where CHAR_WIDTH is only an average for the proportional labels.
 */
export const MONO_ADVANCE = 0.61;

/** Margin around the parts on stage when fitting the viewBox. */
export const STAGE_MARGIN = 14;

