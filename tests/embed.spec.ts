import { expect, test, type Page } from '@playwright/test';
import { E2E_PORT, expectNoAxeViolations, ORIGIN, smallestLabelRatio } from './helpers';

const EMBED = `${ORIGIN}/embed/stacks/overview/`;
const HOST = `http://localhost:${E2E_PORT + 2}/`;

type Received = { origin: string; data: unknown }[];

async function openHost(page: Page, query = '', hostQuery = '') {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`${HOST}?src=${encodeURIComponent(EMBED + query)}${hostQuery}`);
	const frame = page.frameLocator('#frame');
	await expect(frame.getByText(/^Step \d+ of 12$/)).toBeVisible();
	return frame;
}
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received }).received);
const wheelhouse = async (page: Page) =>
	(await received(page)).map((r) => r.data).filter((d): d is { type: string; step: number } => typeof d === 'object' && d !== null && (d as { source?: string }).source === 'wheelhouse');

test('posts ready, step, complete and lti.frameResize to a host on another origin', async ({ page }) => {
	const frame = await openHost(page);
	await expect.poll(async () => (await wheelhouse(page)).map((m) => m.type)).toContain('ready');
	const ready = (await wheelhouse(page)).find((m) => m.type === 'ready');
	expect(ready).toEqual({ source: 'wheelhouse', version: 1, type: 'ready', scene: 'stacks', walkthrough: 'overview', step: 1, total: 12 });
	const resize = (await received(page)).map((r) => r.data).find((d) => typeof d === 'string' && d.includes('lti.frameResize'));
	expect(JSON.parse(resize as string)).toEqual({ subject: 'lti.frameResize', height: 360 });
	expect((await received(page))[0]!.origin).toBe(ORIGIN);

	await frame.getByRole('button', { name: 'Next step' }).click();
	await expect.poll(async () => (await wheelhouse(page)).filter((m) => m.type === 'step').map((m) => m.step)).toEqual([2]);
	await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ target: 'wheelhouse', version: 1, command: 'goto', step: 11 }));
	await expect(frame.getByText('Step 11 of 12')).toBeVisible();
	await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ target: 'wheelhouse', version: 1, command: 'next' }));
	await expect(frame.getByText('Step 12 of 12')).toBeVisible();
	await expect.poll(async () => (await wheelhouse(page)).map((m) => m.type)).toContain('complete');
	await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ target: 'wheelhouse', version: 1, command: 'previous' }));
	await expect(frame.getByText('Step 11 of 12')).toBeVisible();
	await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ target: 'wheelhouse', version: 1, command: 'getState' }));
	await expect.poll(async () => (await wheelhouse(page)).filter((m) => m.type === 'state').map((m) => m.step)).toEqual([11]);
	await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ target: 'wheelhouse', version: 1, command: 'play' }));
	await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
	await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ target: 'wheelhouse', version: 1, command: 'pause' }));
	await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('malformed commands are ignored without an exception', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const frame = await openHost(page, '?step=3');
	// A host speaks after `ready` (the contract): before it, the prerendered "Step 1 of 12" is showing and
	// the embed may not have read ?step yet (seen under load in CI).
	await expect.poll(async () => (await wheelhouse(page)).map((m) => m.type)).toContain('ready');
	await page.evaluate(() => {
		const send = (window as unknown as { send: (m: unknown) => void }).send;
		const huge = 'x'.repeat(5_000_000);
		for (const m of [null, 42, 'next', huge, [1], { target: 'wheelhouse' }, { target: 'wheelhouse', version: 1, command: 'goto', step: 'five' }, { target: 'wheelhouse', version: 1, command: 'goto', step: 9999 }, { target: 'wheelhouse', version: 2, command: 'next' }, { target: 'wheelhouse', version: 1, command: 'eval', step: 1 }, { context: 'h5p', action: 'explode' }, { target: 'wheelhouse', version: 1, command: 'goto', step: -2, extra: huge }])
			send(m);
		// Messages arrive in order: the answer to this one means every bad one before it was handled.
		send({ target: 'wheelhouse', version: 1, command: 'getState' });
	});
	await expect.poll(async () => (await wheelhouse(page)).filter((m) => m.type === 'state').map((m) => m.step)).toEqual([3]);
	await expect(frame.getByText('Step 3 of 12')).toBeVisible();
	expect(errors).toEqual([]);
	// An out-of-range step in an otherwise well-formed command is ignored too.
	await page.evaluate(() => {
		const send = (window as unknown as { send: (m: unknown) => void }).send;
		send({ target: 'wheelhouse', version: 1, command: 'goto', step: 9999 });
		send({ target: 'wheelhouse', version: 1, command: 'getState' });
	});
	await expect.poll(async () => (await wheelhouse(page)).filter((m) => m.type === 'state').map((m) => m.step)).toEqual([3, 3]);
	await expect(frame.getByText('Step 3 of 12')).toBeVisible();
});

