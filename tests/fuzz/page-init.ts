// Runs in every document of a fuzz session before the site's own scripts (context.addInitScript), so
// it sees what Playwright's events do not, and holds the session to the mode under test.

export interface InitOptions {
	/** 'throws': every storage access throws, as in a locked-down browser or a third-party iframe;
	 * 'full': storage reads but every write throws QuotaExceededError. */
	storage: 'throws' | 'full';
	/** Messages from this origin are counted, so the harness knows a foreign message was delivered. */
	foreignOrigin: string;
}

export function pageInit({ storage, foreignOrigin }: InitOptions): void {
	const w = window as unknown as { __fuzzProblems: string[]; __fuzzForeign: number; __fuzzShown: () => { steps: number[][]; playing: boolean } };
	w.__fuzzProblems = [];
	w.__fuzzForeign = 0;
	// Playwright's weberror also reports an unhandled rejection in Chromium (a planted one showed up as
	// "page error: planted"); recording it here too keeps the check from resting on that.
	addEventListener('unhandledrejection', (e) => w.__fuzzProblems.push(`unhandled rejection: ${String((e.reason as Error)?.stack ?? e.reason).slice(0, 300)}`));
	addEventListener('error', (e) => w.__fuzzProblems.push(`error: ${e.message}`));
	// Registered before the site's listener, so when this counts a message the site has heard it too.
	addEventListener('message', (e) => {
		if (e.origin === foreignOrigin) w.__fuzzForeign++;
	});
	// Links leave the mode under test by design (the brand link goes home), whether clicked or
	// activated with Enter; a click that lands on one (e.g. on the header above a panned-away part)
	// would end the session. SvelteKit's router, like the browser, ignores a prevented click.
	addEventListener(
		'click',
		(e) => {
			const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
			if (link && !link.getAttribute('href')!.startsWith('#')) e.preventDefault();
		},
		true
	);
	w.__fuzzShown = () => {
		// What is shown, not text kept aria-hidden to measure (e.g. a widest "Step 88 of 88"): each
		// element's own text (its direct text nodes), so an ancestor does not bring hidden text along.
		const own = new Map<Element, string>();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		while (walker.nextNode()) {
			const parent = walker.currentNode.parentElement;
			if (parent && !parent.closest('[aria-hidden="true"], [hidden], template')) own.set(parent, (own.get(parent) ?? '') + walker.currentNode.textContent);
		}
		const text = [...own.values()].join('\n');
		return { steps: [...text.matchAll(/Step (\d+) of (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]), playing: !!document.querySelector('button[aria-label="Pause"]') };
	};
	if (storage === 'throws') {
		for (const name of ['localStorage', 'sessionStorage'])
			Object.defineProperty(window, name, {
				get: () => {
					throw new DOMException('denied', 'SecurityError');
				}
			});
	} else {
		// On the prototype: a property defined on a Storage object itself would be stored as an item.
		Storage.prototype.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
	}
}
