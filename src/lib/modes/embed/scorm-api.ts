// SCORM 1.2 run-time, the learner's side, part one: find the LMS's API object the way the SCORM 1.2
// RTE says (this window's parents, then its opener's). Small, so every embed can look; the code that
// reports progress (scorm.ts) loads only when an LMS is there.

export interface Scorm12Api {
	LMSInitialize(arg: ''): string;
	LMSFinish(arg: ''): string;
	LMSGetValue(key: string): string;
	LMSSetValue(key: string, value: string): string;
	LMSCommit(arg: ''): string;
}

function searchUp(win: Window | null): Scorm12Api | null {
	let tries = 0;
	try {
		while (win && tries++ < 8) {
			const api = (win as unknown as { API?: Scorm12Api }).API;
			if (api && typeof api.LMSInitialize === 'function') return api;
			if (win.parent === win) break;
			win = win.parent;
		}
	} catch {
		/* a cross-origin ancestor: the API cannot be there */
	}
	return null;
}

export function findScormApi(start: Window = window): Scorm12Api | null {
	return searchUp(start) ?? searchUp(start.opener as Window | null) ?? (start.top ? searchUp((start.top as Window).opener as Window | null) : null);
}
