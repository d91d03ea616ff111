import { expect, test, type Page } from '@playwright/test';
import { watchCsp } from './csp-walk';
import { ORIGIN, expectNoAxeViolations, messageLog } from './helpers';

const SANDBOX = '/sandbox/kubernetes/';

/** Opens the sandbox (reduced motion unless `moving`) and waits until the cluster has started. */
async function openSandbox(page: Page, query = '', moving = false) {
	if (!moving) await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`${SANDBOX}${query}`);
	await expect(page.locator('.sandbox[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

const clock = (page: Page) => page.getByTestId('sim-clock');
const prompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl command' });
const settled = (page: Page) => expect(page.getByRole('button', { name: 'Skip until settled' })).toBeEnabled({ timeout: 20_000 });

/** The Pods table's rows as text (the Cluster tab). */
async function podRows(page: Page): Promise<string[]> {
	await page.getByRole('tab', { name: 'Cluster' }).click();
	const table = page.locator('.state table').filter({ has: page.locator('caption', { hasText: /^Pods$/ }) });
	// Without the "● changed:" mark of rows that changed at the last refresh.
	return (await table.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/^●\s*changed:\s*/, ''));
}

async function run(page: Page, line: string) {
	await prompt(page).fill(line);
	await prompt(page).press('Enter');
}

test('the sandbox starts a three-node cluster with nginx ×3 Running, and the clock shows simulated time', async ({ page }) => {
	await openSandbox(page);
	await expect(clock(page)).toHaveText(/^Simulated time: t = \d+\.\d s$/);
	await expect(page.getByTestId('sandbox-announcer')).toContainText(/Cluster started at t = .*: 3 Pods\./);
	await expect(messageLog(page).locator('li').first()).toHaveText(/^\s*(request|response|event|data): \S.* → \S.*: .+/);
	for (const n of [1, 2, 3]) await expect(page.locator(`[data-part="node-${n}"]`)).toHaveAttribute('aria-label', `node-${n}`);
	await expect(page.locator('[data-part^="pod-"][role="button"]')).toHaveCount(3);
	const rows = await podRows(page);
	expect(rows).toHaveLength(3);
	for (const r of rows) expect(r).toMatch(/^nginx-\w+-\w+\s+Running\s+node-\d/);
});

test('kubectl scale to 5, then Skip until settled: five Pods Running, and the link made reproduces the table', async ({ page }) => {
	await openSandbox(page);
	await run(page, 'kubectl scale deployment nginx --replicas=5');
	await expect(page.getByRole('log', { name: 'Command output' })).toContainText('deployment.apps/nginx scaled');
	await page.getByRole('button', { name: 'Skip until settled' }).click();
	await settled(page);
	await expect(page.getByTestId('sandbox-announcer')).toContainText(/Settled at t = /);
	const rows = await podRows(page);
	expect(rows).toHaveLength(5);
	for (const r of rows) expect(r).toMatch(/\sRunning\s/);
	await expect(page.locator('[data-part^="pod-"][role="button"]')).toHaveCount(5);
	const time = await clock(page).textContent();

	// The URL now holds the run: a fresh page from it shows the same cluster at the same time.
	await expect(page).toHaveURL(/run=/);
	const link = page.url();
	await page.goto('about:blank');
	await page.goto(link);
	await expect(page.locator('.sandbox[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
	await expect(clock(page)).toHaveText(time!);
	expect(await podRows(page)).toEqual(rows);
	await expect(page.getByRole('log', { name: 'Command output' })).toContainText('$ kubectl scale deployment nginx --replicas=5(from the link)');
});

test('power off a node from its menu by keyboard: NotReady about a simulated minute later', async ({ page }) => {
	await openSandbox(page);
	await page.locator('[data-part="node-2"]').focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'node-2' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Power off' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('log', { name: 'Command output' })).toContainText('node-2 powered off');
	// Focus goes back to the node; the action is on the record with its time.
	await expect(page.locator('[data-part="node-2"]')).toBeFocused();
	await expect(page).toHaveURL(/run=\w+\.JM2/);
	const start = await page.evaluate(() => document.querySelector('[data-testid="sim-clock"]')!.textContent);
	await page.getByRole('radio', { name: '10×' }).check({ force: true });
	await page.keyboard.press('k');
	await expect(page.locator('[data-part="node-2"]')).toHaveAttribute('aria-label', 'node-2 (NotReady)', { timeout: 15_000 });
	await page.keyboard.press('k');
	const at = (text: string | null) => {
		const m = /t = (?:(\d+) min )?(\d+(?:\.\d)?) s/.exec(text ?? '')!;
		return Number(m[1] ?? 0) * 60 + Number(m[2]);
	};
	const after = at(await clock(page).textContent()) - at(start);
	expect(after).toBeGreaterThan(35);
	expect(after).toBeLessThan(100);
});

test('Next message runs to the next message and says it; play and pause move the clock', async ({ page }) => {
	await openSandbox(page);
	const before = await messageLog(page).locator('li').count();
	const t0 = await clock(page).textContent();
	await page.getByRole('button', { name: 'Next message' }).click();
	await expect(page.getByTestId('sandbox-announcer')).toContainText(/^t = .*: .+ to .+/);
	await expect(clock(page)).not.toHaveText(t0!);
	expect(await messageLog(page).locator('li').count()).toBeGreaterThanOrEqual(Math.min(before + 1, 300));
	await page.getByRole('button', { name: 'Play' }).click();
	const t1 = await clock(page).textContent();
	await expect(clock(page)).not.toHaveText(t1!);
	await page.getByRole('button', { name: 'Pause' }).click();
	const t2 = await clock(page).textContent();
	// Stillness has no event to await: let the page draw 30 frames (its clock advances once a frame) and look again.
	await page.evaluate(() => new Promise<void>((done) => { let n = 0; const tick = () => (++n >= 30 ? done() : requestAnimationFrame(tick)); requestAnimationFrame(tick); }));
	await expect(clock(page)).toHaveText(t2!);
});

test('the prompt: history with ↑, completion with Tab, a clear error for what it does not know', async ({ page }) => {
	await openSandbox(page);
	await run(page, 'kubectl get pods');
	await expect(page.getByRole('log', { name: 'Command output' })).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
	await run(page, 'kubectl port-forward svc/nginx 8080:80');
	await expect(page.getByRole('log', { name: 'Command output' })).toContainText('error: kubectl port-forward is not supported here.');
	await prompt(page).press('ArrowUp');
	await expect(prompt(page)).toHaveValue('kubectl port-forward svc/nginx 8080:80');
	await prompt(page).press('ArrowUp');
	await expect(prompt(page)).toHaveValue('kubectl get pods');
	await prompt(page).fill('kubectl cord');
	await prompt(page).press('Tab');
	await expect(prompt(page)).toHaveValue('kubectl cordon ');
	await expect(prompt(page)).toBeFocused();
});

test('a malformed link gets a notice and the preset, not a broken page', async ({ page }) => {
	await openSandbox(page, '?seed=ok&preset=nginx&run=zz.%E2%9C%93&t=x');
	await expect(page.getByRole('alert')).toContainText('This link could not be read in full');
	expect(await podRows(page)).toHaveLength(3);
});

test('axe finds nothing on the sandbox, with a Pod menu open; no request leaves the page; no CSP violation', async ({ page }) => {
	const violations = await watchCsp(page);
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(ORIGIN) && !r.url().startsWith('data:')) outside.push(r.url());
	});
	await openSandbox(page, '', true);
	await page.locator('[data-part="pod-1a"]').click();
	await expect(page.getByRole('button', { name: 'Delete Pod' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Delete Pod' }).click();
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(messageLog(page)).toContainText('DELETE');
	await expectNoAxeViolations(page);
	expect(outside).toEqual([]);
	expect(await violations()).toEqual([]);
});

test('tokens travel on the diagram, at most a few at once; with reduced motion none do', async ({ page }) => {
	await openSandbox(page, '', true);
	await page.getByRole('radio', { name: '60×' }).check({ force: true });
	await page.getByRole('button', { name: 'Play' }).click();
	const tokens = page.locator('g.tokens g.token');
	await expect(tokens.first()).toBeAttached();
	const most = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let max = 0;
				const started = performance.now();
				requestAnimationFrame(function look() {
					max = Math.max(max, document.querySelectorAll('g.tokens g.token').length);
					if (performance.now() - started < 1500) requestAnimationFrame(look);
					else resolve(max);
				});
			})
	);
	expect(most).toBeGreaterThan(0);
	expect(most).toBeLessThanOrEqual(6);
	await page.getByRole('button', { name: 'Pause' }).click();

	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.getByRole('button', { name: 'Play' }).click();
	const before = await messageLog(page).locator('li').last().textContent();
	await expect(messageLog(page).locator('li').last()).not.toHaveText(before!);
	await expect(tokens).toHaveCount(0);
	const seen = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let max = 0;
				const started = performance.now();
				requestAnimationFrame(function look() {
					max = Math.max(max, document.querySelectorAll('g.tokens g.token').length);
					if (performance.now() - started < 1000) requestAnimationFrame(look);
					else resolve(max);
				});
			})
	);
	expect(seen).toBe(0);
});
