import { expect, test } from '@playwright/test';

// From the back of a classroom: every label in the diagram at least 2.2% of the viewport height.
const steps = {
	physical: 'stacks/overview/?step=1',
	vms: 'stacks/overview/?step=3',
	containers: 'stacks/overview/?step=5',
	'vm-containers': 'stacks/overview/?step=10',
	'kubernetes full': 'kubernetes/architecture/?step=1',
	'kubernetes five Pods': 'kubernetes/scale/?step=5',
	'kubernetes service': 'kubernetes/expose-service/?step=5',
	'kubernetes AKS': 'kubernetes/managed-aks/?step=1'
};

for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }])
	for (const [view, step] of Object.entries(steps))
		test(`labels are readable in view ${view} at ${size.width}×${size.height}`, async ({ page }) => {
			await page.setViewportSize(size);
			await page.emulateMedia({ reducedMotion: 'reduce' });
			await page.goto(`/explore/${step}`);
			await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
			const smallest = await page.evaluate(() => {
				let min = Infinity;
				for (const t of document.querySelectorAll<SVGTextElement>('svg.diagram .label, svg.diagram .group-label, svg.diagram .badge text')) {
					const part = t.closest('[data-part]');
					if (part?.getAttribute('aria-hidden') === 'true') continue;
					const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0);
					min = Math.min(min, px);
				}
				return min;
			});
			expect(smallest).toBeGreaterThanOrEqual(0.022 * size.height);
		});

// A status badge ("Pending", "Exited (0)") must never hide the name of the group around its part.
test('no badge covers a group name, at any step that shows badges', async ({ page }) => {
	const { walkthroughs } = await import('./content');
	await page.emulateMedia({ reducedMotion: 'reduce' });
	const overlaps: string[] = [];
	let checked = 0;
	for (const w of walkthroughs)
		for (const [i, step] of w.steps.entries()) {
			if (!step.badges || !Object.keys(step.badges).length) continue;
			await page.goto(`/explore/${w.id}/?step=${i + 1}`);
			await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
			const hits = await page.evaluate(() => {
				const rect = (e: Element) => e.getBoundingClientRect();
				const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
				const labels = [...document.querySelectorAll('svg.diagram .group-label')].filter((t) => t.closest('[data-part]')?.getAttribute('aria-hidden') !== 'true');
				const out: string[] = [];
				for (const badge of document.querySelectorAll('svg.diagram .badge rect'))
					for (const label of labels) if (hit(rect(badge), rect(label))) out.push(`${badge.parentElement?.textContent} over ${label.textContent}`);
				return { out, badges: document.querySelectorAll('svg.diagram .badge').length };
			});
			checked += hits.badges;
			overlaps.push(...hits.out.map((h) => `${w.id} step ${i + 1}: ${h}`));
		}
	expect(checked).toBeGreaterThan(10);
	expect(overlaps).toEqual([]);
});
