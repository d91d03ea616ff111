import { expect, test } from '@playwright/test';
import { walkthroughs } from './content';
import { mainPath } from '../src/lib/model/graph';
import { expectNoAxeViolations, messageLog, stepIndicator } from './helpers';

// Every built walkthrough, driven as a learner would: keyboard to the end, deep links, axe.
for (const w of walkthroughs) {
	const total = w.steps.length;
	const path = mainPath(w);
	const middle = path[Math.floor((path.length - 1) / 2)]!;
	const url = `/explore/${w.id}/`;
	// The indicator counts the path walked: the main path's steps are "k of <main path length>", and a
	// step only a choice reaches says it is on a branch.
	const indicatorFor = (index: number) =>
		path.includes(index) ? `Step ${path.indexOf(index) + 1} of ${path.length}` : / of \d+ · branch$/;

	test.describe(w.id, () => {
		test.beforeEach(async ({ page }) => {
			await page.emulateMedia({ reducedMotion: 'reduce' });
		});

		test('steps to the end by keyboard, with every message logged', async ({ page }) => {
			await page.goto(url);
			await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
			for (const [k, index] of path.entries()) {
				if (k) await page.keyboard.press('ArrowRight');
				await expect(stepIndicator(page)).toHaveText(`Step ${k + 1} of ${path.length}`);
				await expect(page.getByRole('status')).toContainText(w.steps[index]!.title);
			}
			await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
			const expected = path.reduce((n, i) => n + (w.steps[i]!.messages?.length ?? 0), 0);
			await expect(messageLog(page).getByRole('listitem')).toHaveCount(expected);
		});

		test('a deep link opens the middle step', async ({ page }) => {
			await page.goto(`${url}?step=${middle + 1}`);
			await expect(stepIndicator(page)).toHaveText(indicatorFor(middle));
			await expect(page.getByRole('status')).toContainText(w.steps[middle]!.title);
		});

		for (const [name, index] of [['first', 0], ['middle', middle], ['last', total - 1]] as const)
			test(`axe finds nothing at the ${name} step`, async ({ page }) => {
				await page.goto(`${url}?step=${index + 1}`);
				await expect(stepIndicator(page)).toHaveText(indicatorFor(index));
				await expectNoAxeViolations(page);
			});
	});
}
