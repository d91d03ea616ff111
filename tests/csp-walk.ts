// Visiting the site while listening for Content-Security-Policy violations. Shared by csp.spec.ts
// (the Node server) and nginx.spec.ts (real nginx with deploy/nginx.conf).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Every prerendered page in a build folder, as a URL path: "/", "/explore/stacks/overview/", … */
export function builtPages(dir = 'build'): string[] {
	const walk = (sub: string): string[] =>
		readdirSync(join(dir, sub)).flatMap((name) => {
			const rel = sub ? `${sub}/${name}` : name;
			if (statSync(join(dir, rel)).isDirectory()) return name === '_app' ? [] : walk(rel);
			return name === 'index.html' ? [`/${sub ? sub + '/' : ''}`] : [];
		});
	return walk('').sort();
}

/** Every HTML file in a build folder (pages and 404.html), as paths on disk. */
export function builtHtml(dir = 'build'): string[] {
	const walk = (path: string): string[] =>
		readdirSync(path).flatMap((name) => {
			const p = join(path, name);
			return statSync(p).isDirectory() ? walk(p) : name.endsWith('.html') ? [p] : [];
		});
	return walk(dir);
}

type Watched = Window & { __csp?: string[] };

/**
 * Records every securitypolicyviolation in the page and its frames from the first byte on (an init
 * script runs before the page's own), every "Refused to …" console error, as a second witness, and
 * every uncaught page error (a page broken some other way must not pass for a clean one).
 */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	const console: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) console.push(m.text());
	});
	page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
	await page.context().addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const w = window as Watched;
			(w.__csp ??= []).push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
		});
	});
	return async () => {
		const seen: string[] = [...console];
		for (const frame of page.frames()) seen.push(...((await frame.evaluate(() => (window as Watched).__csp ?? []).catch(() => [])) as string[]));
		return seen;
	};
}

/** Loads a page, then presses → (which loads an embed's lazy engine and plays a step), and settles. */
export async function visit(page: Page, url: string): Promise<void> {
	await page.goto(url, { waitUntil: 'networkidle' });
	// Walkthrough pages say when they are interactive; the gallery and the not-found page have no steps.
	if (/\/(explore|present|embed)\/[^/]+\/[^/]+\//.test(new URL(url, 'http://x').pathname))
		await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.keyboard.press('ArrowRight');
	await page.waitForLoadState('networkidle');
}
