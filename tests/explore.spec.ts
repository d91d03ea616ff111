import { expect, test } from '@playwright/test';
import { walkthroughs } from './content';
import { EXPLORE, expectNoAxeViolations, messageLog, openExplore, stepIndicator } from './helpers';

const narration = (page: import('@playwright/test').Page) => page.getByRole('status');

test.describe('stepping', () => {
	test('buttons move through every step and back', async ({ page }) => {
		await openExplore(page);
		await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
		await expect(page.getByRole('button', { name: 'Previous step' })).toBeDisabled();
		for (let n = 2; n <= 12; n++) {
			await page.getByRole('button', { name: 'Next step' }).click();
			await expect(stepIndicator(page)).toHaveText(`Step ${n} of 12`);
		}
		await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
		await expect(narration(page)).toContainText('Summary');
		await page.getByRole('button', { name: 'Previous step' }).click();
		await expect(stepIndicator(page)).toHaveText('Step 11 of 12');
		await page.getByRole('button', { name: 'Restart' }).click();
		await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
	});

	test('every key in the contract does what it says', async ({ page }) => {
		await openExplore(page);
		const expectStep = (n: number) => expect(stepIndicator(page)).toHaveText(`Step ${n} of 12`);
		await page.locator('body').click({ position: { x: 5, y: 700 } });
		for (const key of ['ArrowRight', 'PageDown', 'Space', 'n']) await page.keyboard.press(key);
		await expectStep(5);
		for (const key of ['ArrowLeft', 'PageUp', 'p']) await page.keyboard.press(key);
		await expectStep(2);
		await page.keyboard.press('End');
		await expectStep(12);
		await expect(page.getByRole('status')).toContainText('Summary');
		await page.keyboard.press('Home');
		await expectStep(1);
		await page.keyboard.press('k');
		await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
		await page.keyboard.press('k');
		await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
		await page.keyboard.press('?');
		await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
	});

	test('the narration is a status region that changes with the step', async ({ page }) => {
		await openExplore(page);
		await expect(narration(page)).toContainText('One server, one operating system');
		await page.keyboard.press('ArrowRight');
		await expect(narration(page)).toContainText('Problems with traditional infrastructure');
		await expect(narration(page)).not.toContainText('One server, one operating system');
	});

	test('a branch offers choices, and Previous returns the way the learner came', async ({ page }) => {
		await openExplore(page, '?step=8');
		await expect(narration(page)).toContainText('Why containers?');
		await page.getByRole('button', { name: 'Skip to containers inside VMs' }).click();
		// The indicator counts the path walked: one step was skipped, so this path is 11 long.
		await expect(stepIndicator(page)).toHaveText('Step 9 of 11');
		await expect(narration(page)).toContainText('Containers inside virtual machines');
		await page.getByRole('button', { name: 'Previous step' }).click();
		await expect(stepIndicator(page)).toHaveText('Step 8 of 12');
		await page.getByRole('button', { name: 'But is a shared kernel safe?' }).click();
		await expect(stepIndicator(page)).toHaveText('Step 9 of 12');
		await page.getByRole('button', { name: 'Next step' }).click();
		await page.getByRole('button', { name: 'Previous step' }).click();
		await expect(stepIndicator(page)).toHaveText('Step 9 of 12');
	});
});

