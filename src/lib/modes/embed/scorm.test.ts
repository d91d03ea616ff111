import type { StepNumber } from '$lib/model/step-number';
import { describe, expect, it } from 'vitest';
import type { Scorm12Api } from './scorm-api';
import { startScorm } from './scorm';

function fakeApi(initial: Record<string, string> = {}) {
	const data: Record<string, string> = { ...initial };
	const calls: string[] = [];
	const api: Scorm12Api = {
		LMSInitialize: () => (calls.push('init'), 'true'),
		LMSFinish: () => (calls.push('finish'), 'true'),
		LMSGetValue: (k) => data[k] ?? '',
		LMSSetValue: (k, v) => ((data[k] = v), 'true'),
		LMSCommit: () => (calls.push('commit'), 'true')
	};
	return { api, data, calls };
}

describe('SCORM 1.2 session', () => {
	it('marks incomplete, records the location, completes at the end and finishes once', () => {
		const { api, data, calls } = fakeApi();
		const s = startScorm(api)!;
		expect(data['cmi.core.lesson_status']).toBe('incomplete');
		s.progress(3 as StepNumber, false);
		expect(data['cmi.core.lesson_location']).toBe('3');
		s.progress(12 as StepNumber, true);
		expect(data['cmi.core.lesson_status']).toBe('completed');
		s.progress(4 as StepNumber, false);
		expect(data['cmi.core.lesson_status']).toBe('completed');
		s.finish();
		s.finish();
		expect(calls.filter((c) => c === 'finish')).toHaveLength(1);
	});
	it('reports a checkpoint score between 0 and 100, whole, with its range', () => {
		const { api, data } = fakeApi();
		const s = startScorm(api)!;
		for (const [raw, stored] of [[66.6, '67'], [140, '100'], [-3, '0']] as const) {
			s.score(raw);
			expect(data['cmi.core.score.raw']).toBe(stored);
		}
		expect([data['cmi.core.score.min'], data['cmi.core.score.max']]).toEqual(['0', '100']);
		s.finish();
		s.score(10);
		expect(data['cmi.core.score.raw']).toBe('0');
	});
	it('resumes from the stored location', () => {
		expect(startScorm(fakeApi({ 'cmi.core.lesson_location': '7' }).api)!.resumeStep).toBe(7);
		// Whatever else an LMS hands back is not a place to resume.
		for (const junk of ['', '0', '-2', '2.5', 'seven', '1e3']) expect(startScorm(fakeApi({ 'cmi.core.lesson_location': junk }).api)!.resumeStep, junk).toBeUndefined();
	});
	it('without an API, or with one that throws, the content carries on', () => {
		expect(startScorm(null)).toBeNull();
		const broken = { LMSInitialize: () => { throw new Error('x'); } } as unknown as Scorm12Api;
		expect(startScorm(broken)).toBeNull();
	});
});
