import { expect, test, type Page } from '@playwright/test';
import { walkthroughs } from './content';
import { EXPLORE, expectNoAxeViolations, openExplore, stepIndicator } from './helpers';

// Progress for self-study (ui/progress.ts): explore records where a learner got to, the gallery says it
// in words, Reset forgets it, and explore offers (never forces) a way back.
const overview = walkthroughs.find((w) => w.id === 'stacks/overview')!;
const other = walkthroughs.find((w) => w.id === 'docker/pull-and-run')!;

/** The gallery card of a walkthrough, once the page has read the learner's progress. */
function card(page: Page, title: string) {
	return page.locator('.card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}
async function openGallery(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('progress').first()).toBeVisible();
}
async function stepTo(page: Page, n: number) {
	for (let i = 1; i < n; i++) {
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(stepIndicator(page)).toHaveText(new RegExp(`^Step ${i + 1} of `));
	}
}

test('the gallery shows where a learner stopped, in words, with a link back there', async ({ page }) => {
	await openGallery(page);
	await expect(card(page, overview.title).getByTestId('progress')).toHaveText('Not started');
	await expect(page.getByRole('button', { name: 'Reset progress' })).toBeDisabled();

	await openExplore(page);
	await stepTo(page, 4);
	await openGallery(page);
	const status = card(page, overview.title).getByTestId('progress');
	await expect(status).toHaveText('Step 4 of 12 — Continue');
	await expect(card(page, other.title).getByTestId('progress')).toHaveText('Not started');
	await expectNoAxeViolations(page);

	await status.getByRole('link', { name: `Continue ${overview.title} from step 4` }).click();
	await expect(stepIndicator(page)).toHaveText('Step 4 of 12');
	// The link named the step, so there is nothing to offer.
	await expect(page.getByRole('region', { name: 'Resume' })).toHaveCount(0);
});

test('reaching the end reads as completed, with the checkpoint score when there is one', async ({ page }) => {
	await openExplore(page);
	await page.keyboard.press('End');
	await expect(stepIndicator(page)).toHaveText('Step 12 of 12');
	await openGallery(page);
	await expect(card(page, overview.title).getByTestId('progress')).toHaveText('Completed');

	// Answers come from the checkpoints; seeded here as stored, since this spec does not answer any.
	await page.evaluate(() => {
		const all = JSON.parse(localStorage.getItem('wheelhouse:progress') ?? '{}');
		all['stacks/overview'].answers = { first: true, second: false, third: true };
		localStorage.setItem('wheelhouse:progress', JSON.stringify(all));
	});
	await openGallery(page);
	await expect(card(page, overview.title).getByTestId('progress')).toHaveText('Completed · 2 of 3 checkpoints right');
});

test('Reset progress asks first, then forgets every walkthrough and says so', async ({ page }) => {
	await openExplore(page);
	await stepTo(page, 3);
	await openGallery(page);
	const reset = page.getByRole('button', { name: 'Reset progress' });
	const status = card(page, overview.title).getByTestId('progress');
	await expect(status).toHaveText(/^Step 3 of 12/);

	await reset.click();
	const dialog = page.getByRole('dialog', { name: 'Reset progress?' });
	await expect(dialog).toBeVisible();
	await expectNoAxeViolations(page);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(status).toHaveText(/^Step 3 of 12/);
	await expect(reset).toBeFocused();

	await reset.click();
	await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(/Progress reset/);
	await expect(page.getByRole('status')).toBeFocused();
	await expect(status).toHaveText('Not started');
	await expect(reset).toBeDisabled();
	await openGallery(page);
	await expect(status).toHaveText('Not started');
});

test('explore offers to continue where the learner stopped; it is not forced, and ?step= wins', async ({ page }) => {
	await openExplore(page);
	await stepTo(page, 5);

	await openExplore(page);
	const offer = page.getByRole('region', { name: 'Resume' });
	await expect(offer).toContainText('Continue from step 5?');
	await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
	await expectNoAxeViolations(page);
	await offer.getByRole('button', { name: 'Continue from step 5' }).click();
	await expect(stepIndicator(page)).toHaveText('Step 5 of 12');
	await expect(offer).toHaveCount(0);
	await expect(page).toHaveURL(/\?step=5$/);

	// Declining leaves the learner at step 1 and forgets nothing: the offer comes back next time.
	await openExplore(page);
	await offer.getByRole('button', { name: 'Start from step 1' }).click();
	await expect(offer).toHaveCount(0);
	await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
	await openExplore(page);
	await expect(offer).toContainText('Continue from step 5?');

	// A link that names a step is followed, with no offer.
	await openExplore(page, '?step=2');
	await expect(stepIndicator(page)).toHaveText('Step 2 of 12');
	await expect(offer).toHaveCount(0);
});

test('with storage that throws (a sandboxed iframe) everything works, just without memory', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
	});
	await openExplore(page);
	await stepTo(page, 3);
	await openExplore(page);
	await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
	await expect(page.getByRole('region', { name: 'Resume' })).toHaveCount(0);
	await openGallery(page);
	await expect(card(page, overview.title).getByTestId('progress')).toHaveText('Not started');
	await expect(page.getByRole('button', { name: 'Reset progress' })).toBeDisabled();
	expect(errors).toEqual([]);
});

test('an embed keeps no progress', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(EXPLORE.replace('explore', 'embed'));
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(stepIndicator(page)).toHaveText('Step 2 of 12');
	expect(await page.evaluate(() => localStorage.getItem('wheelhouse:progress'))).toBeNull();
});