test.describe('URL', () => {
	test('a deep link opens its step, and the URL follows the step', async ({ page }) => {
		await openExplore(page, '?step=5');
		await expect(stepIndicator(page)).toHaveText('Step 5 of 12');
		await expect(narration(page)).toContainText('Containers on one host');
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/\?step=6$/);
	});

	test('browser back and forward move through the steps', async ({ page }) => {
		await openExplore(page);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/\?step=3$/);
		await page.goBack();
		await expect(stepIndicator(page)).toHaveText('Step 2 of 12');
		await page.goBack();
		await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
		await page.goForward();
		await expect(stepIndicator(page)).toHaveText('Step 2 of 12');
	});

	for (const [raw, shown, words] of [
		['abc', 1, 'not a step number'],
		['0', 1, 'steps start at 1'],
		['999', 12, 'has 12 steps']
	] as const) {
		test(`?step=${raw} lands on step ${shown} with a dismissable notice`, async ({ page }) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await openExplore(page, `?step=${raw}`);
			await expect(stepIndicator(page)).toHaveText(`Step ${shown} of 12`);
			const notice = page.getByRole('alert');
			await expect(notice).toContainText(words);
			await expect(page).toHaveURL(new RegExp(`\\?step=${shown}$`));
			await notice.getByRole('button', { name: 'Dismiss' }).click();
			await expect(page.getByRole('alert')).toHaveCount(0);
			expect(errors).toEqual([]);
		});
	}

	test('an unknown walkthrough gets a not-found page listing what exists', async ({ page }) => {
		const response = await page.goto('/explore/kubernetes/teleport/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('That walkthrough does not exist');
		await expect(page.getByRole('link', { name: 'stacks/overview' })).toBeVisible();
		await page.getByRole('link', { name: 'stacks/overview' }).click();
		await expect(stepIndicator(page)).toHaveText('Step 1 of 12');
	});

	test('an unknown scene gets the same helpful page', async ({ page }) => {
		const response = await page.goto('/explore/nope/');
		expect(response?.status()).toBe(404);
		await expect(page.getByTestId('existing-walkthroughs').getByRole('listitem')).toHaveCount(walkthroughs.length);
	});
});

test.describe('message log and motion', () => {
	test('the log shows the step\'s messages in order as FROM → TO: SUMMARY', async ({ page }) => {
		await openExplore(page);
		const items = messageLog(page).getByRole('listitem');
		await expect(items).toHaveCount(6);
		await expect(items).toHaveText([
			/App A → Shared libraries: read\("orders.csv"\)$/,
			/Shared libraries → Host OS kernel: system call read\(\)$/,
			/Host OS kernel → Hardware: disk driver reads blocks$/,
			/Hardware → Host OS kernel: blocks delivered$/,
			/Host OS kernel → Shared libraries: read\(\) returns 4096 bytes$/,
			/Shared libraries → App A: file contents$/
		]);
		await page.keyboard.press('ArrowRight');
		await expect(items).toHaveCount(8);
		await page.keyboard.press('ArrowLeft');
		await expect(items).toHaveCount(6);
	});

	test('a VM system call passes the guest kernel and the hypervisor; a container call does not', async ({ page }) => {
		await openExplore(page, '?step=4');
		const log = messageLog(page);
		await expect(log).toContainText('Guest OS 1 → Hypervisor: virtual disk I/O (trap)');
		await openExplore(page, '?step=6');
		await expect(log).toContainText('Libs A → Host OS kernel: system call read()');
		const texts = await log.getByRole('listitem').allTextContents();
		const containerStep = texts.slice(-6).join('\n');
		expect(containerStep).not.toContain('Hypervisor');
		expect(containerStep).not.toContain('Docker Engine');
	});

	test('with motion, tokens travel and the log grows as each one arrives', async ({ page }) => {
		await openExplore(page, '', false);
		const items = messageLog(page).getByRole('listitem');
		await expect(page.locator('.token')).toHaveCount(1);
		const early = await items.count();
		expect(early).toBeLessThan(6);
		await expect(items).toHaveCount(early + 1, { timeout: 4000 });
		await expect(items).toHaveCount(6, { timeout: 15000 });
		await expect(page.locator('.token')).toHaveCount(0);
	});

	test('with reduced motion, a step is complete at once and nothing travels', async ({ page }) => {
		await openExplore(page, '?step=4');
		await expect(messageLog(page).getByRole('listitem')).toHaveCount(6 + 2 + 8);
		await expect(page.locator('.token')).toHaveCount(0);
	});

	test('changing view moves shared parts instead of cutting', async ({ page }) => {
		await openExplore(page, '?step=2', false);
		const appA = page.locator('[data-part="app-a"]');
		const before = await appA.getAttribute('transform');
		await page.getByRole('button', { name: 'Next step' }).click();
		await page.waitForTimeout(300);
		const during = await appA.getAttribute('transform');
		await page.waitForTimeout(1200);
		const after = await appA.getAttribute('transform');
		expect(during).not.toBe(before);
		expect(during).not.toBe(after);
	});
});

