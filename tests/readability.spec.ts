import { expect, test } from '@playwright/test';
import { openExplore } from './helpers';

// From the back of a classroom: every label in the diagram at least 2.2% of the viewport height.
const steps = { physical: 1, vms: 3, containers: 5, 'vm-containers': 10 };

for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }])
	for (const [view, step] of Object.entries(steps))
		test(`labels are readable in view ${view} at ${size.width}×${size.height}`, async ({ page }) => {
			await page.setViewportSize(size);
			await openExplore(page, `?step=${step}`);
			const smallest = await page.evaluate(() => {
				let min = Infinity;
				for (const t of document.querySelectorAll<SVGTextElement>('svg.diagram .label, svg.diagram .group-label')) {
					const part = t.closest('[data-part]');
					if (part?.getAttribute('aria-hidden') === 'true') continue;
					const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0);
					min = Math.min(min, px);
				}
				return min;
			});
			expect(smallest).toBeGreaterThanOrEqual(0.022 * size.height);
		});
