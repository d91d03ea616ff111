import { expect, test, type Page } from '@playwright/test';
import { E2E_PORT, expectNoAxeViolations, messageLog, ORIGIN, openReady, stepIndicator } from './helpers';

// Predict, then see (issue 17). The other specs run with "Ask me first" off (playwright.config.ts);
// these start from empty storage, as a first visit does: questions on.
test.use({ storageState: { cookies: [], origins: [] } });

const explore = (page: Page, walkthrough: string, step: number) => openReady(page, `/explore/${walkthrough}/?step=${step}`);
const question = (page: Page) => page.getByRole('region', { name: 'Predict', exact: true });
const verdict = (page: Page) => page.getByRole('region', { name: 'Your prediction' });

/** Collects what explore's onAnswer reports (the `wheelhouse:answer` event). */
async function recordAnswers(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { answers: unknown[] };
		w.answers = [];
		addEventListener('wheelhouse:answer', (e) => w.answers.push((e as CustomEvent).detail));
	});
	return () => page.evaluate(() => (window as unknown as { answers: unknown[] }).answers);
}

test.describe('explore', () => {
	test('a component question holds the traffic; clicking the right part on the diagram answers it', async ({ page }) => {
		// Step 6 of create-deployment has no question; Next leads to "the scheduler binds each Pod".
		await explore(page, 'kubernetes/create-deployment', 6);
		const answers = await recordAnswers(page);
		const before = await messageLog(page).getByRole('listitem').count();
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(question(page)).toContainText('Which component decides where each runs?');
		await expect(question(page)).toContainText('Click it on the diagram');
		// The narration would give the answer away: it waits for the prediction.
		await expect(page.getByRole('status')).toContainText('Predict first: the explanation follows your answer.');
		await expect(page.getByRole('status')).not.toContainText('The scheduler sees three Pods');
		// Held: nothing of this step has travelled.
		await expect(messageLog(page).getByRole('listitem')).toHaveCount(before);
		await expectNoAxeViolations(page);
		await page.locator('svg.diagram').getByRole('button', { name: 'kube-scheduler', exact: true }).click();
		await expect(verdict(page)).toContainText('Right: kube-scheduler.');
		await expect(verdict(page)).toContainText('POSTs a binding');
		await expect(messageLog(page)).toContainText('bind Pod nginx-799cfcc968-5bfnw to node-1');
		await expect(page.getByRole('status')).toContainText('The scheduler sees three Pods');
		// The click answered; it did not also open the inspector.
		await expect(page.getByRole('dialog', { name: 'kube-scheduler' })).toHaveCount(0);
		expect(await answers()).toEqual([{ walkthrough: 'kubernetes/create-deployment', checkpoint: 'schedule', correct: true }]);
		await expectNoAxeViolations(page);
	});

	test('a wrong answer from the list, by keyboard, says what the learner may have thought, and the story goes on', async ({ page }) => {
		await explore(page, 'kubernetes/node-failure', 4);
		const answers = await recordAnswers(page);
		await expect(question(page)).toContainText("How long after node-2's last heartbeat");
		const wrong = question(page).getByRole('button', { name: 'About 10 s: one missed heartbeat' });
		await wrong.focus();
		await page.keyboard.press('Enter');
		await expect(verdict(page)).toContainText('Not quite: you chose About 10 s: one missed heartbeat. The answer is About 50 s.');
		await expect(verdict(page)).toContainText('You may have thought: One missed heartbeat marks a node down.');
		// The verdict has the keyboard now (the answer buttons went), and it is announced politely.
		await expect(verdict(page)).toBeFocused();
		await expect(page.locator('[aria-live="polite"]').filter({ has: verdict(page) })).toHaveCount(1);
		// The icon is not the only sign: the words say it.
		await expect(verdict(page).locator('[data-verdict="wrong"]')).toContainText('Not quite');
		await expect(messageLog(page)).toContainText('taint node.kubernetes.io/unreachable:NoSchedule');
		expect(await answers()).toEqual([{ walkthrough: 'kubernetes/node-failure', checkpoint: 'tainted', correct: false }]);
		// Never a dead end: Next moves on, and Previous then Next does not ask again.
		await page.keyboard.press('ArrowRight');
		await expect(stepIndicator(page)).toHaveText('Step 5 of 11');
		await page.keyboard.press('ArrowLeft');
		await expect(verdict(page)).toContainText('Not quite');
		await expect(question(page)).toHaveCount(0);
	});

	test('"Show me" skips the question; Next on an open question shows it rather than moving on', async ({ page }) => {
		await explore(page, 'kubernetes/scale', 3);
		const answers = await recordAnswers(page);
		await expect(question(page)).toContainText('Replicas go from 3 to 5');
		await question(page).getByRole('button', { name: 'Show me' }).click();
		expect(await answers()).toEqual([]);
		await expect(verdict(page)).toContainText('The answer: Sets the existing ReplicaSet to 5.');
		await expect(messageLog(page)).toContainText('(replicas 5)');
		await expectNoAxeViolations(page);

		await explore(page, 'kubernetes/scale', 7);
		const later = await recordAnswers(page);
		await expect(question(page)).toContainText('Which Pods does the ReplicaSet controller delete first?');
		await page.keyboard.press('ArrowRight');
		await expect(verdict(page)).toContainText('The answer:');
		await expect(stepIndicator(page)).toHaveText('Step 7 of 10');
		await expect(messageLog(page)).toContainText('DELETE /api/v1/namespaces/default/pods/nginx-799cfcc968-bh954');
		await page.keyboard.press('ArrowRight');
		await expect(stepIndicator(page)).toHaveText('Step 8 of 10');
		expect(await later()).toEqual([]);
	});

	test('"Ask me first" switched off is remembered, and the traffic plays without a question', async ({ page }) => {
		await explore(page, 'stacks/overview', 3);
		const ask = page.getByRole('switch', { name: 'Ask me first' });
		await expect(ask).toHaveAttribute('aria-checked', 'true');
		await ask.click();
		await expect(ask).toHaveAttribute('aria-checked', 'false');
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(messageLog(page)).toContainText('virtual disk I/O (trap)');
		await expect(question(page)).toHaveCount(0);
		await page.reload();
		await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
		await expect(page.getByRole('switch', { name: 'Ask me first' })).toHaveAttribute('aria-checked', 'false');
		await expect(question(page)).toHaveCount(0);
	});
});

