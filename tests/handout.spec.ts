import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { mainPath, reachableSteps } from '../src/lib/model/graph';
import { displayName } from '../src/lib/model/scene';
import { scenes, walkthroughs } from './content';
import { expectNoAxeViolations, openReady, stepIndicator } from './helpers';

// The printable handout (/handout/<scene>/<walkthrough>/): every step the learner can reach, its picture
// with the traffic numbered as the list under it, the main path first and side branches labelled.

const href = (id: string) => `/handout/${id}/`;

/** The numbers a mark stands for: "3" → [3], "2–4, 7" → [2, 3, 4, 7]. */
function numbersOf(label: string): number[] {
	return label.split(', ').flatMap((part) => {
		const [a, b = a] = part.split('–').map(Number);
		return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
	});
}

async function markNumbers(article: Locator): Promise<number[]> {
	const labels = await article.locator('.still-diagram .mark .number').allTextContents();
	return labels.flatMap(numbersOf).sort((a, b) => a - b);
}

for (const w of walkthroughs) {
	test(`the handout of ${w.id} has every step, its messages numbered as on its picture`, async ({ page }) => {
		const scene = scenes.find((s) => s.id === w.scene)!;
		const main = mainPath(w).map((i) => w.steps[i]!);
		const reachable = reachableSteps(w);
		const sides = w.steps.filter((s) => reachable.has(s.id) && !main.includes(s));
		const expected = [...main, ...sides];

		const response = await page.goto(href(w.id));
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.title);
		const articles = page.getByTestId('handout-step');
		await expect(articles).toHaveCount(expected.length);

		for (const [k, step] of expected.entries()) {
			const article = articles.nth(k);
			await expect(article.getByRole('heading', { level: 2 })).toHaveText(step.title);
			await expect(article.locator('.where')).toHaveText(k < main.length ? `Step ${k + 1} of ${main.length}` : /^Branch from step \d+/);
			const messages = step.messages ?? [];
			const items = article.getByTestId('handout-message');
			await expect(items).toHaveCount(messages.length);
			for (const [i, m] of messages.entries()) {
				await expect(items.nth(i)).toHaveAttribute('value', String(i + 1));
				await expect(items.nth(i)).toHaveText(`${m.kind} ${displayName(scene, m.from)} → ${displayName(scene, m.to)}: ${m.summary}`);
			}
			// Every message has its number on the picture, once; there are no numbers the list lacks.
			expect(await markNumbers(article), `marks of ${step.id}`).toEqual(messages.map((_, i) => i + 1));
		}
		for (const c of w.deckCorrections ?? []) await expect(page.getByRole('region', { name: 'Where the course slides are out of date' })).toContainText(c.text);
	});
}

test('explore and present link to the handout', async ({ page }) => {
	await openReady(page, '/explore/kubernetes/scale/');
	await expect(page.getByRole('link', { name: 'Printable handout' })).toHaveAttribute('href', /\/handout\/kubernetes\/scale\/$/);
	await openReady(page, '/present/kubernetes/scale/');
	await expect(page.getByRole('link', { name: 'Printable handout (opens in a new tab)' })).toHaveAttribute('href', /\/handout\/kubernetes\/scale\/$/);
	await page.goto(href('kubernetes/scale'));
	await page.getByRole('link', { name: 'Explore' }).click();
	await expect(page).toHaveURL(/\/explore\/kubernetes\/scale\/$/);
	await expect(stepIndicator(page)).toHaveText(/^Step 1 of /);
});

test('a branch step is labelled as one, with the choice that leads to it', async ({ page }) => {
	await page.goto(href('kubernetes/create-deployment'));
	const branch = page.getByTestId('handout-step').filter({ has: page.locator('.where', { hasText: /^Branch/ }) });
	await expect(branch).toHaveCount(1);
	await expect(branch.locator('.where')).toHaveText(/^Branch from step \d+ \(“.+”\) · step \d+ of \d+ on that path$/);
});

test('axe finds nothing on a handout, in the light and the dark theme', async ({ page }) => {
	await page.goto(href('docker/pull-and-run'));
	await expectNoAxeViolations(page);
	await page.getByRole('combobox').selectOption('dark');
	await expectNoAxeViolations(page);
});

test('printed, the handout hides its buttons and takes the light palette whatever the screen theme', async ({ page }) => {
	await page.goto(href('kubernetes/node-failure'));
	const print = page.getByRole('button', { name: 'Print or save as PDF' });
	await expect(print).toBeVisible();
	await page.getByRole('combobox').selectOption('dark');
	const text = () => page.evaluate(() => getComputedStyle(document.body).color);
	expect(await text()).toBe('rgb(238, 240, 243)');
	await page.emulateMedia({ media: 'print' });
	await expect(print).toBeHidden();
	await expect(page.getByRole('combobox')).toBeHidden();
	expect(await text()).toBe('rgb(22, 24, 29)');
	// The picture never runs wider than the page.
	const widths = await page.evaluate(() => [...document.querySelectorAll('.still-diagram')].map((s) => s.getBoundingClientRect().right - document.documentElement.clientWidth));
	expect(Math.max(...widths)).toBeLessThanOrEqual(0);
});

test('the Print button opens the print dialog', async ({ page }) => {
	await page.goto(href('stacks/overview'));
	await page.evaluate(() => {
		window.print = () => void (document.documentElement.dataset.printed = 'yes');
	});
	await page.getByRole('button', { name: 'Print or save as PDF' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');
});

/** Debian's poppler-utils; without it the PDF checks are skipped with a line saying so. */
function hasPdftotext(): boolean {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

for (const format of ['A4', 'Letter'] as const) {
	test(`printed to PDF on ${format}: every step title is in it, each step on a page of its own at most`, async ({ page }) => {
		test.skip(!hasPdftotext(), 'pdftotext not found: apt-get install poppler-utils');
		const w = walkthroughs.find((x) => x.id === 'kubernetes/create-deployment')!;
		await page.goto(href(w.id));
		const dir = mkdtempSync(join(tmpdir(), 'handout-'));
		const pdf = join(dir, 'handout.pdf');
		writeFileSync(pdf, await page.pdf({ format }));
		const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
		const titles = w.steps.map((s) => s.title);
		// One page or so per step (an intro, a long step's messages running over), never a crowd.
		expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(titles.length / 2));
		expect(pages.length).toBeLessThanOrEqual(titles.length + 3);
		const whole = pages.join('\n').replace(/\s+/g, ' ');
		for (const t of titles) expect(whole, t).toContain(t.replace(/\s+/g, ' '));
		// A step's picture is never cut: the page with its heading also holds the top of the picture (the
		// "Control plane" group, capitalised only there) and its foot (the Docker Hub box).
		for (const t of titles) {
			const onPage = pages.find((p) => p.replace(/\s+/g, ' ').includes(t));
			expect(onPage, t).toContain('Control plane');
			expect(onPage, t).toContain('Docker Hub');
		}
	});
}
