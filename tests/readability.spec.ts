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
	// One page load per badged step, and every recorded Kubernetes step has Pod badges.
	test.slow();
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

// Present mode on a projector: 4:3, 16:10 and 16:9 screens, the busiest Kubernetes steps (the widest
// views, the longest narrations) and a Docker walkthrough whose widest view is 1.4:1.
const presentSizes = [
	{ width: 1024, height: 768 },
	{ width: 1280, height: 800 },
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
];
const presented = ['kubernetes/architecture/?step=8', 'kubernetes/scale/?step=7', 'docker/inspect-containers/?step=8'];

for (const size of presentSizes)
	for (const step of presented)
		test(`present ${step} fills the ${size.width}×${size.height} screen with labels and caption at 2% of its height`, async ({ page }) => {
			await page.setViewportSize(size);
			await page.emulateMedia({ reducedMotion: 'reduce' });
			await page.goto(`/present/${step}`);
			await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
			// The caption's place and size settle after the first measure; wait for the picture to stop changing.
			const label = () =>
				page.evaluate(() => {
					let min = Infinity;
					for (const t of document.querySelectorAll<SVGTextElement>('svg.diagram .label, svg.diagram .group-label, svg.diagram .badge text'))
						if (t.closest('[data-part]')?.getAttribute('aria-hidden') !== 'true') min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0));
					return min / innerHeight;
				});
			const wide = size.width / size.height > 1.7;
			await expect.poll(label).toBeGreaterThanOrEqual(wide && step.startsWith('kubernetes') ? 0.022 : 0.02);
			const m = await page.evaluate(() => {
				const stage = document.querySelector('.stage')!.getBoundingClientRect();
				const caption = document.querySelector('section.caption')!;
				let text = Infinity;
				// Every visible piece of text outside the diagram: title, narration, indicator, buttons.
				for (const e of document.querySelectorAll('.stage *')) {
					if (e.closest('svg, .reserve') || !e.checkVisibility({ visibilityProperty: true })) continue;
					if ([...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) text = Math.min(text, parseFloat(getComputedStyle(e).fontSize));
				}
				const words = caption.querySelector('.step-text')!;
				return { stage: [stage.left, stage.top, stage.width, stage.height], text: text / innerHeight, clipped: words.scrollHeight - words.clientHeight };
			});
			// The whole screen, no letterbox bands.
			expect(m.stage).toEqual([0, 0, size.width, size.height]);
			expect(m.text).toBeGreaterThanOrEqual(0.02);
			// The longest narration fits its caption.
			expect(m.clipped).toBeLessThanOrEqual(1);
		});
