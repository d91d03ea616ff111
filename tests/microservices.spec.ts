import { expect, test } from '@playwright/test';
import { messageLog, stepIndicator } from './helpers';

test('the log shows the synchronous UI → checkout call and the asynchronous event through the broker', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/explore/microservices/monolith-vs-microservices/');
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	const next = page.getByRole('button', { name: 'Next step' });
	for (let n = 2; n <= 8; n++) {
		await next.click();
		await expect(stepIndicator(page)).toHaveText(`Step ${n} of 13`);
	}
	const log = (await messageLog(page).getByRole('listitem').allTextContents()).map((t) => t.trim()).join('\n');
	const inProcess = log.indexOf('Storefront UI → Checkout: checkout(cart) (in-process call)');
	const sync = log.indexOf('UI service → Checkout service: POST /checkouts');
	const publish = log.indexOf('Checkout service → Message broker: publish OrderPlaced');
	const accepted = log.indexOf('Checkout service → UI service: 202 Accepted');
	const deliver = log.indexOf('Message broker → Order service: deliver OrderPlaced');
	const email = log.indexOf('Message broker → Email service: deliver OrderPlaced');
	expect(inProcess).toBeGreaterThan(-1);
	expect(sync).toBeGreaterThan(inProcess);
	expect(publish).toBeGreaterThan(sync);
	// The UI has its answer before the consumers get the event: that is what asynchronous means here.
	expect(accepted).toBeGreaterThan(publish);
	expect(deliver).toBeGreaterThan(accepted);
	expect(email).toBeGreaterThan(deliver);
});

test('the Flask service shows / and /version', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/explore/microservices/monolith-vs-microservices/?step=12');
	await expect(page.getByLabel('File app.py')).toContainText('@app.route("/version")');
	await expect(messageLog(page)).toContainText('app.py (Flask) → Another service: 200 {"version": "1.0"}');
});
