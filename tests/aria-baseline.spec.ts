import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

// What a screen reader hears on one Kubernetes step, checked in as a reviewed baseline (issue 19): a
// change to names, roles or order shows up as a diff of tests/aria-baseline.spec.ts-snapshots/.
// Review it as a screen-reader user would, then update with `npx playwright test aria-baseline --update-snapshots`.
test('the accessible tree of kubernetes/architecture step 1 (diagram, narration, controls)', async ({ page }) => {
	await openReady(page, '/explore/kubernetes/architecture/?step=1');
	await expect(page.getByRole('main')).toMatchAriaSnapshot({ name: 'kubernetes-architecture-step-1.aria.yml' });
});
