import type { Page } from '@playwright/test';

// In-page audits for WCAG 1.4.10 Reflow and 1.4.12 Text Spacing (reflow.spec.ts). Each returns a list of
// problems, one line per offending element, so a failure names what broke instead of saying "false".

/** The usual text-spacing bookmarklet's rules (WCAG 1.4.12's minimums). */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** Every kind of control a keyboard user must reach. */
const CONTROLS = 'button, a[href], input, select, textarea, summary, [tabindex="0"], [role="tab"]';

/**
 * Applies the text-spacing override as an author style sheet, as the bookmarklet does. A constructed
 * sheet, because the CSP (style-src 'self') blocks an injected <style>.
 */
export async function addTextSpacing(page: Page) {
	await page.evaluate((css) => {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(css);
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	}, TEXT_SPACING);
}

/**
 * Layout problems inside `scope` (a selector; an open modal dialog makes the rest of the page inert):
 * the page scrolling sideways, a control outside the viewport's width, two controls overlapping, text
 * cut off by a box that hides its overflow, and boxes other than the diagram and data tables that
 * scroll sideways (WCAG 1.4.10 allows two-dimensional scrolling only for those).
 */
export function layoutProblems(page: Page, scope = 'body'): Promise<string[]> {
	return page.evaluate(
		({ scope, controls }) => {
			const out: string[] = [];
			const root = document.querySelector(scope)!;
			const name = (e: Element) => {
				const label = e.getAttribute('aria-label') ?? e.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
				return `<${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? ` class="${e.className.replace(/\s*svelte-\w+/g, '')}"` : ''}> "${label}"`;
			};
			// Hidden on purpose: not rendered, or the 1px visually-hidden pattern.
			const shown = (e: Element) => {
				const r = e.getBoundingClientRect();
				return e.getClientRects().length > 0 && r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';
			};
			// The diagram pans and zooms inside its own frame; it may scale and clip (1.4.10's exception).
			const inDiagram = (e: Element) => !!e.closest('.fit-frame, svg');

			const width = document.documentElement.clientWidth;
			if (document.documentElement.scrollWidth > width)
				out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px of content in ${width}px`);

			const visible = [...root.querySelectorAll(controls)].filter(shown);
			for (const c of visible) {
				const r = c.getBoundingClientRect();
				if (r.left < -1 || r.right > innerWidth + 1) out.push(`${name(c)} is outside the viewport's width (${Math.round(r.left)}–${Math.round(r.right)}px of ${innerWidth})`);
			}
			const boxes = visible.filter((c) => !inDiagram(c)).map((c) => ({ c, r: c.getBoundingClientRect() }));
			for (const [i, a] of boxes.entries())
				for (const b of boxes.slice(i + 1)) {
					if (a.c.contains(b.c) || b.c.contains(a.c)) continue;
					const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
					const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
					if (x > 1 && y > 1) out.push(`${name(a.c)} overlaps ${name(b.c)}`);
				}

			const hides = (v: string) => v === 'hidden' || v === 'clip';
			const scrolls = (v: string) => v === 'auto' || v === 'scroll';
			// Inside a box that scrolls sideways (a data table's), text may lie past the edge; that box is checked itself.
			const inScroller = (e: Element) => {
				for (let a = e.parentElement; a; a = a.parentElement) if (scrolls(getComputedStyle(a).overflowX)) return true;
				return false;
			};
			for (const e of root.querySelectorAll('*')) {
				if (!shown(e) || inDiagram(e) || !e.textContent?.trim()) continue;
				const style = getComputedStyle(e);
				const ownText = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
				const r = e.getBoundingClientRect();
				if (ownText && (r.left < -1 || r.right > innerWidth + 1) && !inScroller(e))
					out.push(`${name(e)} runs past the viewport's width (${Math.round(r.left)}–${Math.round(r.right)}px of ${innerWidth})`);
				const wide = e.scrollWidth > e.clientWidth + 1;
				const tall = e.scrollHeight > e.clientHeight + 1;
				if ((hides(style.overflowX) && wide) || (hides(style.overflowY) && tall))
					out.push(`${name(e)} cuts off its text (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`);
				// Data tables may scroll in two dimensions (1.4.10's exception); nothing else may.
				else if (scrolls(style.overflowX) && wide && !e.querySelector('table'))
					out.push(`${name(e)} scrolls sideways (${e.scrollWidth}px of content in ${e.clientWidth}px)`);
			}
			return out;
		},
		{ scope, controls: CONTROLS }
	);
}

/**
 * Tabs through the page (or the open dialog) and lists the controls in the tab order that Tab never
 * reached, or that it reached only by scrolling the page sideways or outside the viewport's width.
 */
export async function tabProblems(page: Page, scope = 'body'): Promise<string[]> {
	const expected = await page.evaluate(
		({ scope, controls }) => {
			const tabbable = [...document.querySelector(scope)!.querySelectorAll<HTMLElement>(controls)].filter(
				(e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0 && !e.closest('[inert], [hidden]')
			);
			tabbable.forEach((e, i) => (e.dataset.reflowTab = String(i)));
			return tabbable.length;
		},
		{ scope, controls: CONTROLS }
	);
	const seen = new Set<string>();
	const out: string[] = [];
	for (let i = 0; i < 2 * expected + 4 && seen.size < expected; i++) {
		await page.keyboard.press('Tab');
		const at = await page.evaluate(() => {
			const e = document.activeElement as HTMLElement | null;
			if (!e?.dataset.reflowTab) return undefined;
			const r = e.getBoundingClientRect();
			const off = scrollX !== 0 || r.left < -1 || r.right > innerWidth + 1;
			return { id: e.dataset.reflowTab, problem: off ? `<${e.tagName.toLowerCase()}> "${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40)}" is reached by Tab outside the viewport's width (scrollX ${scrollX}, ${Math.round(r.left)}–${Math.round(r.right)}px)` : undefined };
		});
		if (!at || seen.has(at.id)) continue;
		seen.add(at.id);
		if (at.problem) out.push(at.problem);
	}
	const missed = await page.evaluate((seen) => {
		const names = [...document.querySelectorAll<HTMLElement>('[data-reflow-tab]')]
			.filter((e) => !seen.includes(e.dataset.reflowTab!))
			.map((e) => `<${e.tagName.toLowerCase()}> "${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40)}" is never reached by Tab`);
		document.querySelectorAll<HTMLElement>('[data-reflow-tab]').forEach((e) => delete e.dataset.reflowTab);
		return names;
	}, [...seen]);
	return [...out, ...missed];
}
