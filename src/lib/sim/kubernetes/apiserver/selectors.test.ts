import { describe, expect, it } from 'vitest';
import { fromLabelSelector, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';

describe('label selectors', () => {
	it.each([
		['app=nginx', { app: 'nginx' }, true],
		['app==nginx', { app: 'nginx' }, true],
		['app=nginx', { app: 'web' }, false],
		['app!=nginx', {}, true],
		['app=nginx,tier=web', { app: 'nginx' }, false],
		['env in (prod, staging)', { env: 'staging' }, true],
		['env notin (prod)', { env: 'prod' }, false],
		['canary', { canary: '' }, true],
		['!canary', { canary: 'x' }, false],
		['', { anything: 'x' }, true]
	] as const)('%s on %j → %s', (selector, labels, expected) => {
		expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
	});

	it('throws on nonsense', () => {
		expect(() => parseLabelSelector('app in nginx')).toThrow(SyntaxError);
	});

	it('reads the structured form of a Deployment selector', () => {
		const reqs = fromLabelSelector({ matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
		expect(matchesLabels(reqs, { app: 'nginx', tier: 'web' })).toBe(true);
		expect(matchesLabels(reqs, { app: 'nginx', tier: 'db' })).toBe(false);
	});
});

describe('field selectors', () => {
	it.each([
		['spec.nodeName=node-1', 'Pod', true],
		['metadata.name=x,status.phase!=Failed', 'Pod', true],
		['spec.nodeName=node-1', 'Deployment', false],
		['spec.unschedulable=true', 'Node', true]
	] as const)('%s on %s supported: %s', (selector, kind, ok) => {
		expect(typeof parseFieldSelector(selector, kind) !== 'string').toBe(ok);
	});
});
