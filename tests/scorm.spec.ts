import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { createStaticServer } from '../scripts/serve.js';

// A real SCORM 1.2 run-time (scorm-again) in a stand-in LMS page loads a generated package.
// One packaging and one server for the whole file, so its tests run in one worker.
test.describe.configure({ mode: 'serial' });
const PORT = 4330;
let server: Server;
let files: Record<string, Uint8Array>;

test.beforeAll(() => {
	execFileSync('node', ['scripts/package-scorm.js'], { stdio: 'pipe' });
	files = unzipSync(readFileSync('dist/scorm/wheelhouse-stacks-overview.zip'));
	const root = mkdtempSync(join(tmpdir(), 'wheelhouse-scorm-'));
	for (const [name, bytes] of Object.entries(files)) {
		const path = join(root, 'pkg', name);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, bytes);
	}
	copyFileSync('node_modules/scorm-again/dist/scorm12.js', join(root, 'scorm12.js'));
	writeFileSync(
		join(root, 'harness.html'),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><script src="scorm12.js"></script></head><body>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.finished = false;
  const finish = API.LMSFinish.bind(API);
  API.LMSFinish = (a) => { window.finished = true; return finish(a); };
  const resume = new URLSearchParams(location.search).get('resume');
  if (resume) { const get = API.LMSGetValue.bind(API); API.LMSGetValue = (k) => k === 'cmi.core.lesson_location' ? resume : get(k); }
</script>
<iframe id="sco" title="Course content" width="960" height="540" src="pkg/embed/stacks/overview/index.html"></iframe>
</body></html>`
	);
	server = createStaticServer(root);
	return new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', () => resolve()));
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the manifest has the SCORM 1.2 elements and lists files that are in the package', () => {
	const xml = new TextDecoder().decode(files['imsmanifest.xml']);
	expect(xml).toContain('<schema>ADL SCORM</schema>');
	expect(xml).toContain('<schemaversion>1.2</schemaversion>');
	expect(xml).toMatch(/<organizations default="([^"]+)">\s*<organization identifier="\1">/);
	expect(xml).toMatch(/<item identifier="[^"]+" identifierref="wheelhouse-stacks-overview-sco"/);
	const launch = xml.match(/adlcp:scormtype="sco" href="([^"]+)"/)?.[1];
	expect(launch).toBe('embed/stacks/overview/index.html');
	const listed = [...xml.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]!);
	expect(listed).toContain(launch);
	for (const f of listed) expect(files[f], f).toBeDefined();
	// Paths inside must be relative: nothing in the launch page points at the site root.
	expect(new TextDecoder().decode(files[launch!])).not.toMatch(/(src|href)="\/_app/);
});

test('stepping to the end reports completed and the location; leaving calls LMSFinish', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`http://localhost:${PORT}/harness.html`);
	const sco = page.frameLocator('#sco');
	await expect(sco.getByText('Step 1 of 12')).toBeVisible();
	const api = (expr: string) => page.evaluate((e) => (window as unknown as { API: { LMSGetValue(k: string): string } }).API.LMSGetValue(e), expr);
	await expect.poll(() => api('cmi.core.lesson_status')).toBe('incomplete');
	await sco.getByRole('button', { name: 'Next step' }).click();
	await expect.poll(() => api('cmi.core.lesson_location')).toBe('2');
	for (let i = 0; i < 15 && (await sco.getByRole('button', { name: 'Next step' }).isEnabled()); i++) await sco.getByRole('button', { name: 'Next step' }).click();
	await expect(sco.getByText('Step 12 of 12')).toBeVisible();
	await expect.poll(() => api('cmi.core.lesson_status')).toBe('completed');
	expect(await api('cmi.core.lesson_location')).toBe('12');
	// Next showed the two questions' answers (predict-then-see): shown is not answered, so the score is 0.
	expect(await api('cmi.core.score.raw')).toBe('0');
	await page.evaluate(() => (document.getElementById('sco') as HTMLIFrameElement).setAttribute('src', 'about:blank'));
	await expect.poll(() => page.evaluate(() => (window as unknown as { finished: boolean }).finished)).toBe(true);
});

test('a right prediction is scored over the checkpoints: one of two right is 50', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`http://localhost:${PORT}/harness.html?resume=4`);
	const sco = page.frameLocator('#sco');
	const api = (expr: string) => page.evaluate((e) => (window as unknown as { API: { LMSGetValue(k: string): string } }).API.LMSGetValue(e), expr);
	await sco.getByRole('region', { name: 'Predict', exact: true }).getByRole('button', { name: 'Hypervisor', exact: true }).click();
	await expect(sco.getByRole('region', { name: 'Your prediction' })).toContainText('Right: Hypervisor.');
	await expect.poll(() => api('cmi.core.score.raw')).toBe('50');
	expect([await api('cmi.core.score.min'), await api('cmi.core.score.max')]).toEqual(['0', '100']);
});

test('a stored location resumes the learner where they stopped', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`http://localhost:${PORT}/harness.html?resume=5`);
	await expect(page.frameLocator('#sco').getByText('Step 5 of 12')).toBeVisible();
});

test('without an LMS the packaged content still works, silently', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(`http://localhost:${PORT}/pkg/embed/stacks/overview/index.html`);
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByText('Step 2 of 12')).toBeVisible();
	expect(errors).toEqual([]);
});