test.describe('diagram parts', () => {
	test('every part is named, focusable by arrow keys, and opens an inspector', async ({ page }) => {
		await openExplore(page, '?step=3');
		const hypervisor = page.getByRole('button', { name: 'Hypervisor', exact: true });
		await hypervisor.click();
		const inspector = page.getByRole('dialog', { name: 'Hypervisor' });
		await expect(inspector).toContainText('divides one physical machine');
		await expect(inspector).toContainText('Gives each VM its share');
		await page.keyboard.press('Escape');
		await expect(inspector).toBeHidden();
		await expect(hypervisor).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('button', { name: 'Hardware', exact: true })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('dialog', { name: 'Hardware' })).toBeVisible();
		await expect(stepIndicator(page)).toHaveText('Step 3 of 12');
	});

	test('groups (VMs, containers) have inspectors too', async ({ page }) => {
		await openExplore(page, '?step=5');
		// The middle of a group is covered by its members; people click its label.
		await page.getByRole('button', { name: 'Container B', exact: true }).click({ position: { x: 30, y: 12 } });
		await expect(page.getByRole('dialog', { name: 'Container B' })).toContainText('sharing the same kernel');
	});

	test('fit resets pan and zoom', async ({ page }) => {
		await openExplore(page);
		const layer = page.locator('svg.diagram > g').first();
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await expect(layer).toHaveAttribute('transform', /scale\(1\.4\)/);
		await page.getByRole('button', { name: 'Fit diagram' }).click();
		await expect(layer).toHaveAttribute('transform', /scale\(1\)/);
	});

	test('tokens travel in the diagram’s coordinates, zoomed or not (their layer sits on top)', async ({ page }) => {
		await openExplore(page);
		// The screen matrix of each layer: equal means a token at a component's centre is drawn over it.
		const matrices = () =>
			page.evaluate(() =>
				['svg.diagram > g', 'svg.diagram-tokens > g'].map((sel) => {
					const m = (document.querySelector(sel) as SVGGElement).getScreenCTM()!;
					return [m.a, m.b, m.c, m.d, m.e, m.f].map((v) => Math.round(v * 100) / 100);
				})
			);
		const [diagram, tokens] = await matrices();
		expect(tokens).toEqual(diagram);
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await expect.poll(async () => (await matrices())[0]![0]).toBeGreaterThan(diagram![0]! * 1.3);
		const [zoomed, zoomedTokens] = await matrices();
		expect(zoomedTokens).toEqual(zoomed);
	});
});

test.describe('accessibility', () => {
	for (const step of [1, 6, 12]) {
		test(`axe finds nothing at step ${step}`, async ({ page }) => {
			await openExplore(page, `?step=${step}`);
			await expectNoAxeViolations(page);
		});
	}
	test('axe finds nothing with the inspector and help open', async ({ page }) => {
		await openExplore(page, '?step=3');
		await page.getByRole('button', { name: 'Hypervisor', exact: true }).click();
		await expectNoAxeViolations(page);
	});
});

test('no request leaves the page', async ({ page }) => {
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith('http://localhost')) outside.push(r.url());
	});
	await openExplore(page, '', false);
	await page.keyboard.press('ArrowRight');
	await page.goto('/');
	expect(outside).toEqual([]);
});

test('direct link without a trailing slash still works', async ({ page }) => {
	await page.goto(EXPLORE.replace(/\/$/, '') + '?step=2');
	await expect(stepIndicator(page)).toHaveText('Step 2 of 12');
});
