// SCORM 1.2 run-time, part two: report progress to the LMS found by scorm-api.ts.
import { parseStepNumber, type StepNumber } from '$lib/model/step-number';
import type { Scorm12Api } from './scorm-api';

export interface ScormSession {
	/** The step (1-based) stored for resume, if any. */
	resumeStep: StepNumber | undefined;
	progress(step: StepNumber, completed: boolean): void;
	/** The checkpoint score, 0–100 (predict, then see). */
	score(raw: number): void;
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
	// What an LMS stores comes back as text: the one step-number parser reads it (range checked by the embed).
	const location = parseStepNumber(call(() => api.LMSGetValue('cmi.core.lesson_location'), ''), Number.MAX_SAFE_INTEGER);
	if (!completed) call(() => api.LMSSetValue('cmi.core.lesson_status', 'incomplete'), '');
	call(() => api.LMSCommit(''), '');
	let finished = false;
	return {
		resumeStep: location.ok ? location.number : undefined,
		progress(step, done) {
			if (finished) return;
			call(() => api.LMSSetValue('cmi.core.lesson_location', String(step)), '');
			if (done && !completed) {
				completed = true;
				call(() => api.LMSSetValue('cmi.core.lesson_status', 'completed'), '');
			}
			call(() => api.LMSCommit(''), '');
		},
		score(raw) {
			if (finished) return;
			call(() => api.LMSSetValue('cmi.core.score.min', '0'), '');
			call(() => api.LMSSetValue('cmi.core.score.max', '100'), '');
			call(() => api.LMSSetValue('cmi.core.score.raw', String(Math.round(Math.min(100, Math.max(0, raw))))), '');
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
