import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect, test, type Page, type Response } from '@playwright/test';
import { NGINX_PORT, SUBPATH } from '../playwright.config';
import { builtPages, visit, watchCsp } from './csp-walk';
import { E2E_PORT } from './helpers';

// The production builds behind real nginx with deploy/nginx.conf (scripts/nginx-serve.js): every route,
// with zero CSP violations, the headers, precompressed responses, and frame-ancestors at work.
const SITE = `http://localhost:${NGINX_PORT}`;
const SUB = `http://localhost:${NGINX_PORT + 1}${SUBPATH}`;
const ALLOWED_HOST = `http://localhost:${NGINX_PORT + 2}/`;
const OTHER_HOST = `http://localhost:${E2E_PORT + 2}/`;

/** Checks every response nginx sent for the page: headers on all, compression and caching where due. */
function checkResponses(page: Page) {
	const problems: string[] = [];
	page.on('response', (r: Response) => {
		if (!r.url().startsWith(`http://localhost:${NGINX_PORT}`) && !r.url().startsWith(`http://localhost:${NGINX_PORT + 1}`)) return;
		void (async () => {
			const h = await r.allHeaders();
			const where = `${r.status()} ${r.url()}`;
			if (!/frame-ancestors 'self' http:\/\/localhost:\d+/.test(h['content-security-policy'] ?? '')) problems.push(`${where}: no CSP header`);
			if (h['x-content-type-options'] !== 'nosniff') problems.push(`${where}: no nosniff`);
			if (h['referrer-policy'] !== 'no-referrer') problems.push(`${where}: no Referrer-Policy`);
			if (r.status() >= 400 && !r.url().includes('/nowhere/')) problems.push(`${where}: failed`);
			const immutable = r.url().includes('/_app/immutable/');
			if (immutable !== (h['cache-control'] === 'public, max-age=31536000, immutable')) problems.push(`${where}: cache-control ${h['cache-control']}`);
			const big = Number(h['content-length'] ?? Infinity) >= 1024;
			if (r.status() === 200 && /\.(js|css|html|json)$|\/$/.test(new URL(r.url()).pathname) && big && !/^(br|gzip)$/.test(h['content-encoding'] ?? ''))
				problems.push(`${where}: not compressed`);
		})();
	});
	return problems;
}

const groups: [string, string, string[]][] = [
	...['explore', 'present', 'embed'].map((mode): [string, string, string[]] => [mode, SITE, builtPages('build').filter((p) => p.startsWith(`/${mode}/`))]),
	['gallery and not-found', SITE, ['/', '/nowhere/']],
	['sub-path build', SUB, builtPages('build-subpath').filter((p) => !p.startsWith('/present/')).concat('/nowhere/')]
];

for (const [name, origin, pages] of groups) {
	test(`every ${name} page: no CSP violation, headers on every response, compressed`, async ({ page }) => {
		test.setTimeout(30_000 + pages.length * 4_000);
		expect(pages.length).toBeGreaterThan(1);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		const violations = await watchCsp(page);
		const problems = checkResponses(page);
		for (const path of pages) await visit(page, `${origin}${path}`);
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
	});
}

test('the 404 page comes with status 404, and with the same headers', async ({ page }) => {
	const response = await page.goto('/nowhere/at-all/');
	expect(response?.status()).toBe(404);
	expect(response?.headers()['content-security-policy']).toContain('frame-ancestors');
	await expect(page.getByRole('link', { name: 'stacks/overview' })).toBeVisible();
	expect((await page.goto(`${SUB}/nowhere/`))?.status()).toBe(404);
});

/** One raw GET, so the path and Accept-Encoding go out exactly as written. */
function get(url: string, encoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
	return new Promise((done, fail) => {
		const u = new URL(url);
		const req = httpRequest({ host: '127.0.0.1', port: u.port, path: url.slice(u.origin.length), headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end();
	});
}

test('sends the files scripts/compress.js made, byte for byte: brotli when the module is there, else gzip', async () => {
	const html = await get(`${SITE}/explore/stacks/overview/`, 'br');
	const brotli = html.headers['content-encoding'] === 'br';
	if (brotli) expect(html.body.equals(readFileSync('build/explore/stacks/overview/index.html.br'))).toBe(true);
	else test.info().annotations.push({ type: 'brotli', description: 'nginx has no brotli_static module here: gzip only' });
	const gz = await get(`${SITE}/explore/stacks/overview/`, 'gzip');
	expect(gz.headers['content-encoding']).toBe('gzip');
	expect(gz.body.equals(readFileSync('build/explore/stacks/overview/index.html.gz'))).toBe(true);
	expect(gz.headers.vary).toBe('Accept-Encoding');
	const plain = await get(`${SITE}/explore/stacks/overview/`);
	expect(plain.headers['content-encoding']).toBeUndefined();
	expect(plain.body.equals(readFileSync('build/explore/stacks/overview/index.html'))).toBe(true);
});

test('refuses what serve.js refuses: malformed escapes, climbing out, dotfiles', async () => {
	expect((await get(`${SITE}/%E0%A4%A`)).status).toBe(400);
	expect((await get(`${SITE}/..%2fbuild-subpath%2findex.html`)).status).toBe(400);
	expect((await get(`${SITE}/.allowed-origins`)).status).toBe(404);
	expect((await get(`${SUB}/.allowed-origins`)).status).toBe(404);
	expect((await get(`${SITE}/`)).status).toBe(200);
});

test('an allowed host page may frame the embed; a host not on the list is refused by frame-ancestors', async ({ page }) => {
	const refusals: string[] = [];
	page.on('console', (m) => {
		if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
	});
	await page.emulateMedia({ reducedMotion: 'reduce' });
	const embed = encodeURIComponent(`${SITE}/embed/stacks/overview/`);
	await page.goto(`${ALLOWED_HOST}?src=${embed}`);
	await expect(page.frameLocator('#frame').getByText('Step 1 of 12')).toBeVisible();
	expect(refusals).toEqual([]);

	await page.goto(`${OTHER_HOST}?src=${embed}`);
	await expect.poll(() => refusals.length).toBeGreaterThan(0);
	expect(refusals[0]).toContain(`Framing '${SITE}/' violates the following Content Security Policy directive: "frame-ancestors 'self' ${ALLOWED_HOST.replace(/\/$/, '')}"`);
	await expect(page.frameLocator('#frame').getByText('Step 1 of 12')).toHaveCount(0);
});
