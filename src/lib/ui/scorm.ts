// SCORM 1.2 run-time, the learner's side: find the LMS's API object the way the SCORM 1.2 RTE says
// (this window's parents, then its opener's), then report progress. With no LMS it does nothing.

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

export interface ScormSession {
	/** The step (1-based) stored for resume, if any. */
	resumeStep: number | undefined;
	progress(step: number, completed: boolean): void;
	finish(): void;
}

export function startScorm(api: Scorm12Api | null): ScormSession | null {
	if (!api) return null;
	const call = <T>(f: () => T, fallback: T): T => {
		try {
			return f();
		} catch {
			return fallback;
		}
	};
	if (call(() => String(api.LMSInitialize('')), 'false') !== 'true') return null;
	let completed = call(() => api.LMSGetValue('cmi.core.lesson_status'), '') === 'completed';
	const location = Number(call(() => api.LMSGetValue('cmi.core.lesson_location'), ''));
	if (!completed) call(() => api.LMSSetValue('cmi.core.lesson_status', 'incomplete'), '');
	call(() => api.LMSCommit(''), '');
	let finished = false;
	return {
		resumeStep: Number.isInteger(location) && location >= 1 ? location : undefined,
		progress(step, done) {
			if (finished) return;
			call(() => api.LMSSetValue('cmi.core.lesson_location', String(step)), '');
			if (done && !completed) {
				completed = true;
				call(() => api.LMSSetValue('cmi.core.lesson_status', 'completed'), '');
			}
			call(() => api.LMSCommit(''), '');
		},
		finish() {
			if (finished) return;
			finished = true;
			call(() => api.LMSCommit(''), '');
			call(() => api.LMSFinish(''), '');
		}
	};
}
