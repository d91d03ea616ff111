import { expect, test } from '@playwright/test';

// During a view change the viewBox holds still and a CSS transform does the fitting (see fit.ts);
// these check what a viewer sees: no jump when the morph starts or ends, and a plain picture at rest.
for (const page_ of ['explore', 'embed'] as const)
	test(`${page_}: a view change glides with no jump, and comes to rest untransformed`, async ({ page }) => {
		// predict=0: step 3 asks a question (explore runs with it off, playwright.config.ts), and Next there would show its answer first.
		await page.goto(`/${page_}/kubernetes/scale/?step=3${page_ === 'embed' ? '&predict=0' : ''}`);
		await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
		await page.mouse.move(5, 5);
		await page.waitForTimeout(2500);
		await page.evaluate(() => {
			const w = window as unknown as { track: number[][] };
			w.track = [];
			const box = document.querySelector('[data-part="kube-apiserver"] .box')!;
			const t0 = performance.now();
			const tick = (t: number) => {
				const r = box.getBoundingClientRect();
				w.track.push([r.x, r.y, r.width]);
				if (t - t0 < 1500) requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
		await page.keyboard.press('ArrowRight');
		await expect(page.getByText('Step 4 of 10')).toBeVisible();
		await page.waitForTimeout(1700);
		const track = await page.evaluate(() => (window as unknown as { track: number[][] }).track);
		const moves = track.slice(1).map((r, i) => Math.hypot(r[0]! - track[i]![0]!, r[1]! - track[i]![1]!));
		const first = track[0]!;
		const last = track.at(-1)!;
		// Two to five Pods: the picture refits, so the API server does move, but never by a jump.
		expect(Math.hypot(last[0]! - first[0]!, last[1]! - first[1]!) + Math.abs(last[2]! - first[2]!)).toBeGreaterThan(3);
		expect(Math.max(...moves)).toBeLessThan(12);
		const rest = await page.evaluate(() => {
			const svg = document.querySelector('svg.diagram') as SVGSVGElement;
			return { transform: svg.style.transform, viewBox: svg.getAttribute('viewBox') };
		});
		expect(rest.transform).toBe('');
		expect(rest.viewBox).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
	});

test('a travelling token carries its whole label on its pill', async ({ page }) => {
	await page.goto('/explore/kubernetes/create-deployment/?step=2');
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	const token = page.locator('.token').first();
	await expect(token).toBeAttached({ timeout: 5000 });
	const boxes = await token.evaluate((g) => {
		const pill = (g.querySelector('.token-pill') as SVGGraphicsElement).getBBox();
		const text = (g.querySelector('.token-label') as SVGGraphicsElement).getBBox();
		return { pill: [pill.x, pill.y, pill.x + pill.width, pill.y + pill.height], text: [text.x, text.y, text.x + text.width, text.y + text.height], label: g.textContent };
	});
	expect(boxes.label?.length).toBeGreaterThan(5);
	expect(boxes.text[0]).toBeGreaterThanOrEqual(boxes.pill[0]!);
	expect(boxes.text[1]).toBeGreaterThanOrEqual(boxes.pill[1]! - 1);
	expect(boxes.text[2]).toBeLessThanOrEqual(boxes.pill[2]!);
	expect(boxes.text[3]).toBeLessThanOrEqual(boxes.pill[3]! + 1);
});

test('a step that keeps its view sends its first token after a short beat, not a whole morph', async ({ page }) => {
	await page.goto('/explore/kubernetes/create-deployment/?step=1');
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.waitForTimeout(2500);
	const waited = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const t0 = performance.now();
				new MutationObserver((_, observer) => {
					if (document.querySelector('svg.diagram-tokens .token')) {
						observer.disconnect();
						resolve(performance.now() - t0);
					}
				}).observe(document.querySelector('.fit-frame')!, { childList: true, subtree: true });
				document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
			})
	);
	// Steps 1 and 2 share a view: the token leaves after about 0.25 s (a morph would take 0.9 s).
	expect(waited).toBeLessThan(700);
});
