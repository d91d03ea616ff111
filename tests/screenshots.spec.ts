import { test } from '@playwright/test';
import { openExplore } from './helpers';

// Not assertions: pictures to look at. Run with SCREENSHOTS=1 (npm run screenshots).
test.skip(!process.env.SCREENSHOTS, 'screenshots only when asked for');

const sizes = [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
];
const themes = ['light', 'dark', 'projector'] as const;
const steps = [1, 3, 5, 8, 9, 10];

for (const size of sizes)
	for (const theme of themes)
		test(`explore ${size.width}x${size.height} ${theme}`, async ({ page }) => {
			await page.setViewportSize(size);
			await page.addInitScript((t) => localStorage.setItem('wheelhouse:theme', t), theme);
			for (const step of steps) {
				await openExplore(page, `?step=${step}`);
				await page.waitForTimeout(150);
				await page.screenshot({ path: `screenshots/explore-${step}-${theme}-${size.width}.png` });
			}
			await page.goto('/');
			await page.screenshot({ path: `screenshots/gallery-${theme}-${size.width}.png` });
		});
