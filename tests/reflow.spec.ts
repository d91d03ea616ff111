import { expect, test, type Page } from '@playwright/test';
import { messageLog, openReady, stepIndicator } from './helpers';
import { addTextSpacing, layoutProblems, tabProblems } from './reflow-checks';

// WCAG 1.4.10 Reflow and 1.4.12 Text Spacing (ACCESSIBILITY.md). 320 CSS px wide is a 1280-wide window
// at 400% zoom; 256 tall is a 1024-tall one. The diagram may scale and pan inside its frame; everything
// else (header, controls, narration, message log, dialogs) reflows into the width.

const NARROW = { width: 320, height: 256 };
const NARROW_TALL = { width: 320, height: 640 };
/** 1280×720 at 200% zoom (WCAG 1.4.4 Resize Text). */
const DOUBLE = { width: 640, height: 360 };
const LAPTOP = { width: 1280, height: 720 };

const WALKTHROUGHS = { kubernetes: 'kubernetes/create-deployment', docker: 'docker/build-and-push' };

/** An explore page a few steps in, so the message log has lines to wrap. */
async function openStepped(page: Page, id: string) {
	await openReady(page, `/explore/${id}/`);
	for (const n of [2, 3, 4]) {
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(stepIndicator(page)).toHaveText(new RegExp(`^Step ${n} of`));
	}
	await expect(messageLog(page).locator('li').first()).toBeAttached();
}

async function expectReflows(page: Page, scope?: string) {
	expect(await layoutProblems(page, scope), 'layout problems').toEqual([]);
	expect(await tabProblems(page, scope), 'keyboard problems').toEqual([]);
}

for (const spacing of [false, true]) {
	const how = spacing ? ' with text spacing' : '';
	const sizes = spacing ? [NARROW_TALL, LAPTOP] : [NARROW, NARROW_TALL, DOUBLE];
	for (const size of sizes) {
		const at = `at ${size.width}×${size.height}${how}`;
		test(`the gallery reflows ${at}`, async ({ page }) => {
			await page.setViewportSize(size);
			// With progress to show: a card's "Step 7 of 15 — Continue" and the Reset control.
			await page.addInitScript(() =>
				localStorage.setItem('wheelhouse:progress', JSON.stringify({ 'kubernetes/create-deployment': { at: { step: 7, number: 7, total: 15, branch: false }, completed: false, answers: {} } }))
			);
			await page.goto('/');
			await expect(page.getByRole('link', { name: /^Continue .* from step 7$/ })).toBeVisible();
			if (spacing) await addTextSpacing(page);
			await expectReflows(page);
		});
		test(`a handout reflows ${at}`, async ({ page }) => {
			await page.setViewportSize(size);
			await page.goto('/handout/docker/build-and-push/');
			if (spacing) await addTextSpacing(page);
			await expectReflows(page);
		});
		for (const [scene, id] of Object.entries(WALKTHROUGHS))
			test(`explore ${scene} reflows a few steps in ${at}`, async ({ page }) => {
				await page.setViewportSize(size);
				await openStepped(page, id);
				if (spacing) await addTextSpacing(page);
				await expectReflows(page);
			});
	}
}

test.describe('at 320 wide with text spacing, open panels and dialogs reflow too', () => {
	test.beforeEach(async ({ page }) => {
		await page.setViewportSize(NARROW);
		await openStepped(page, WALKTHROUGHS.kubernetes);
		await addTextSpacing(page);
	});

	test('the inspector', async ({ page }) => {
		await page.locator('svg.diagram [data-part][tabindex="0"]').focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.inspector[role="dialog"]')).toBeVisible();
		await expectReflows(page);
	});

	// Its tables may scroll sideways inside their own focusable box (1.4.10's exception for data tables).
	test('the state tables', async ({ page }) => {
		await page.getByRole('tab', { name: /^Cluster/ }).click();
		await expect(page.getByRole('tabpanel').locator('table').first()).toBeVisible();
		await expectReflows(page);
	});

	for (const [button, dialog] of [
		['Keys (?)', 'Keyboard shortcuts'],
		['Describe', /^This step in words/],
		['Share', 'Share or embed']
	] as const)
		test(`the ${button} dialog`, async ({ page }) => {
			await page.getByRole('button', { name: button, exact: true }).click();
			await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
			await expectReflows(page, 'dialog[open]');
		});
});
