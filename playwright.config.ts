import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';
import { findNginx } from './scripts/render-nginx.js';

// Debian's Chromium (or $CHROME_PATH); Playwright's own browser only if one was installed some other way.
function chromiumPath(): string | undefined {
	const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((p) => p && existsSync(p));
	if (found) return found;
	try {
		if (existsSync(chromium.executablePath())) return undefined;
	} catch {
		/* no bundled browser either: say so below */
	}
	console.error('No Chromium found: run `apt-get install chromium` (Debian) or set CHROME_PATH to a Chrome/Chromium binary.');
	process.exit(1);
}

// E2E_PORT lets two checkouts (git worktrees) run their e2e suites at once.
const port = Number(process.env.E2E_PORT ?? 4318);
export const SUBPATH = '/courses/wheelhouse';
const executablePath = chromiumPath();

// Real nginx with deploy/nginx.conf (nginx.spec.ts) on NGINX_PORT..+2. CI must have it (.ci/run installs
// it and sets WHEELHOUSE_REQUIRE_NGINX); elsewhere its absence skips that project with a line saying so.
export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? port + 72);
const nginx = findNginx();
if (!nginx) {
	console.error('No nginx found: the nginx project is skipped. `apt-get install nginx` (Debian) to run it.');
	if (process.env.CI || process.env.WHEELHOUSE_REQUIRE_NGINX) process.exit(1);
}

// Predict-then-see asks before a step's traffic plays, unless the learner turned "Ask me first" off.
// The specs of stepping, traffic and layout run as that learner does (their subject is not the
// question); predict.spec.ts clears this to test the default, questions on.
const askFirstOff = (origin: string) => ({ cookies: [], origins: [{ origin, localStorage: [{ name: 'wheelhouse:ask-first', value: '0' }] }] });

export default defineConfig({
	testDir: 'tests',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? 'line' : 'list',
	timeout: 30_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		viewport: { width: 1280, height: 720 },
		trace: 'off',
		launchOptions: {
			executablePath,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [
		// fuzz.spec runs here with 1,000 events per mode (one test per mode, so they run in parallel);
		// `npm run fuzz` runs it alone with 10,000.
		{
			name: 'chromium',
			testIgnore: /(subpath|nginx)\.spec/,
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, storageState: askFirstOff(`http://localhost:${port}`) }
		},
		{
			name: 'subpath',
			testMatch: /subpath\.spec/,
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, baseURL: `http://localhost:${port + 1}`, storageState: askFirstOff(`http://localhost:${port + 1}`) }
		},
		...(nginx ? [{ name: 'nginx', testMatch: /nginx\.spec/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, baseURL: `http://localhost:${NGINX_PORT}`, storageState: askFirstOff(`http://localhost:${NGINX_PORT}`) } }] : [])
	],
	webServer: [
		{ command: `node scripts/serve.js --port ${port}`, url: `http://localhost:${port}/`, reuseExistingServer: !process.env.CI, timeout: 20_000 },
		// A stand-in LMS page on another origin (another port) for the embed tests.
		{ command: `node scripts/serve.js --port ${port + 2} --dir tests/host`, url: `http://localhost:${port + 2}/`, reuseExistingServer: !process.env.CI, timeout: 20_000 },
		{
			command: `node scripts/serve.js --port ${port + 1} --dir build-subpath --base ${SUBPATH}`,
			url: `http://localhost:${port + 1}${SUBPATH}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 20_000
		},
		...(nginx
			? [{ command: `node scripts/nginx-serve.js --port ${NGINX_PORT}`, url: `http://localhost:${NGINX_PORT}/`, reuseExistingServer: !process.env.CI, timeout: 20_000 }]
			: [])
	]
});
