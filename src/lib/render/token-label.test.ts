import { describe, expect, it } from 'vitest';
import { tokenLabel } from './token-label';

describe('a token pill reads as the message it carries', () => {
	it.each([
		['POST /apis/apps/v1/namespaces/default/deployments (nginx, replicas 3)', 'POST deployments (nginx, replicas…'],
		['PATCH /api/v1/namespaces/default/pods/nginx-799cfcc968-5bfnw/status (Running)', 'PATCH pods/nginx-…-5bfnw/status (…'],
		['GET /api/v1/nodes', 'GET nodes'],
		['watch: Pod nginx-799cfcc968-5bfnw ADDED', 'watch: Pod nginx-…-5bfnw ADDED'],
		['write /registry/replicasets/default/nginx-799cfcc968', 'write /registry/replicasets/defau…'],
		['HEAD /v2/library/nginx/manifests/latest', 'HEAD /v2/library/nginx/manifests/…'],
		['create network namespace', 'create network namespace']
	])('%s', (summary, label) => {
		expect(tokenLabel(summary)).toBe(label);
		expect(tokenLabel(summary).length).toBeLessThanOrEqual(34);
	});
});
