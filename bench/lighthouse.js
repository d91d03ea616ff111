// Lighthouse's accessibility score (issue 19 asks for 100) on the gallery, an explore page, a present
// page and an embed, in every theme, over the production build. Lighthouse is not a dependency (146
// packages, and 13.x wants Node 22): install the pinned 12.2.3 anywhere (`npm i -E lighthouse@12.2.3` in
// a scratch folder) and point LIGHTHOUSE at its bin/lighthouse, or let npx fetch it.
// Usage: npm run build && LIGHTHOUSE=… npm run lighthouse. Exits 1 if any score is under 100.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createStaticServer } from '../scripts/serve.js';

const PAGES = ['/', '/explore/kubernetes/create-deployment/', '/present/kubernetes/create-deployment/', '/embed/kubernetes/create-deployment/'];
// An embed takes ?theme=; the other pages follow the system's colour scheme (Chromium's
// --force-dark-mode sets it) until the learner picks one, and present defaults to the projector theme.
const THEMES = ['light', 'dark', 'projector'];
/** [label, query, extra Chromium flags] for each run of a page. */
const runs = (path) =>
	path.startsWith('/embed/') ? THEMES.map((t) => [t, `?theme=${t}`, '']) : path.startsWith('/present/') ? [['projector', '', '']] : [['light', '', ''], ['dark', '', ' --force-dark-mode']];
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const server = createStaticServer('build');
await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));

let failed = false;
try {
	for (const path of PAGES) {
		for (const [theme, query, flags] of runs(path)) {
			const url = `${origin}${path}${query}`;
			const file = join(out, 'report.json');
			const [command, ...pre] = process.env.LIGHTHOUSE ? [process.env.LIGHTHOUSE] : ['npx', '--yes', 'lighthouse@12.2.3'];
			// Asynchronously: the static server runs in this process and must keep answering.
			await promisify(execFile)(
				command,
				[...pre, url, '--only-categories=accessibility', '--output=json', `--output-path=${file}`, '--quiet', `--chrome-path=${chrome}`, `--chrome-flags=--headless=new --no-sandbox --disable-gpu${flags}`],
				{ env: { ...process.env, CHROME_PATH: chrome } }
			);
			const report = JSON.parse(readFileSync(file, 'utf8'));
			const score = Math.round(report.categories.accessibility.score * 100);
			const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
			console.log(`${score.toString().padStart(3)}  ${path} (${theme})${failing.length ? `  failing: ${failing.join(', ')}` : ''}`);
			// The score leaves out some audits (label-content-name-mismatch weighs 0): any failing one fails.
			if (score < 100 || failing.length) failed = true;
		}
	}
} finally {
	server.close();
}
process.exit(failed ? 1 : 0);
