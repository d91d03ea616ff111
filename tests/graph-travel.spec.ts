import { expect, test } from '@playwright/test';
import { walkthroughs } from './content';
import { expectNoAxeViolations, openReady } from './helpers';

// Graph travel (issue 19): from a focused part, C walks its connections, Enter crosses the chosen one,
// U goes up to the enclosing group and D down into it; every move is announced in a polite live region.

const said = (page: import('@playwright/test').Page) => page.getByTestId('graph-travel');
const focusedPart = (page: import('@playwright/test').Page) => page.evaluate(() => document.activeElement?.getAttribute('data-part'));

test('C lists kube-apiserver’s connections with count, kind and direction; Enter crosses to the other end', async ({ page }) => {
	await openReady(page, '/explore/kubernetes/create-deployment/?step=1');
	await page.locator('[data-part="kube-apiserver"]').focus();
	await page.keyboard.press('c');
	await expect(said(page)).toHaveText(/^1 of (\d+): .+, (network call|event stream|data path|local call), (outgoing|incoming)\. Enter goes there\.$/);
	const total = Number((await said(page).textContent())!.match(/of (\d+)/)![1]);
	// The API server is the hub: every other control-plane component and each kubelet is one hop away.
	expect(total).toBeGreaterThanOrEqual(6);
	await expect(page.locator('svg.diagram .edge.travelling')).toHaveCount(1);
	await page.keyboard.press('c');
	await expect(said(page)).toHaveText(new RegExp(`^2 of ${total}: `));
	await page.keyboard.press('Shift+C');
	await page.keyboard.press('Shift+C');
	await expect(said(page)).toHaveText(new RegExp(`^${total} of ${total}: `));
	const other = (await said(page).textContent())!.match(/^\d+ of \d+: (.+?), /)![1]!;
	await page.keyboard.press('Enter');
	// Crossing moves focus (no inspector opens) and says where we are.
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.locator(':focus')).toHaveAttribute('aria-label', new RegExp(`^${other.replace(/[()]/g, '\\$&')}`));
	await expect(said(page)).toHaveText(new RegExp(`^${other.replace(/[()]/g, '\\$&')}, \\d+ connections?\\.$`));
	await expect(page.locator('svg.diagram .edge.travelling')).toHaveCount(0);
});

test('U goes up to the enclosing group and D back down into it; Escape lets a chosen connection go', async ({ page }) => {
	await openReady(page, '/explore/kubernetes/create-deployment/?step=1');
	await page.locator('[data-part="kubelet-2"]').focus();
	await page.keyboard.press('u');
	await expect.poll(() => focusedPart(page)).toBe('node-2');
	await expect(said(page)).toHaveText(/^node-2, group of \d+ parts, \d+ connections?\.$/);
	await page.keyboard.press('d');
	await expect.poll(() => focusedPart(page)).not.toBe('node-2');
	await expect(said(page)).toHaveText(/connections?\.$/);
	await page.keyboard.press('c');
	await expect(page.locator('svg.diagram .edge.travelling')).toHaveCount(1);
	await page.keyboard.press('Escape');
	await expect(said(page)).toHaveText('Connection let go.');
	await expect(page.locator('svg.diagram .edge.travelling')).toHaveCount(0);
	// Enter with nothing chosen opens the inspector, as before.
	await page.keyboard.press('Enter');
	await expect(page.getByRole('dialog')).toBeVisible();
});

test('graph travel keys do not step the walkthrough, and the page stays axe-clean while travelling', async ({ page }) => {
	await openReady(page, '/explore/stacks/overview/?step=3');
	await page.locator('[data-part="hypervisor"]').focus();
	await page.keyboard.press('c');
	await page.keyboard.press('u');
	await expect(page.getByText(/^Step 3 of \d+$/)).toBeVisible();
	await expectNoAxeViolations(page);
});

test('Describe gives the step in words: what is shown, what changed, and its messages in order with kinds', async ({ page }) => {
	const w = walkthroughs.find((x) => x.id === 'kubernetes/create-deployment')!;
	const step = w.steps[1]!;
	await openReady(page, `/explore/${w.id}/?step=2`);
	await page.getByRole('button', { name: 'Describe' }).click();
	const dialog = page.getByRole('dialog', { name: `This step in words: ${step.title}` });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('heading', { name: /^Shown: / })).toBeVisible();
	await expect(dialog.getByRole('listitem').filter({ hasText: /^Control plane: .*kube-apiserver/ })).toBeVisible();
	const m = step.messages![0]!;
	await expect(dialog.getByRole('listitem').filter({ hasText: `1. kubectl to kube-apiserver, ${m.kind}: ${m.summary}` })).toBeVisible();
	await expect(dialog.getByRole('heading', { name: 'Changed since the step before' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	// The dialog had the keyboard: Escape did not also step the walkthrough.
	await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
});
