import { describe, expect, it } from 'vitest';
import { parseEmbedParams } from './embed-params';

const parse = (q: string) => parseEmbedParams(new URLSearchParams(q), 12);

describe('parseEmbedParams', () => {
	it('defaults', () => {
		expect(parse('')).toEqual({ config: { step: 0, controls: 'full', theme: 'light', autoplay: false, speed: 1, start: 0, end: 11, predict: true }, warnings: [] });
	});
	it('takes every valid parameter', () => {
		expect(parse('step=5&controls=none&theme=projector&autoplay=1&speed=0.25&start=3&end=8&predict=0').config).toEqual({ step: 4, controls: 'none', theme: 'projector', autoplay: true, speed: 0.25, start: 2, end: 7, predict: false });
		expect(parse('predict=1').config.predict).toBe(true);
	});
	const bad: [string, string][] = [
		['step=abc', 'step="abc"'],
		['step=0', 'step="0"'],
		['step=99', 'step="99"'],
		['controls=some', 'controls="some"'],
		['theme=neon', 'theme="neon"'],
		['autoplay=yes', 'autoplay="yes"'],
		['predict=no', 'predict="no"'],
		['predict=', 'predict=""'],
		['speed=9', 'speed="9"'],
		['speed=', 'speed=""'],
		['speed=NaN', 'speed="NaN"'],
		['start=9&end=2', 'end=2'],
		['foo=1', 'unknown parameter "foo"']
	];
	it.each(bad)('%s gives one warning and the default', (q, text) => {
		const { config, warnings } = parse(q);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(text);
		expect(config.controls).toBe(q.startsWith('controls') ? 'full' : config.controls);
		expect(config.predict).toBe(true);
	});
	it('clamps step into the start–end range with a warning', () => {
		const r = parse('start=4&end=6&step=9');
		expect(r.config.step).toBe(5);
		expect(r.warnings).toHaveLength(1);
	});
	it('a huge value is cut short in the warning', () => {
		expect(parse(`theme=${'x'.repeat(10000)}`).warnings[0]!.length).toBeLessThan(200);
	});
});
