import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { routeJs } from '../bench/route-js.js';

// Byte budgets are deterministic: checked here on every build, measured in a browser by npm run bench.
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));

test('an embed loads at most 150 KB (60 KB gzip) of JavaScript first; no route ships elkjs', () => {
	const routes = ['embed/stacks/overview', 'embed/kubernetes/create-deployment', 'explore/kubernetes/create-deployment', 'present/stacks/overview', ''];
	const report: string[] = [];
	for (const route of routes) {
		const { bytes, gzip, files } = routeJs('build', route);
		expect(files.length).toBeGreaterThan(3);
		for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/org\.eclipse\.elk|ElkNode/);
		report.push(`${route || '/'}: ${(bytes / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
		if (route.startsWith('embed/')) {
			expect(gzip, route).toBeLessThanOrEqual(budgets.embedJsGzipBytes);
			expect(bytes, route).toBeLessThanOrEqual(budgets.embedJsBytes);
			// The engine comes later, when the learner reaches the embed; it must stay out of first load.
			for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain('xstate.init');
		}
	}
	test.info().annotations.push({ type: 'first-load JS', description: report.join('; ') });
	console.log(report.join('\n'));
});

/** Every file under dir, recursively. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

test('walkthroughs are recorded at build time: no simulator code in any browser file', () => {
	// Strings only the simulator holds (a component start note, an admission note); minifiers keep them.
	const SIM = /informers: LIST, then WATCH|DefaultTolerationSeconds added|digest collision on|builds one stage: a second FROM/;
	// The probe works: the server build that prerendered the pages does hold both simulators.
	const server = filesUnder('.svelte-kit/output/server').filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8'));
	expect(server.some((text) => /informers: LIST, then WATCH/.test(text))).toBe(true);
	expect(server.some((text) => /digest collision on/.test(text))).toBe(true);
	const browser = filesUnder('build/_app').filter((f) => /\.(js|json)$/.test(f));
	expect(browser.length).toBeGreaterThan(10);
	for (const f of browser) expect(readFileSync(f, 'utf8'), f).not.toMatch(SIM);
});
