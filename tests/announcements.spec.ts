import { expect, test, type Page } from '@playwright/test';
import { mainPath } from '../src/lib/model/graph';
import { messageInWords as phrase } from '../src/lib/model/describe-step';
import { scenes, walkthroughs } from './content';
import { messageLog } from './helpers';

// Issue 19: each message is said once, from → to and what; messages arriving together are summarised;
// a change of step does not make the traffic region repeat the narration or an earlier message.

const w = walkthroughs.find((x) => x.id === 'kubernetes/create-deployment')!;
const scene = scenes.find((s) => s.id === w.scene)!;
const path = mainPath(w);

/** Records every text the announcer's live region is given, in order. */
async function listen(page: Page) {
	await page.evaluate(() => {
		const heard: string[] = [];
		(window as unknown as { heard: string[] }).heard = heard;
		const region = document.querySelector('[data-testid="message-announcer"]')!;
		new MutationObserver(() => {
			const text = region.textContent!.trim();
			if (text) heard.push(text);
		}).observe(region, { childList: true, subtree: true, characterData: true });
	});
}
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard.slice());

/** How many messages an announcement stands for: a summary says its count, else one per sentence said. */
function counted(text: string, phrases: string[]): number {
	const summary = /^(\d+) messages: /.exec(text);
	if (summary) return Number(summary[1]);
	return phrases.filter((p) => text.includes(`${p}.`)).length;
}

async function open(page: Page, reduced: boolean) {
	await page.emulateMedia({ reducedMotion: reduced ? 'reduce' : 'no-preference' });
	await page.goto(`/explore/${w.id}/`);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await listen(page);
}

test('with motion, each message of the first steps is said once as it arrives, in words', async ({ page }) => {
	await open(page, false);
	let logged = (w.steps[path[0]!]!.messages ?? []).length;
	for (const index of path.slice(1, 4)) {
		const messages = w.steps[index]!.messages ?? [];
		const phrases = messages.map((m) => phrase(scene, m));
		const before = (await heard(page)).length;
		await page.getByRole('button', { name: 'Next step' }).click();
		logged += messages.length;
		await expect(messageLog(page).locator('li')).toHaveCount(logged, { timeout: 20_000 });
		// Every message of the step is accounted for once: said alone, or counted in a summary.
		await expect.poll(async () => (await heard(page)).slice(before).reduce((n, t) => n + counted(t, phrases), 0)).toBe(messages.length);
		const said = (await heard(page)).slice(before);
		for (const text of said) {
			expect(text, 'the narration has its own region').not.toContain(w.steps[index]!.narration.slice(0, 40));
			if (!/^\d+ messages: /.test(text)) expect(phrases.some((p) => text.includes(p)), `“${text}” names a message of this step`).toBe(true);
		}
	}
	// A message says who to whom and what kind, not an arrow a speech synthesiser skips.
	const all = await heard(page);
	expect(all.join(' ')).not.toContain('→');
	expect(all.some((t) => / to kube-apiserver, request: /.test(t))).toBe(true);
});

test('under reduced motion a step’s traffic arrives at once and is said as one summary', async ({ page }) => {
	await open(page, true);
	const index = path.find((i) => (w.steps[i]!.messages?.length ?? 0) >= 3 && i > path[0]!)!;
	const messages = w.steps[index]!.messages!;
	await page.goto(`/explore/${w.id}/?step=${path[path.indexOf(index) - 1]! + 1}`);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await listen(page);
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect.poll(() => heard(page)).toHaveLength(1);
	const [summary] = await heard(page);
	expect(summary).toMatch(new RegExp(`^${messages.length} messages: `));
	expect(summary).toContain(`First, ${phrase(scene, messages[0]!)}.`);
	expect(summary).toContain(`Last, ${phrase(scene, messages.at(-1)!)}.`);
	// Going back: what is said (if anything) is the traffic of the step now shown, never again the
	// messages of the step just left.
	const back = w.steps[path[path.indexOf(index) - 1]!]!.messages ?? [];
	await page.getByRole('button', { name: 'Previous step' }).click();
	await expect(page.getByText(/^Step \d+ of \d+/)).toHaveText(new RegExp(`^Step ${path.indexOf(index)} of`));
	await expect(messageLog(page).locator('li[data-n]')).toHaveCount(back.length);
	const later = (await heard(page)).slice(1);
	for (const text of later) expect(text).toContain(phrase(scene, back[0]!));
});

test('the message log is not a live region: the announcer is the one voice of the traffic', async ({ page }) => {
	await open(page, true);
	await expect(messageLog(page)).toHaveAttribute('aria-live', 'off');
	await expect(page.locator('[data-testid="message-announcer"]')).toHaveAttribute('aria-live', 'polite');
});
