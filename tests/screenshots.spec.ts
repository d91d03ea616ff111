import { test, type Page } from '@playwright/test';

// Not assertions: pictures to look at. Run with `npm run screenshots`; they land in screenshots/.
test.skip(!process.env.SCREENSHOTS, 'screenshots only when asked for');
test.describe.configure({ timeout: 120_000 });

const sizes = [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
];
const themes = ['light', 'dark', 'projector'] as const;
const explore = ['stacks/overview?step=3', 'stacks/overview?step=10', 'docker/pull-and-run?step=9', 'docker/build-and-push?step=5', 'kubernetes/create-deployment?step=8', 'kubernetes/node-failure?step=4', 'microservices/monolith-vs-microservices?step=8'];

const DIR = process.env.SCREENSHOTS_DIR ?? 'screenshots';

async function shoot(page: Page, url: string, file: string) {
	await page.goto(url.replace('?', '/?'));
	if (url !== '/') await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.waitForTimeout(200);
	await page.screenshot({ path: `${DIR}/${file}.png` });
}

// The sandbox just started, and 72 s after node-2 was powered off (a link's run) with its menu and the tables open.
for (const size of [...sizes, { width: 1024, height: 768 }])
	for (const theme of themes)
		test(`sandbox ${size.width} ${theme}`, async ({ page }) => {
			await page.setViewportSize(size);
			await page.addInitScript((t) => localStorage.setItem('wheelhouse:theme', t), theme);
			await page.goto('/sandbox/kubernetes/');
			await page.locator('.sandbox[data-status="ready"]').waitFor();
			await page.waitForTimeout(500);
			await page.screenshot({ path: `${DIR}/sandbox-started-${theme}-${size.width}.png` });
			await page.goto('/sandbox/kubernetes/?seed=class&preset=nginx&t=75000&run=2ww.JM2');
			await page.locator('.sandbox[data-status="ready"]').waitFor();
			await page.locator('[data-part="node-2"]').focus();
			await page.keyboard.press('Enter');
			await page.getByRole('tab', { name: 'Cluster' }).click();
			await page.waitForTimeout(500);
			await page.screenshot({ path: `${DIR}/sandbox-node-off-${theme}-${size.width}.png` });
		});
const slug = (s: string) => s.replace(/[/?=]/g, '-');

for (const size of sizes)
	for (const theme of themes)
		test(`explore ${size.width} ${theme}`, async ({ page }) => {
			await page.emulateMedia({ reducedMotion: 'reduce' });
			await page.setViewportSize(size);
			await page.addInitScript((t) => localStorage.setItem('wheelhouse:theme', t), theme);
			for (const w of explore) await shoot(page, `/explore/${w}`, `explore-${slug(w)}-${theme}-${size.width}`);
			await shoot(page, '/', `gallery-${theme}-${size.width}`);
		});

for (const theme of themes)
	test(`present 1920 ${theme}`, async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.setViewportSize({ width: 1920, height: 1080 });
		await page.addInitScript((t) => localStorage.setItem('wheelhouse:present-theme', t), theme);
		for (const w of ['stacks/overview?step=6', 'kubernetes/expose-service?step=5', 'docker/inspect-containers?step=4']) await shoot(page, `/present/${w}`, `present-${slug(w)}-${theme}`);
	});

for (const size of [{ width: 640, height: 360 }, { width: 1280, height: 720 }])
	test(`embed ${size.width}`, async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.setViewportSize(size);
		for (const w of ['stacks/overview?step=4', 'kubernetes/scale?step=8&theme=dark', 'docker/push-to-acr?step=2&controls=minimal'])
			await shoot(page, `/embed/${w}`, `embed-${slug(w)}-${size.width}`);
	});
