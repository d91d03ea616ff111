import { expect, test } from '@playwright/test';
import { walkthroughs } from './content';
import { expectNoAxeViolations, stepIndicator } from './helpers';

test('the gallery lists every walkthrough in DESIGN.md, each a working link', async ({ page }) => {
	await page.goto('/');
	// One card per walkthrough data file (the ids DESIGN.md promises are checked in content.test.ts).
	// …and one for the sandbox, which is not a walkthrough.
	await expect(page.locator('.card:not(.sandbox)')).toHaveCount(walkthroughs.length);
	await expect(page.locator('.card:not(.sandbox) h3 a')).toHaveCount(walkthroughs.length);
	await expect(page.locator('.card.sandbox').getByRole('link', { name: 'Kubernetes sandbox' })).toHaveAttribute('href', /sandbox\/kubernetes\/$/);
	await expect(page.locator('.card.soon a')).toHaveCount(0);
	await page.getByRole('link', { name: 'Physical machines, VMs and containers', exact: true }).click();
	await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
});

test('axe finds nothing on the gallery', async ({ page }) => {
	await page.goto('/');
	await expectNoAxeViolations(page);
});