test('starts the H5P resizer handshake, so a host whose resizer only answers sizes the frame', async ({ page }) => {
	await openHost(page, '', '&h5p=1');
	const h5p = async () => (await received(page)).map((r) => r.data as { context?: string; action?: string }).filter((d) => d?.context === 'h5p').map((d) => d.action);
	await expect.poll(h5p).toEqual(['hello', 'prepareResize', 'resize']);
	// 640 px wide at 16:9; the host set exactly what the embed asked for.
	await expect.poll(() => page.locator('#frame').getAttribute('height')).toBe('360');
});

test('keyboard works once the frame has focus, and Tab can leave the frame', async ({ page }) => {
	const frame = await openHost(page);
	await frame.getByRole('button', { name: 'Next step' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(frame.getByText('Step 2 of 12')).toBeVisible();
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => document.activeElement?.id === 'after')) break;
	}
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('after');
});

test('bad parameters are ignored with one console warning each, never an error page', async ({ page }) => {
	const warnings: string[] = [];
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${EMBED}?step=abc&controls=lots&theme=neon&autoplay=maybe&speed=99&colour=red`);
	await expect(page.getByText('Step 1 of 12')).toBeVisible();
	await expect.poll(() => warnings.filter((w) => w.startsWith('Wheelhouse:')).length).toBe(6);
	expect(errors).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
});

test('start and end limit the embed to a range of steps', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	// predict=0: step 4 asks a question, and Next there would show its answer first (predict.spec.ts).
	await page.goto(`${EMBED}?start=3&end=5&predict=0`);
	await expect(page.getByText('Step 3 of 12')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Previous step' })).toBeDisabled();
	await page.getByRole('button', { name: 'Next step' }).click();
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByText('Step 5 of 12')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
	await page.keyboard.press('End');
	await expect(page.getByText('Step 5 of 12')).toBeVisible();
});

test('controls=none, minimal and full, and each theme, render and pass axe', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`${EMBED}?controls=none&step=4&predict=0`);
	await expect(page.getByRole('status')).toContainText('A system call inside a VM');
	await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('status')).toContainText('Containers on one host');
	await page.goto(`${EMBED}?controls=minimal`);
	await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /Open in new tab/ })).toHaveAttribute('href', /explore\/stacks\/overview\/\?step=1/);
	for (const theme of ['light', 'dark', 'projector']) {
		await page.goto(`${EMBED}?theme=${theme}&step=6`);
		await expect(page.getByText('Step 6 of 12')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
		await expectNoAxeViolations(page);
	}
});

test('works when storage throws, as in a sandboxed iframe', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
	});
	await page.goto(`${EMBED}?step=2`);
	// A click before hydration would land on the prerendered button and do nothing.
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByText('Step 3 of 12')).toBeVisible();
	expect(errors).toEqual([]);
});

for (const [w, h] of [[480, 270], [640, 360], [1280, 720], [1920, 1080]] as const)
	test(`fits a ${w}×${h} frame without scrollbars`, async ({ page }) => {
		await page.setViewportSize({ width: w, height: h });
		await page.goto(`${EMBED}?step=10`);
		await expect(page.getByText('Step 10 of 12')).toBeVisible();
		const overflow = await page.evaluate(() => ({
			x: document.documentElement.scrollWidth > innerWidth,
			y: document.documentElement.scrollHeight > innerHeight
		}));
		expect(overflow).toEqual({ x: false, y: false });
		await expect(page.getByRole('link', { name: /Open in new tab/ })).toBeVisible();
	});

test('offers fullscreen only when the frame allows it', async ({ page }) => {
	let frame = await openHost(page);
	await expect(frame.getByRole('button', { name: 'Full screen' })).toBeVisible();
	frame = await openHost(page, '', '&fullscreen=0');
	await expect(frame.getByRole('button', { name: 'Full screen' })).toHaveCount(0);
	await expect(frame.getByRole('link', { name: /Open in new tab/ })).toBeVisible();
});

test('loads the engine only when the learner reaches the embed, and the first key still counts', async ({ page }) => {
	const engineLoads: string[] = [];
	page.on('response', async (r) => {
		// A body is gone once its page is navigated away from (the second goto below): not a load to count.
		if (r.url().endsWith('.js') && (await r.text().catch(() => '')).includes('xstate.init')) engineLoads.push(r.url());
	});
	await page.goto(EMBED);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	// Nothing more is on its way: had the page woken its engine, the request would have been made by now.
	await page.waitForLoadState('networkidle');
	expect(engineLoads).toEqual([]);
	// No pointer or focus has reached the page yet: the first key press loads the engine and is obeyed.
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText('Step 2 of 12')).toBeVisible();
	expect(engineLoads).toHaveLength(1);

	// A pointer passing over the embed wakes it before any click.
	engineLoads.length = 0;
	await page.goto(EMBED);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.mouse.move(200, 200);
	await expect.poll(() => engineLoads.length).toBe(1);
	await expect(page.getByText('Step 1 of 12')).toBeVisible();
});

test('a host command sent before the engine has loaded is obeyed, and getState needs no engine', async ({ page }) => {
	await openHost(page);
	await expect.poll(async () => (await wheelhouse(page)).map((m) => m.type)).toContain('ready');
	await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ target: 'wheelhouse', version: 1, command: 'getState' }));
	await expect.poll(async () => (await wheelhouse(page)).filter((m) => m.type === 'state').map((m) => m.step)).toEqual([1]);
	await page.evaluate(() => {
		const send = (window as unknown as { send: (m: unknown) => void }).send;
		send({ target: 'wheelhouse', version: 1, command: 'next' });
		send({ target: 'wheelhouse', version: 1, command: 'next' });
	});
	await expect.poll(async () => (await wheelhouse(page)).filter((m) => m.type === 'step').map((m) => m.step)).toEqual([2, 3]);
});

test('a tall picture (Docker) gets the caption beside it in a frame wide enough, and below it in a narrow one', async ({ page }) => {
	const captionBeside = () =>
		page.evaluate(() => {
			const caption = document.querySelector('.caption')!.getBoundingClientRect();
			const diagram = document.querySelector('.diagram')!.getBoundingClientRect();
			return caption.left >= diagram.right - 1;
		});
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/embed/docker/inspect-containers/?step=4');
	await expect(page.getByText('Step 4 of 9')).toBeVisible();
	expect(await captionBeside()).toBe(true);
	// Beside, the smallest label is 2.7% of the frame's height; with the caption below it was 2.1-2.2%.
	expect(await smallestLabelRatio(page)).toBeGreaterThanOrEqual(0.025);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 480, height: 270 });
	expect(await captionBeside()).toBe(false);
	// Kubernetes is wide: its caption stays below at any size.
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/embed/kubernetes/scale/?step=2');
	await expect(page.getByText('Step 2 of 10')).toBeVisible();
	expect(await captionBeside()).toBe(false);
});

test('if the engine cannot load, the embed says so and tries again on the next press', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	// The engine's script fails to arrive, whenever the page asks for it (Chromium's synthetic hover after
	// a layout change can wake an embed before any key is pressed): recognised by its content, not its name.
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		if ((await response.text()).includes('xstate.init')) return route.abort('internetdisconnected');
		return route.fulfill({ response });
	});
	await page.goto(EMBED);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('alert')).toContainText('The player did not load');
	await expect(page.getByText('Step 1 of 12')).toBeVisible();
	await page.unroute('**/_app/immutable/**/*.js');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText('Step 2 of 12')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const controls of ['none', 'minimal'] as const)
	test(`autoplay with controls=${controls} still offers Pause while it plays (WCAG 2.2.2), and Pause stops it`, async ({ page }) => {
		await page.goto(`${EMBED}?controls=${controls}&autoplay=1`);
		await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
		const pause = page.getByRole('button', { name: 'Pause' });
		await expect(pause).toBeVisible();
		await pause.click();
		// The button is there only while it plays: gone means stopped.
		await expect(pause).toBeHidden();
	});
