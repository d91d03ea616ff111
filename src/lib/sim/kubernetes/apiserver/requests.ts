// An API request as the client builds it, and its log line: the HTTP method and the REST path, as
// kubectl -v=6 prints them (queries unescaped for reading).
import type { Kind } from '../types';
import { collectionPath, objectPath, RESOURCES } from './resources';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';
export type Subresource = 'status' | 'scale' | 'binding' | 'eviction' | 'log';

export interface ApiRequest {
	verb: Verb;
	kind: Kind;
	namespace?: string;
	name?: string;
	subresource?: Subresource;
	/** The object (create, update), a JSON merge patch (patch), or { target: { name } } (binding). */
	body?: unknown;
	labelSelector?: string;
	fieldSelector?: string;
	/** list/watch: the revision to start after; update: carried in the body's metadata instead. */
	resourceVersion?: string;
	/** delete: seconds of grace; 0 removes a Pod at once. */
	gracePeriodSeconds?: number;
	/** Words added to the log line in parentheses, e.g. "batch 1" or "replicas 3". */
	note?: string;
}

const METHOD: Record<Verb, string> = { get: 'GET', list: 'GET', watch: 'GET', create: 'POST', update: 'PUT', patch: 'PATCH', delete: 'DELETE' };

/** The RBAC verb and resource a request needs: binding is "create pods/binding". */
export function rbacOf(req: ApiRequest): { verb: string; resource: string } {
	const info = RESOURCES[req.kind];
	return { verb: req.verb, resource: req.subresource ? `${info.plural}/${req.subresource}` : info.plural };
}

export function requestPath(req: ApiRequest): string {
	const info = RESOURCES[req.kind];
	const ns = info.namespaced ? req.namespace : undefined;
	const base = req.name === undefined ? collectionPath(info, ns) : objectPath(info, ns, req.name, req.subresource);
	const query = [
		req.labelSelector && `labelSelector=${req.labelSelector}`,
		req.fieldSelector && `fieldSelector=${req.fieldSelector}`,
		req.resourceVersion && `resourceVersion=${req.resourceVersion}`,
		req.verb === 'watch' && 'watch=true',
		req.gracePeriodSeconds !== undefined && `gracePeriodSeconds=${req.gracePeriodSeconds}`
	].filter(Boolean);
	return query.length ? `${base}?${query.join('&')}` : base;
}

/** "POST /apis/apps/v1/namespaces/default/deployments", with a scale patch's body as kubectl sends it. */
export function requestSummary(req: ApiRequest): string {
	const body = req.subresource === 'scale' && req.verb === 'patch' ? ` ${JSON.stringify(req.body)}` : '';
	return `${METHOD[req.verb]} ${requestPath(req)}${body}${req.note ? ` (${req.note})` : ''}`;
}
