// SCORM 1.2 run-time, part two: report progress to the LMS found by scorm-api.ts.
import type { Scorm12Api } from './scorm-api';

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
