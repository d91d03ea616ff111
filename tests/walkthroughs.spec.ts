import { expect, test } from '@playwright/test';
import { walkthroughs } from '../src/content/registry';
import { mainPath } from '../src/lib/model/graph';
import { expectNoAxeViolations, messageLog, stepIndicator } from './helpers';

// Every built walkthrough, driven as a learner would: keyboard to the end, deep links, axe.
for (const w of walkthroughs) {
	const total = w.steps.length;
	const path = mainPath(w);
	const middle = Math.floor((total - 1) / 2);
	const url = `/explore/${w.id}/`;

	test.describe(w.id, () => {
		test.beforeEach(async ({ page }) => {
			await page.emulateMedia({ reducedMotion: 'reduce' });
		});

		test('steps to the end by keyboard, with every message logged', async ({ page }) => {
			await page.goto(url);
			await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
			for (const index of path.slice(1)) {
				await page.keyboard.press('ArrowRight');
				await expect(stepIndicator(page)).toHaveText(`Step ${index + 1} of ${total}`);
			}
			await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
			const expected = path.reduce((n, i) => n + (w.steps[i]!.messages?.length ?? 0), 0);
			await expect(messageLog(page).getByRole('listitem')).toHaveCount(expected);
		});

		test('a deep link opens the middle step', async ({ page }) => {
			await page.goto(`${url}?step=${middle + 1}`);
			await expect(stepIndicator(page)).toHaveText(`Step ${middle + 1} of ${total}`);
			await expect(page.getByRole('status')).toContainText(w.steps[middle]!.title);
		});

		for (const [name, index] of [['first', 0], ['middle', middle], ['last', total - 1]] as const)
			test(`axe finds nothing at the ${name} step`, async ({ page }) => {
				await page.goto(`${url}?step=${index + 1}`);
				await expect(stepIndicator(page)).toHaveText(`Step ${index + 1} of ${total}`);
				await expectNoAxeViolations(page);
			});
	});
}
