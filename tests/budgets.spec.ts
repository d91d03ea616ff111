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

// Strings only the simulator holds (a component start note, an admission note); minifiers keep them.
const SIM = /informers: LIST, then WATCH|DefaultTolerationSeconds added|digest collision on|builds one stage: a second FROM/;
const holdsSim = (f: string) => SIM.test(readFileSync(f, 'utf8'));

test('walkthroughs are recorded at build time: no simulator code in any file a walkthrough page can load', () => {
	// The probe works: the server build that prerendered the pages does hold both simulators.
	const server = filesUnder('.svelte-kit/output/server').filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8'));
	expect(server.some((text) => /informers: LIST, then WATCH/.test(text))).toBe(true);
	expect(server.some((text) => /digest collision on/.test(text))).toBe(true);
	// Every explore, present (and speaker) and embed page, with every chunk it imports now or later (import()).
	const pages = filesUnder('build')
		.filter((f) => f.endsWith('index.html') && /^build\/(explore|present|embed|handout)\//.test(f))
		.map((f) => f.slice('build/'.length, -'/index.html'.length));
	expect(pages.length).toBeGreaterThan(30);
	const reachable = new Set(pages.flatMap((route) => routeJs('build', route, { dynamic: true }).files));
	expect(reachable.size).toBeGreaterThan(10);
	for (const f of reachable) expect(holdsSim(f), f).toBe(false);
});

test('the sandbox runs the simulator live: it loads it, after its first paint, in a chunk of its own', () => {
	const later = routeJs('build', 'sandbox/kubernetes', { dynamic: true }).files;
	const first = new Set(routeJs('build', 'sandbox/kubernetes').files);
	const sim = later.filter(holdsSim);
	expect(sim.length).toBeGreaterThan(0);
	for (const f of sim) expect(first.has(f), `${f} is in the first load`).toBe(false);
});
