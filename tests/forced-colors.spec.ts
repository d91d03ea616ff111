import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

// Forced colours (Windows High Contrast): the picture takes the system palette, and what tells parts,
// edges and traffic apart is outline, pattern, dash and shape, never a fill colour of ours.

async function openForced(page: Page, url: string) {
	await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
	await page.goto(url);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

/** The system colours Chromium resolves Canvas, CanvasText and Highlight to, as computed rgb() strings. */
const systemColours = (page: Page) =>
	page.evaluate(() =>
		Object.fromEntries(
			['Canvas', 'CanvasText', 'Highlight', 'GrayText'].map((c) => {
				const probe = document.createElement('span');
				probe.style.color = c;
				document.body.append(probe);
				const value = getComputedStyle(probe).color;
				probe.remove();
				return [c, value];
			})
		)
	);

for (const url of ['/explore/kubernetes/create-deployment/?step=12', '/explore/stacks/overview/?step=4', '/present/kubernetes/scale/?step=4', '/embed/docker/build-and-push/?step=5']) {
	test(`${url}: every part, edge and traffic mark is drawn in system colours, outlined against the canvas; axe finds nothing`, async ({ page }) => {
		await openForced(page, url);
		const system = await systemColours(page);
		const allowed = new Set([...Object.values(system), 'none']);
		const drawn = await page.evaluate(() => {
			const paint = (el: Element) => ({ fill: getComputedStyle(el).fill, stroke: getComputedStyle(el).stroke });
			return {
				boxes: [...document.querySelectorAll('svg.diagram [data-part] > .box')].map(paint),
				edges: [...document.querySelectorAll('svg.diagram .edge')].map(paint),
				marks: [...document.querySelectorAll('svg.diagram .traffic .shape')].map(paint),
				numbers: [...document.querySelectorAll('svg.diagram .traffic .number')].map(paint)
			};
		});
		expect(drawn.boxes.length).toBeGreaterThan(3);
		expect(drawn.edges.length).toBeGreaterThan(0);
		for (const { fill, stroke } of [...drawn.boxes, ...drawn.edges, ...drawn.marks]) {
			expect(allowed, `fill ${fill}`).toContain(fill);
			expect(allowed, `stroke ${stroke}`).toContain(stroke);
			// An outline of another colour than the inside (and than the canvas behind), so the shape shows.
			expect(stroke).not.toBe(system.Canvas);
			expect(stroke).not.toBe(fill);
		}
		for (const { fill } of drawn.numbers) expect(fill).toBe(system.CanvasText);
		await expectNoAxeViolations(page);
	});
}

test('the primary button keeps readable system colours (no backplate hides its text)', async ({ page }) => {
	await openForced(page, '/explore/stacks/overview/');
	const next = page.getByRole('button', { name: 'Next step' });
	const system = await systemColours(page);
	const { color, background } = await next.evaluate((b) => ({ color: getComputedStyle(b).color, background: getComputedStyle(b).backgroundColor }));
	expect(background).toBe(system.Highlight);
	expect(color).not.toBe(background);
});
