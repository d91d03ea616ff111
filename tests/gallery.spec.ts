import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, stepIndicator } from './helpers';

test('the gallery lists every walkthrough; unbuilt ones say so and are not links', async ({ page }) => {
	await page.goto('/');
	const cards = page.locator('.card');
	await expect(cards).toHaveCount(13);
	await expect(page.locator('.card:not(.soon) h3 a')).toHaveCount(await page.locator('.card:not(.soon)').count());
	await expect(page.locator('.card.soon a')).toHaveCount(0);
	await expect(page.locator('.card.soon').first()).toContainText('Coming soon');
	await page.getByRole('link', { name: 'Physical machines, VMs and containers' }).click();
	await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
});

test('axe finds nothing on the gallery', async ({ page }) => {
	await page.goto('/');
	await expectNoAxeViolations(page);
});
