import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const EXPLORE = '/explore/stacks/overview/';

/**
 * Opens any page of the site with reduced motion (every step settles at once, so tests wait for
 * state, not for animation) and waits until it is interactive.
 */
export async function openReady(page: Page, url: string) {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(url);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

/** The stacks/overview explore page; `reduced = false` keeps the animation. */
export async function openExplore(page: Page, query = '', reduced = true) {
	if (reduced) await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`${EXPLORE}${query}`);
	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

export function stepIndicator(page: Page) {
	return page.getByText(/^Step \d+ of \d+( · branch)?$/);
}

export function messageLog(page: Page) {
	return page.getByRole('log', { name: 'Message log' });
}

export async function expectNoAxeViolations(page: Page) {
	// label-content-name-mismatch (WCAG 2.5.3 Label in Name) is experimental in axe, so off unless named;
	// Lighthouse runs it, and a diagram label split over lines once failed it.
	// (options() replaces what withTags() set, so the tags go in here too.)
	const results = await new AxeBuilder({ page })
		.options({
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
			rules: { 'label-content-name-mismatch': { enabled: true } }
		})
		.analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
	expect(summary).toEqual([]);
}

/**
 * The smallest visible diagram label's on-screen size, as a fraction of the height of `frame` (a CSS
 * selector, e.g. the present stage) or of the window.
 */
export function smallestLabelRatio(page: Page, frame?: string): Promise<number> {
	return page.evaluate((selector) => {
		const height = selector ? document.querySelector(selector)!.getBoundingClientRect().height : innerHeight;
		let label = Infinity;
		for (const t of document.querySelectorAll<SVGTextElement>('svg.diagram .label, svg.diagram .group-label'))
			if (t.closest('[data-part]')?.getAttribute('aria-hidden') !== 'true')
				label = Math.min(label, parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0));
		return label / height;
	}, frame);
}

/** The e2e server's port (playwright.config.ts): E2E_PORT, so two checkouts can run their suites at once. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4318);
export const ORIGIN = `http://localhost:${E2E_PORT}`;
