import { expect, test, type Page } from '@playwright/test';
import { mainPath } from '../src/lib/model/graph';
import { walkthroughs } from './content';
import { messageLog, openReady } from './helpers';

// Reduced motion replaces the motion rather than removing it (issue 19): nothing travels, and the
// step's traffic stands on the diagram as numbered marks (1, 2, 3 … as the log numbers them).

const byId = (id: string) => walkthroughs.find((w) => w.id === id)!;
/** The main path's step with the most messages. */
function busiest(id: string) {
	const w = byId(id);
	const path = mainPath(w);
	const index = path.reduce((best, i) => ((w.steps[i]!.messages?.length ?? 0) > (w.steps[best]!.messages?.length ?? 0) ? i : best), path[0]!);
	return { w, index, path, messages: w.steps[index]!.messages ?? [] };
}

test('under reduced motion a step’s traffic is drawn still and numbered like the log, with no token travelling', async ({ page }) => {
	const { w, index, path, messages } = busiest('kubernetes/create-deployment');
	await openReady(page, `/explore/${w.id}/?step=${path[path.indexOf(index) - 1]! + 1}`);
	let tokens = 0;
	await page.exposeFunction('sawToken', () => tokens++);
	await page.evaluate(() =>
		new MutationObserver(() => document.querySelector('.token') && (window as unknown as { sawToken: () => void }).sawToken()).observe(document.body, { childList: true, subtree: true })
	);
	await page.getByRole('button', { name: 'Next step' }).click();
	const marks = page.locator('svg.diagram .traffic .mark');
	// Every message has a number on the diagram; a connection too short for its messages carries one
	// mark for several ("2–11").
	const expand = (label: string) =>
		label.split(', ').flatMap((run) => {
			const [a, b = a] = run.split('–').map(Number);
			return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
		});
	await expect.poll(async () => (await marks.allTextContents()).flatMap(expand)).toEqual(messages.map((_, i) => i + 1));
	// A mark for one message is shaped by its kind, so colour is not the only cue.
	const single = await marks.evaluateAll((gs) => gs.filter((g) => /^\d+$/.test(g.textContent!)).map((g) => [Number(g.textContent), g.getAttribute('class')!.match(/mark-(\w+)/)![1]]));
	expect(single.length).toBeGreaterThan(0);
	for (const [n, kind] of single) expect(kind).toBe(messages[(n as number) - 1]!.kind);
	const numbered = messageLog(page).locator('li[data-n]');
	await expect(numbered).toHaveCount(messages.length);
	expect(await numbered.evaluateAll((lis) => lis.map((li) => getComputedStyle(li, '::before').content))).toEqual(messages.map((_, i) => `"${i + 1}"`));
	expect(tokens).toBe(0);
	// Going on clears the marks of the step behind: only the new step's traffic stands.
	await page.getByRole('button', { name: 'Next step' }).click();
	const nextCount = w.steps[index + 1]?.messages?.length ?? 0;
	await expect.poll(async () => (await marks.allTextContents()).flatMap(expand).length).toBe(nextCount);
});

test('with motion, tokens travel and no still marks are drawn', async ({ page }) => {
	const { w, index } = busiest('kubernetes/scale');
	await page.emulateMedia({ reducedMotion: 'no-preference' });
	await page.goto(`/explore/${w.id}/?step=${index}`);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.locator('svg.diagram-tokens .token').first()).toBeAttached();
	await expect(page.locator('svg.diagram .traffic .mark')).toHaveCount(0);
});

// A connection that runs along the edge of the stage (expose-service's load balancer in present mode)
// once put its mark half outside the picture.
for (const [mode, id, step] of [['present', 'kubernetes/expose-service', 4], ['explore', 'kubernetes/expose-service', 4], ['present', 'kubernetes/node-failure', 3]] as const) {
	test(`${mode} ${id} step ${step}: every still mark is whole inside the picture`, async ({ page }) => {
		await openReady(page, `/${mode}/${id}/?step=${step}`);
		const marks = page.locator('svg.diagram .traffic .mark');
		await expect(marks.first()).toBeAttached();
		const outside = await page.evaluate(() => {
			const svg = document.querySelector('svg.diagram')!.getBoundingClientRect();
			return [...document.querySelectorAll('svg.diagram .traffic .mark .shape')].flatMap((shape) => {
				const r = shape.getBoundingClientRect();
				const whole = r.left >= svg.left - 0.5 && r.right <= svg.right + 0.5 && r.top >= svg.top - 0.5 && r.bottom <= svg.bottom + 0.5;
				return whole ? [] : [`mark ${shape.closest('.mark')!.getAttribute('data-n')} at ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)} (picture ${Math.round(svg.left)}–${Math.round(svg.right)} × ${Math.round(svg.top)}–${Math.round(svg.bottom)})`];
			});
		});
		expect(outside).toEqual([]);
	});
}

/** What a learner takes away from a step once it has played: narration, log, tables, badges. */
async function settledState(page: Page, count: number) {
	await expect(messageLog(page).getByRole('listitem')).toHaveCount(count, { timeout: 20_000 });
	return {
		narration: await page.locator('.narration').innerText(),
		log: await messageLog(page).getByRole('listitem').allInnerTexts(),
		tables: await page.locator('table').allInnerTexts(),
		badges: await page.locator('svg.diagram .badge').allInnerTexts()
	};
}

for (const id of ['kubernetes/scale', 'stacks/overview']) {
	test(`${id}: narration, log, tables and badges are the same with and without reduced motion`, async ({ browser }) => {
		test.setTimeout(60_000);
		const { w, index, path } = busiest(id);
		// Every message of the path up to and including the busiest step.
		const count = path.slice(0, path.indexOf(index) + 1).reduce((n, i) => n + (w.steps[i]!.messages?.length ?? 0), 0);
		const states = [];
		for (const reducedMotion of ['reduce', 'no-preference'] as const) {
			const context = await browser.newContext({ reducedMotion });
			const page = await context.newPage();
			await page.goto(`/explore/${w.id}/?step=${index}`);
			await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
			await page.getByRole('button', { name: 'Next step' }).click();
			states.push(await settledState(page, count));
			await context.close();
		}
		expect(states[1]).toEqual(states[0]);
	});
}
