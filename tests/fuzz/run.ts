// Plays fuzz events (events.ts) against one mode of the site and checks the invariants after each:
// no page error or unhandled rejection, one step number everywhere and in range, the URL saying the
// same, the narration and the message log of that step, and no request leaving the site.
import type { Browser, Frame, Page } from '@playwright/test';
import { formatMessage } from '../../src/lib/engine/message-log';
import { walkthroughs, scenes } from '../content';
import { E2E_PORT, ORIGIN } from '../helpers';
import type { FuzzEvent, Mode } from './events';

const HOST = `http://localhost:${E2E_PORT + 2}`;
// A walkthrough without choices: the invariants below count steps and log lines along one straight
// path (a branch changes "of M" and the path; checking those needs pathPosition, not done yet).
const ID = 'docker/build-and-push';
const walkthrough = walkthroughs.find((w) => w.id === ID)!;
const scene = scenes.find((s) => s.id === walkthrough.scene)!;
if (walkthrough.steps.some((s) => 'choices' in s && s.choices)) throw new Error(`${ID} has choices; the fuzz invariants assume a straight path`);
/** Per step (0-based): the log lines once that step has delivered everything. */
const cumulative: string[][] = [];
for (const [i, s] of walkthrough.steps.entries()) cumulative.push([...(cumulative[i - 1] ?? []), ...(s.messages ?? []).map((m) => formatMessage(scene, m))]);
const expected = { total: walkthrough.steps.length, narrations: walkthrough.steps.map((s) => s.narration), cumulative };

const PATHS: Record<Mode, string> = { explore: `/explore/${ID}/`, present: `/present/${ID}/`, embed: `/embed/${ID}/` };

export interface Session {
	page: Page;
	/** Where the walkthrough is: the page itself, or the embed's frame inside the host page. */
	target: () => Frame;
	problems: string[];
}

export async function open(browser: Browser, mode: Mode): Promise<Session> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
	// Present mode remembers its theme: here storage throws, as in a locked-down browser or iframe.
	if (mode === 'present')
		await context.addInitScript(() => {
			for (const name of ['localStorage', 'sessionStorage'])
				Object.defineProperty(window, name, { get: () => { throw new DOMException('denied', 'SecurityError'); } });
		});
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('request', (r) => {
		const url = r.url();
		if (!url.startsWith(`${ORIGIN}/`) && !url.startsWith(`${HOST}/`) && !/^(data|blob|about):/.test(url)) problems.push(`request left the site: ${url.slice(0, 120)}`);
	});
	page.on('popup', (p) => void p.close());
	const target = () => (mode === 'embed' ? page.frames().find((f) => f.url().startsWith(`${ORIGIN}/embed/`)) ?? page.mainFrame() : page.mainFrame());
	await navigate(page, mode, '');
	return { page, target, problems };
}

async function navigate(page: Page, mode: Mode, query: string) {
	const url = mode === 'embed' ? `${HOST}/?src=${encodeURIComponent(ORIGIN + PATHS.embed + query)}` : ORIGIN + PATHS[mode] + query;
	await page.goto(url);
	const s = { page, target: () => (mode === 'embed' ? page.frames().find((f) => f.url().startsWith(`${ORIGIN}/embed/`)) ?? page.mainFrame() : page.mainFrame()) };
	await s.target().waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { timeout: 10_000 });
}

export async function apply(s: Session, mode: Mode, e: FuzzEvent): Promise<void> {
	const { page } = s;
	switch (e.type) {
		case 'key':
			if (mode === 'embed') await s.target().locator('body').focus().catch(() => {});
			return page.keyboard.press(e.key);
		case 'click': {
			// Anything clickable but links (which leave the mode under test, by design).
			const all = s.target().locator('button:visible, [tabindex]:visible, [role="button"]:visible');
			const n = await all.count();
			if (n > 0 && process.env.FUZZ_DEBUG) console.log('  click', await all.nth(e.nth % n).evaluate((el) => el.outerHTML.slice(0, 160)).catch(() => '?'));
			if (n > 0) await all.nth(e.nth % n).click({ timeout: 1000, force: true }).catch(() => {});
			return;
		}
		case 'wheel':
			await page.mouse.move(e.x, e.y);
			return page.mouse.wheel(0, e.dy);
		case 'drag':
			await page.mouse.move(e.x, e.y);
			await page.mouse.down();
			await page.mouse.move(e.x + e.dx, e.y + e.dy, { steps: 4 });
			return page.mouse.up();
		case 'resize':
			return page.setViewportSize({ width: e.width, height: e.height });
		case 'history': {
			// Within the page's own history (pushState) there is no load event to wait for.
			await (e.back ? page.goBack({ timeout: 2000, waitUntil: 'commit' }) : page.goForward({ timeout: 2000, waitUntil: 'commit' })).catch(() => null);
			// Back past the first page leaves the site: that is the browser, not the mode; come back.
			if (!page.url().startsWith(mode === 'embed' ? HOST : ORIGIN)) await navigate(page, mode, '');
			return;
		}
		case 'params':
			return navigate(page, mode, e.query);
		case 'message':
			return page.evaluate(({ payload, burst }) => {
				const frame = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
				for (let i = 0; i < (burst ?? 1); i++) frame.postMessage(payload, '*');
			}, e);
		case 'speaker':
			return page.evaluate((payload) => window.postMessage(payload, '*'), e.payload);
	}
}