test.describe('embed', () => {
	const HOST = `http://localhost:${E2E_PORT + 2}/`;
	const wheelhouse = (page: Page) =>
		page.evaluate(() =>
			(window as unknown as { received: { data: unknown }[] }).received.map((r) => r.data).filter((d) => typeof d === 'object' && d !== null && (d as { source?: string }).source === 'wheelhouse')
		) as Promise<{ type: string }[]>;

	test('asks by default and posts the answer to the host page', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto(`${HOST}?src=${encodeURIComponent(`${ORIGIN}/embed/kubernetes/create-deployment/?step=4`)}`);
		const frame = page.frameLocator('#frame');
		await expect(frame.getByRole('region', { name: 'Predict', exact: true })).toContainText('When does it get 201 Created');
		await frame.getByRole('button', { name: 'As soon as the Deployment is stored in etcd' }).click();
		await expect(frame.getByRole('region', { name: 'Your prediction' })).toContainText('Right:');
		await expect.poll(async () => (await wheelhouse(page)).filter((m) => m.type === 'answer')).toEqual([
			{ source: 'wheelhouse', version: 1, type: 'answer', scene: 'kubernetes', walkthrough: 'create-deployment', step: 4, total: 16, checkpoint: 'store', correct: true }
		]);
		await expectNoAxeViolations(page);
	});

	test('predict=0 plays the step without asking; a malformed predict= is ignored with a warning', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto(`/embed/kubernetes/create-deployment/?step=4&predict=0`);
		await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
		await expect(page.getByText('Step 4 of 15')).toBeVisible();
		await page.getByRole('button', { name: 'Messages' }).click();
		await expect(page.locator('li', { hasText: '201 Created (resourceVersion 48213)' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Predict', exact: true })).toHaveCount(0);

		const warnings: string[] = [];
		page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
		await page.goto(`/embed/kubernetes/create-deployment/?step=4&predict=maybe`);
		await expect(page.getByRole('region', { name: 'Predict', exact: true })).toBeVisible();
		expect(warnings.join('\n')).toContain('ignoring predict="maybe"');
	});
});

test.describe('present', () => {
	test('a class poll: lettered answers over the picture, the speaker view knows the answer first, R reveals', async ({ page }) => {
		await openReady(page, '/present/kubernetes/create-deployment/?step=7');
		const poll = page.getByRole('region', { name: 'Three Pods exist with no node. Which component decides where each runs?' });
		await expect(poll).toContainText('Predict');
		await expect(poll.getByRole('listitem')).toHaveText([/^A\s*kube-scheduler/, /^B\s*kube-controller-manager/, /^C\s*kubelet \(node-1\)/, /^D\s*kube-apiserver/]);
		await expect(poll).toContainText('Press R to reveal');
		await expect(poll).not.toContainText('Answer');
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Predict first');
		// Projector sizes: an answer's text is at least 3% of the screen's height.
		const size = await poll.getByRole('listitem').first().evaluate((li) => parseFloat(getComputedStyle(li).fontSize) / innerHeight);
		expect(size).toBeGreaterThanOrEqual(0.03);
		// The picture makes room: no component lies under the open poll (the question is which one acts).
		await expect
			.poll(() =>
				page.evaluate(() => {
					const p = document.querySelector('.poll')!.getBoundingClientRect();
					return [...document.querySelectorAll('svg.diagram [data-part]')]
						.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top; })
						.map((e) => e.getAttribute('data-part'));
				})
			)
			.toEqual([]);
		await expectNoAxeViolations(page);

		const popup = page.waitForEvent('popup');
		await page.keyboard.press('s');
		const speaker = await popup;
		const notes = speaker.getByRole('region', { name: 'Question to the room' });
		await expect(notes).toContainText('A. kube-scheduler Right answer');
		await expect(notes).toContainText('Misconception: The ReplicaSet controller places the Pods it creates.');
		await expectNoAxeViolations(speaker);

		// The speaker view's Reveal, like R, shows the room the answer; the clicker then moves on.
		await expect(speaker.getByRole('status')).toHaveText('Connected to the presentation');
		await notes.getByRole('button', { name: 'Reveal to the room (R)' }).click();
		await expect(poll).toContainText('The answer');
		await expect(poll.getByRole('listitem').first()).toContainText('Answer');
		await expect(poll).toContainText('POSTs a binding');
		await expectNoAxeViolations(page);
		await page.bringToFront();
		await page.keyboard.press('ArrowDown');
		await expect(page.getByText('Step 8 of 15')).toBeVisible();
	});

	test('R reveals, and the clicker\'s Next on an open question reveals rather than moving on', async ({ page }) => {
		await openReady(page, '/present/kubernetes/node-failure/?step=4');
		const poll = page.locator('.poll');
		await expect(poll).toContainText('Press R to reveal');
		await page.keyboard.press('PageDown');
		await expect(poll).toContainText('The answer');
		await expect(page.getByText('Step 4 of 11')).toBeVisible();
		await openReady(page, '/present/kubernetes/node-failure/?step=4');
		await expect(poll).toContainText('Press R to reveal');
		await page.keyboard.press('r');
		await expect(poll).toContainText('About 50 s');
		await expect(poll).toContainText('The answer');
	});
});
