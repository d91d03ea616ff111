import { expect, test } from '@playwright/test';
import { mainPath } from '../src/lib/model/graph';
import { walkthroughs } from './content';

// A travelling token's label pill must not cover the names on the diagram. For the busiest step of
// each walkthrough's main path (the most messages), with motion on, every animation frame in which a
// token travels is sampled: the on-screen box of each visible pill against the box of each component
// label on stage. A frame counts as covered when a pill overlaps a label by more than TOLERANCE_PX
// both across and down (boxes of text include a little air around the ink).
const TOLERANCE_PX = 2;
/** Covered frames allowed per walkthrough (before token-pill.ts planned the pill's side, 0 to 160). */
const ALLOWED = 0;
/**
 * Where no side keeps a pill off the names, it fades (tokens.ts) and is not counted above; fading must
 * stay the exception (measured: at most 21% of a step's frames, managed-aks's `kubectl logs` step, whose
 * kubectl ↔ kube-apiserver route runs short under the "Managed by Azure" boundary's name; 2% over all).
 */
const FADED_SHARE = 0.25;

interface Sample {
	frames: number;
	covered: number;
	/** Frames in which a pill was faded because no side of its token was clear (tokens.ts). */
	faded: number;
	/** The first overlaps seen, as "pill text × label text (w×h px)". */
	worst: string[];
}

declare global {
	interface Window {
		pillSample?: Sample;
	}
}

for (const w of walkthroughs) {
	const path = mainPath(w);
	const busiest = path.reduce((best, i) => ((w.steps[i]!.messages?.length ?? 0) > (w.steps[best]!.messages?.length ?? 0) ? i : best), path[0]!);
	const count = w.steps[busiest]!.messages?.length ?? 0;
	// The log holds the messages of the steps on the way there too.
	const logged = path.slice(0, path.indexOf(busiest) + 1).reduce((n, i) => n + (w.steps[i]!.messages?.length ?? 0), 0);
	test(`${w.id}: token pills keep clear of component labels at its busiest step`, async ({ page }) => {
		test.skip(count === 0, 'no messages on the main path');
		// Each token travels 1.2 s, one after the other, after a view change of at most 0.9 s.
		test.setTimeout(20_000 + count * 2_500);
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		// The sampler starts with the page, so the first token is sampled from its first frame.
		await page.addInitScript((tolerance: number) => {
			const sample: Sample = { frames: 0, covered: 0, faded: 0, worst: [] };
			window.pillSample = sample;
			const tick = () => {
				const all = [...document.querySelectorAll<SVGRectElement>('svg.diagram-tokens .token-pill')];
				if (all.length) {
					sample.frames++;
					if (document.querySelector('svg.diagram-tokens .token-faded')) sample.faded++;
					const pills = all.filter((p) => Number(getComputedStyle(p.closest('.token')!).opacity) * Number(getComputedStyle(p).opacity) > 0.25);
					const labels = [...document.querySelectorAll<SVGTextElement>('svg.diagram [data-part]:not(.group):not([aria-hidden="true"]) .label')];
					let covered = false;
					for (const pill of pills) {
						const a = pill.getBoundingClientRect();
						for (const label of labels) {
							const b = label.getBoundingClientRect();
							const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
							const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
							if (across > tolerance && down > tolerance) {
								covered = true;
								if (sample.worst.length < 12) sample.worst.push(`${pill.parentElement?.textContent} × ${label.textContent} (${across.toFixed(0)}×${down.toFixed(0)})`);
							}
						}
					}
					if (covered) sample.covered++;
				}
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		}, TOLERANCE_PX);
		await page.goto(`/explore/${w.id}/?step=${busiest + 1}`);
		await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
		// The sampling window: from the first token until every message of the step is in the log and no
		// token is left (the prerendered page lists them all; the animation empties the step's part first).
		await expect(page.locator('svg.diagram-tokens .token').first()).toBeAttached({ timeout: 5_000 });
		await expect(page.getByRole('log', { name: 'Message log' }).getByRole('listitem')).toHaveCount(logged, { timeout: 5_000 + count * 2_000 });
		await expect(page.locator('svg.diagram-tokens .token')).toHaveCount(0);
		const sample = (await page.evaluate(() => window.pillSample))!;
		console.log(`${w.id} step ${busiest + 1} (${count} messages): ${sample.covered} of ${sample.frames} frames covered, ${sample.faded} faded${sample.worst.length ? `; e.g. ${sample.worst.slice(0, 3).join('; ')}` : ''}`);
		expect(sample.frames).toBeGreaterThan(count * 10);
		expect(sample.covered, sample.worst.join('\n')).toBeLessThanOrEqual(ALLOWED);
		expect(sample.faded).toBeLessThanOrEqual(sample.frames * FADED_SHARE);
	});
}