/** The invariants, checked in the page; undefined when they hold, else what is wrong. */
function invariants({ total, narrations, cumulative, checkUrl }: typeof expected & { checkUrl: boolean }): string | undefined {
	// What is shown, not what is hidden to measure text (e.g. a widest "Step 88 of 88" kept aria-hidden).
	// Each element's own text (its direct text nodes), so an ancestor does not bring hidden text along.
	const own = new Map<Element, string>();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	while (walker.nextNode()) {
		const parent = walker.currentNode.parentElement;
		if (parent && !parent.closest('[aria-hidden="true"], [hidden], template')) own.set(parent, (own.get(parent) ?? '') + walker.currentNode.textContent);
	}
	const text = [...own.values()].join('\n');
	const shown = [...text.matchAll(/Step (\d+) of (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
	if (shown.length === 0) return 'no step indicator';
	const [n, m] = shown[0]!;
	if (shown.some(([a, b]) => a !== n || b !== m)) return `step indicators disagree: ${JSON.stringify(shown)}`;
	if (m !== total || n! < 1 || n! > total) return `step ${n} of ${m} is out of range (${total} steps)`;
	const param = new URL(location.href).searchParams.get('step');
	if (checkUrl && (param === null ? n !== 1 : Number(param) !== n)) return `the URL says step=${param}, the page step ${n}`;
	const narration = narrations[n! - 1]!;
	const statuses = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? '');
	if (!statuses.some((t) => t.includes(narration))) return `no status region holds step ${n}'s narration`;
	const log = document.querySelector('[role="log"]');
	if (log) {
		const items = [...log.querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
		const full = cumulative[n! - 1]!;
		const before = cumulative[n! - 2]?.length ?? 0;
		const wrong = items.findIndex((t, i) => !full[i] || !t.includes(full[i]!));
		if (items.length < before || items.length > full.length || wrong >= 0) return `the log (${items.length} lines, first wrong ${wrong}) does not match step ${n} (${before}–${full.length} lines)`;
	}
	return undefined;
}

/** Waits (briefly) for the invariants to hold, as the page settles after an event; else says why not. */
export async function check(s: Session, mode: Mode): Promise<string | undefined> {
	if (s.problems.length > 0) return s.problems[0];
	const args = { ...expected, checkUrl: mode !== 'embed' };
	// Polled from here: invariants() is undefined when all is well, which waitForFunction would read
	// as "not yet".
	const deadline = Date.now() + 3000;
	for (;;) {
		const problem = await s.target().evaluate(invariants, args).catch((e: Error) => `could not check: ${e.message}`);
		if (!problem) return s.problems[0];
		if (Date.now() > deadline) return problem;
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Plays events in a fresh page; the index of the first event after which an invariant fails, and why. */
export async function play(browser: Browser, mode: Mode, events: FuzzEvent[]): Promise<{ at: number; problem: string } | undefined> {
	const s = await open(browser, mode);
	try {
		const first = await check(s, mode);
		if (first) return { at: -1, problem: first };
		for (const [i, e] of events.entries()) {
			if (process.env.FUZZ_DEBUG && i >= Number(process.env.FUZZ_DEBUG)) console.log(i, JSON.stringify(e).slice(0, 120));
			await apply(s, mode, e);
			const problem = await check(s, mode);
			if (problem) return { at: i, problem };
		}
		return undefined;
	} finally {
		await s.page.context().close();
	}
}

/**
 * The shortest list found that still fails (delta debugging: drop halves, then quarters, … then single
 * events, keeping any removal after which the run still fails), within a budget of replays.
 */
export async function shrink(browser: Browser, mode: Mode, events: FuzzEvent[], budget = 60, seconds = 100): Promise<FuzzEvent[]> {
	const deadline = Date.now() + seconds * 1000;
	let current = events;
	let chunk = Math.max(1, Math.floor(current.length / 2));
	while (budget > 0 && current.length > 1 && Date.now() < deadline) {
		let removed = false;
		for (let start = 0; start < current.length && budget > 0 && Date.now() < deadline; start += chunk) {
			const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
			budget--;
			const failure = await play(browser, mode, candidate);
			if (failure) {
				current = candidate.slice(0, failure.at + 1);
				removed = true;
				break;
			}
		}
		if (!removed) {
			if (chunk === 1) break;
			chunk = Math.max(1, Math.floor(chunk / 2));
		}
	}
	return current;
}
