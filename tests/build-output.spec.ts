import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? files(p) : [p];
	});
}

test('no client file carries elkjs: layout happens at build time', () => {
	const shipped = files('build').filter((f) => /\.(js|html|json)$/.test(f));
	expect(shipped.length).toBeGreaterThan(3);
	const withElk = shipped.filter((f) => /org\.eclipse\.elk|ElkNode|elkjs/.test(readFileSync(f, 'utf8')));
	expect(withElk).toEqual([]);
});

test('every page is prerendered, with a 404 page for static hosts', () => {
	for (const f of ['build/index.html', 'build/404.html', 'build/explore/stacks/overview/index.html'])
		expect(statSync(f).isFile(), f).toBe(true);
});
