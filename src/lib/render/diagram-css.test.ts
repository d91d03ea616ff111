import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUP_LABEL_SIZE, LABEL_SIZE, TOKEN_LABEL_SIZE } from './metrics';

// Diagram.svelte (and the handout's StillDiagram.svelte) state the label sizes in its stylesheet (a style="" attribute would be blocked by the
// CSP); the layout measures text with the constants in metrics.ts, so the two must agree.
describe.each(['Diagram.svelte', 'StillDiagram.svelte'])("%s's stylesheet", (file) => {
	it('uses the text sizes the layout measured with', () => {
		const css = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
		const size = (name: string) => Number(css.match(new RegExp(`--${name}: (\\d+)px;`))?.[1]);
		expect([size('label-size'), size('group-label-size'), size('token-label-size')]).toEqual([LABEL_SIZE, GROUP_LABEL_SIZE, TOKEN_LABEL_SIZE]);
	});
});
