// Plays fuzz events (events.ts) against one mode of the site and checks the invariants (invariants.ts)
// after each; a request leaving the site is a problem too.
import type { Browser, Frame, Page } from '@playwright/test';
import { E2E_PORT, ORIGIN } from '../helpers';
import type { FuzzEvent, Mode } from './events';
import { check, ID, readShown } from './invariants';
import { pageInit, type InitOptions } from './page-init';

const HOST = `http://localhost:${E2E_PORT + 2}`;
const PATHS: Record<Mode, string> = { explore: `/explore/${ID}/`, present: `/present/${ID}/`, embed: `/embed/${ID}/` };

interface Session {
	mode: Mode;
	page: Page;
	/** Where the walkthrough is: the page itself, or the embed's frame inside the host page. */
	target: () => Frame;
	problems: string[];
	/** Present mode: the speaker view (our origin), and a window on another origin speaking its protocol. */
	speaker?: Page;
	foreign?: Page;
}

async function open(browser: Browser, mode: Mode): Promise<Session> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
	// Explore's storage is full (writes throw); present's and the embed's throws on any access.
	const init: InitOptions = { storage: mode === 'explore' ? 'full' : 'throws', foreignOrigin: HOST };
	await context.addInitScript(pageInit, init);
	const page = await context.newPage();
	const s: Session = {
		mode,
		page,
		problems: [],
		target: () => (mode === 'embed' ? (page.frames().find((f) => f.url().startsWith(`${ORIGIN}/embed/`)) ?? page.mainFrame()) : page.mainFrame())
	};
	// Every page of the context: the speaker view's errors and requests count as much as the presentation's.
	context.on('weberror', (e) => s.problems.push(`page error: ${e.error().message}`));
	context.on('request', (r) => {
		const url = r.url();
		if (!url.startsWith(`${ORIGIN}/`) && !url.startsWith(`${HOST}/`) && !/^(data|blob|about):/.test(url)) s.problems.push(`request left the site: ${url.slice(0, 120)}`);
	});
	// Present mode may (re)open its speaker view (the toolbar's S button); any other popup is closed.
	page.on('popup', async (p) => {
		await p.waitForLoadState('domcontentloaded').catch(() => {});
		if (mode === 'present' && p.url().includes('/speaker')) {
			s.speaker = p;
			await page.bringToFront(); // see open()
		} else if (p !== s.foreign && !p.url().startsWith(HOST)) await p.close();
	});
	await navigate(s, '');
	if (mode === 'present') {
		const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
		s.speaker = speaker;
		await speaker.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { polling: 20 });
		// A window behind another is throttled: input to it waits for frames that come seldom (a drag took 5 s).
		await page.bringToFront();
	}
	return s;
}

async function navigate(s: Session, query: string) {
	const url = s.mode === 'embed' ? `${HOST}/?src=${encodeURIComponent(ORIGIN + PATHS.embed + query)}` : ORIGIN + PATHS[s.mode] + query;
	await s.page.goto(url);
	await hydrated(s);
}

/**
 * Until the walkthrough's document is interactive. In the embed that is the frame's, which loads after
 * the host page's, so the frame may be missing, or detach (replaced) while waited on: try again.
 */
async function hydrated(s: Session) {
	const end = Date.now() + 10_000;
	for (;;) {
		const frame = s.target();
		const ok = s.mode !== 'embed' || frame !== s.page.mainFrame();
		const ready = ok && (await frame.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { timeout: Math.max(1, end - Date.now()), polling: 20 }).then(() => true, () => false));
		if (ready) return;
		if (Date.now() > end) throw new Error(`the ${s.mode} page did not become interactive`);
		await s.page.waitForTimeout(20);
	}
}

