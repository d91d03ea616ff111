import { expect, test } from '@playwright/test';

// The same site built with BASE_PATH=/courses/wheelhouse, served only under that path.
const BASE = '/courses/wheelhouse';

test('the gallery, a walkthrough and the not-found page work under a sub-path', async ({ page }) => {
	const failed: string[] = [];
	page.on('response', (r) => {
		if (r.status() >= 400 && !r.url().includes('/nowhere')) failed.push(`${r.status()} ${r.url()}`);
	});
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`${BASE}/`);
	await page.getByRole('link', { name: 'Physical machines, VMs and containers', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`${BASE}/explore/stacks/overview/`));
	await expect(page.getByText('Step 1 of 12')).toBeVisible();
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/\?step=2$/);
	await page.goto(`${BASE}/explore/stacks/overview/?step=4`);
	await expect(page.getByText('Step 4 of 12')).toBeVisible();
	const response = await page.goto(`${BASE}/explore/nowhere/at-all/`);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('link', { name: 'stacks/overview' })).toHaveAttribute('href', /courses\/wheelhouse\/explore\/stacks\/overview/);
	expect(failed).toEqual([]);
});

test('a handout and its links work under a sub-path, and the gallery continues from a sub-path', async ({ page }) => {
	const failed: string[] = [];
	page.on('response', (r) => {
		if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
	});
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`${BASE}/explore/stacks/overview/`);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/\?step=2$/);
	await page.getByRole('link', { name: 'Printable handout' }).click();
	await expect(page).toHaveURL(new RegExp(`${BASE}/handout/stacks/overview/$`));
	await expect(page.getByTestId('handout-step').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Present' })).toHaveAttribute('href', `${BASE}/present/stacks/overview/`);
	await page.goto(`${BASE}/`);
	await expect(page.getByRole('link', { name: 'Continue Physical machines, VMs and containers from step 2' })).toHaveAttribute('href', `${BASE}/explore/stacks/overview/?step=2`);
	expect(failed).toEqual([]);
});
