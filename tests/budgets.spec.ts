import { readFileSync } from 'node:fs';
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