/** The centre of the nth visible clickable thing (not links: page-init.ts), scrolled into view. */
function clickPoint(nth: number): { x: number; y: number } | undefined {
	const all = [...document.querySelectorAll<HTMLElement | SVGElement>('button, [tabindex], [role="button"], summary, input, select')].filter(
		(el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0
	);
	const el = all[nth % Math.max(1, all.length)];
	if (!el) return undefined;
	el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
	const r = el.getBoundingClientRect();
	return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

async function apply(s: Session, e: FuzzEvent): Promise<void> {
	const { page, mode } = s;
	switch (e.type) {
		case 'key':
			if (mode === 'embed') await s.target().locator('body').focus().catch(() => {});
			return page.keyboard.press(e.key);
		case 'click': {
			// At the point, as a person would: whatever is on top there gets the click.
			const frame = s.target();
			const point = await frame.evaluate(clickPoint, e.nth).catch(() => undefined);
			const offset = frame === page.mainFrame() ? { x: 0, y: 0 } : await frame.frameElement().then((f) => f.boundingBox());
			if (point && offset) await page.mouse.click(point.x + offset.x, point.y + offset.y);
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
			if (!page.url().startsWith(mode === 'embed' ? HOST : ORIGIN)) return navigate(s, '');
			// Back or forward to another document (e.g. one a URL-parameters event loaded) loads it anew.
			return hydrated(s);
		}
		case 'params':
			return navigate(s, e.query);
		case 'message':
			return page.evaluate(({ payload, burst, cyclic }) => {
				const frame = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
				if (cyclic && typeof payload === 'object' && payload) Object.assign(payload, { self: payload, step: payload });
				for (let i = 0; i < (burst ?? 1); i++) frame.postMessage(payload, '*');
			}, e);
		case 'speaker':
			if (s.speaker && !s.speaker.isClosed()) await s.speaker.evaluate((payload) => window.opener?.postMessage(payload, location.origin), e.payload).catch(() => {});
			return;
		case 'speakerKey':
			if (s.speaker && !s.speaker.isClosed()) await s.speaker.keyboard.press(e.key);
			return;
		case 'foreign':
			return foreign(s, e.payload);
	}
}

/** A well-formed speaker command from another origin's window, opened by the presentation: ignored, or a problem. */
async function foreign(s: Session, payload: unknown) {
	const { page } = s;
	if (!s.foreign || s.foreign.isClosed()) {
		[s.foreign] = await Promise.all([page.waitForEvent('popup'), page.evaluate((url) => void window.open(url, 'fuzz-foreign'), `${HOST}/?src=about:blank`)]);
		await s.foreign.waitForLoadState('domcontentloaded');
		await page.bringToFront();
	}
	const before = await readShown(page.mainFrame());
	const heard = await page.evaluate(() => (window as unknown as { __fuzzForeign: number }).__fuzzForeign);
	await s.foreign.evaluate((p) => window.opener?.postMessage(p, '*'), payload);
	// The counter is bumped in the same dispatch as the site's own listener runs (page-init.ts).
	const delivered = await page.waitForFunction((n) => (window as unknown as { __fuzzForeign: number }).__fuzzForeign > n, heard, { timeout: 2000, polling: 10 }).then(
		() => true,
		() => false
	);
	if (!delivered) return; // e.g. the presentation was reloaded meanwhile; nothing to compare
	const after = await readShown(page.mainFrame());
	if (!before.playing && (after.playing || String(after.steps[0]) !== String(before.steps[0])))
		s.problems.push(`a message from ${HOST} changed the presentation: ${JSON.stringify(before)} -> ${JSON.stringify(after)} (${JSON.stringify(payload)})`);
}

/** Plays events in a fresh page; the index of the first event after which an invariant fails, and why. */
export async function play(browser: Browser, mode: Mode, events: FuzzEvent[]): Promise<{ at: number; problem: string } | undefined> {
	const s = await open(browser, mode);
	const checkNow = () => check(s.target(), s.problems, mode !== 'embed', s.speaker);
	try {
		const started = Date.now();
		const first = await checkNow();
		if (first) return { at: -1, problem: first };
		for (const [i, e] of events.entries()) {
			const t0 = Date.now();
			await apply(s, e);
			const t1 = Date.now();
			const problem = await checkNow();
			// So a long run that times out still says how far it got and how fast.
			if ((i + 1) % 1000 === 0) console.log(`fuzz ${mode}: ${i + 1} events, ${((Date.now() - started) / 1000).toFixed(1)} s`);
			if (process.env.FUZZ_DEBUG && i >= Number(process.env.FUZZ_DEBUG)) console.log(i, `${t1 - t0}+${Date.now() - t1} ms`, JSON.stringify(e).slice(0, 120));
			if (problem) return { at: i, problem };
		}
		return undefined;
	} finally {
		await s.page.context().close();
	}
}
