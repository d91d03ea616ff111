import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, ORIGIN } from './helpers';

test('the share dialog builds embed code and a link to this step, and copies them', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/explore/kubernetes/scale/?step=4');
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share or embed' });
	await expect(dialog.getByLabel('Link to this step')).toHaveValue(`${ORIGIN}/explore/kubernetes/scale/?step=4`);
	await dialog.getByLabel('Controls').selectOption('minimal');
	await dialog.getByLabel('Theme').selectOption('projector');
	const code = dialog.getByLabel('Embed code');
	await expect(code).toHaveValue(new RegExp(`<iframe src="${ORIGIN}/embed/kubernetes/scale/\\?step=4&amp;controls=minimal&amp;theme=projector"`));
	await expect(code).toHaveValue(/allowfullscreen/);
	await dialog.getByRole('button', { name: 'Copy embed code' }).click();
	await expect(dialog.getByRole('status')).toHaveText('Embed code copied.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`<iframe src="${ORIGIN}/embed/kubernetes/scale/`);
	await dialog.getByText('Where to paste it in your LMS').click();
	for (const lms of ['Moodle', 'Canvas', 'Blackboard', 'Brightspace']) await expect(dialog).toContainText(lms);
	await expectNoAxeViolations(page);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
});
