import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtHtml, visit, watchCsp } from './csp-walk';
import { E2E_PORT } from './helpers';

// The strict CSP of scripts/csp.js, as built into every page and as Chromium enforces it.

const policyOf = (html: string) => html.match(/<meta http-equiv="content-security-policy" content="([^"]+)">/)?.[1];

for (const dir of ['build', 'build-subpath']) {
	test(`every page in ${dir}/ carries the strict policy, ahead of every script, with each inline script's hash`, () => {
		const pages = builtHtml(dir);
		expect(pages.length).toBeGreaterThan(40);
		for (const file of pages) {
			const html = readFileSync(file, 'utf8');
			const policy = policyOf(html);
			expect(policy, file).toBeDefined();
			expect(html.indexOf('http-equiv="content-security-policy"'), file).toBeLessThan(html.indexOf('<script'));
			expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
			// 'unsafe-hashes' only for style attributes, and for one: SvelteKit's announcer (scripts/csp.js).
			expect(policy!.split('; ').filter((d) => d.includes('unsafe-hashes'))).toEqual([expect.stringMatching(/^style-src-attr 'unsafe-hashes' 'sha256-[\w+/=]+'$/)]);
			for (const d of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "style-src 'self'"]) expect(policy).toContain(d);
			const scriptSrc = policy!.split('; ').find((d) => d.startsWith('script-src '))!;
			for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
				const hash = createHash('sha256').update(body!, 'utf8').digest('base64');
				expect(scriptSrc, `${file}: an inline script without its hash`).toContain(`'sha256-${hash}'`);
			}
			// A style="" attribute would be blocked: styles come from files or the CSSOM.
			expect(html, file).not.toMatch(/\sstyle="/);
		}
	});
}

test('no violations in each mode: explore, present with its speaker window, embed in a host page, the gallery and 404', async ({ page }) => {
	const violations = await watchCsp(page);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	for (const url of ['/', '/explore/kubernetes/create-deployment/?step=3', '/nowhere/', `http://localhost:${E2E_PORT + 1}/courses/wheelhouse/explore/docker/pull-and-run/`]) await visit(page, url);
	await visit(page, '/present/stacks/overview/');
	const popup = page.waitForEvent('popup');
	await page.keyboard.press('s');
	const speaker = await popup;
	await expect(speaker.getByRole('status')).toHaveText('Connected to the presentation');
	await speaker.keyboard.press('ArrowRight');
	await expect(page.getByText('Step 3 of 12')).toBeVisible();
	const speakerViolations = await speaker.evaluate(() => (window as Window & { __csp?: string[] }).__csp ?? []);
	await visit(page, `http://localhost:${E2E_PORT + 2}/?src=${encodeURIComponent(`http://localhost:${E2E_PORT}/embed/stacks/overview/?controls=full`)}`);
	const frame = page.frameLocator('#frame');
	await frame.getByRole('button', { name: 'Next step' }).click();
	await expect(frame.getByText('Step 2 of 12')).toBeVisible();
	expect([...(await violations()), ...speakerViolations]).toEqual([]);
});
