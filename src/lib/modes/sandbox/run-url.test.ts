import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN, decodeLine, decodeRun, encodeLine, encodeRun, type RunSpec } from './run-url';

const decode = (query: string) => decodeRun(new URLSearchParams(query));

describe('encodeLine / decodeLine', () => {
	it.each([
		'kubectl scale deployment nginx --replicas=5',
		'kubectl uncordon node-2',
		'power off node-3',
		'kubectl create deployment web --image=nginx:1.27.3 --replicas=2',
		'kubectl get pods -o wide',
		'echo ~ * . _ Ünïcode 日本 "quoted" ZZ'
	])('round-trips %s', (line) => expect(decodeLine(encodeLine(line))).toBe(line));

	it('is short for the common commands and uses only characters a query carries unescaped', () => {
		expect(encodeLine('kubectl scale deployment nginx --replicas=5')).toBe('ABLC5');
		expect(encodeLine('power off node-2')).toBe('JM2');
		const odd = encodeLine('a.b c:D~é日');
		expect(new URLSearchParams({ x: odd }).toString()).toBe(`x=${odd}`);
	});

	it('refuses text that is not an encoded line', () => {
		for (const bad of ['Z', 'a*', 'a*zz', 'a*u12', 'a b', 'ö']) expect(decodeLine(bad), bad).toBeUndefined();
	});
});

describe('encodeRun / decodeRun', () => {
	const run: RunSpec = {
		seed: 'lesson-4',
		preset: 'empty',
		actions: [
			{ at: 1200, line: 'kubectl create deployment nginx --image=nginx --replicas=3' },
			{ at: 61_000, line: 'power off node-2' },
			{ at: 61_000, line: 'kubectl get pods' }
		],
		until: 400_000
	};

	it('round-trips a run', () => expect(decode(encodeRun(run))).toEqual({ spec: run }));

	it('a link without parameters is the default run', () => expect(decode('')).toEqual({ spec: DEFAULT_RUN }));

	it('fits 50 actions in 2 KB of URL', () => {
		const actions = Array.from({ length: 50 }, (_, i) => ({
			at: 30_000 + i * 37_123,
			line: [
				`kubectl scale deployment nginx --replicas=${(i % 9) + 1}`,
				`kubectl delete pod nginx-799cfcc968-${'bcdfg'.slice(i % 5)}x${i}`,
				`power off node-${(i % 3) + 1}`,
				`kubectl cordon node-${(i % 3) + 1}`,
				`kubectl create deployment web${i} --image=nginx --replicas=2`
			][i % 5]!
		}));
		const query = encodeRun({ seed: 'class', preset: 'nginx', actions, until: 2_000_000 });
		const url = `https://example.org/courses/wheelhouse/sandbox/kubernetes/?${query}`;
		expect(url.length).toBeLessThanOrEqual(2048);
		expect(decode(query).spec.actions).toEqual(actions);
	});

	it.each([
		['seed=a%20b', /seed "a b"/],
		['preset=chaos', /no preset "chaos"/],
		['t=-5', /time "-5"/],
		['t=abc', /time "abc"/]
	])('%s: a notice, the rest kept', (query, said) => {
		const { spec, notice } = decode(query);
		expect(notice).toMatch(said);
		expect(spec.actions).toEqual([]);
	});

	it.each(['run=1', 'run=1.ABLC5.2', 'run=x.Z', 'run=1.a*zz', 'run=99999999.JM2', 'run=.JM2', `run=${'1.JM2.'.repeat(600)}1.JM2`])('%s: a damaged run is left out whole', (query) => {
		const { spec, notice } = decode(`seed=s&preset=empty&${query}`);
		expect(notice).toMatch(/actions is damaged.*starts from the preset/);
		expect(spec).toMatchObject({ seed: 's', preset: 'empty', actions: [] });
	});

	it('a time before the last action is refused, the actions kept', () => {
		const { spec, notice } = decode('run=a.JM2&t=5');
		expect(notice).toMatch(/time "5"/);
		expect(spec.actions).toEqual([{ at: 10, line: 'power off node-2' }]);
		expect(spec.until).toBe(10);
	});
});
