// Results of API requests, and the failures with the real API server's status codes, reasons and
// message wording, so a learner sees the text kubectl would print.
import type { KubeObject } from '../types';
import { groupResource, type ResourceInfo } from './resources';

export type Reason = 'BadRequest' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Gone' | 'Invalid';

export interface ApiError {
	ok: false;
	code: 400 | 401 | 403 | 404 | 409 | 410 | 422;
	reason: Reason;
	message: string;
}

export interface ApiSuccess<T> {
	ok: true;
	code: 200 | 201;
	object: T;
}

export type ApiResult<T> = ApiSuccess<T> | ApiError;

export interface ListResult<T> {
	ok: true;
	code: 200;
	items: T[];
	/** The revision the list was read at: a WATCH from here misses nothing and repeats nothing. */
	resourceVersion: string;
}

const fail = (code: ApiError['code'], reason: Reason, message: string): ApiError => ({ ok: false, code, reason, message });

export const badRequest = (message: string) => fail(400, 'BadRequest', message);
export const unauthorized = () => fail(401, 'Unauthorized', 'Unauthorized');

export const forbidden = (user: string, verb: string, info: ResourceInfo, subresource: string | undefined, namespace?: string) =>
	fail(
		403,
		'Forbidden',
		`${groupResource(info)}${subresource ? `/${subresource}` : ''} is forbidden: User "${user}" cannot ${verb} resource "${info.plural}${subresource ? `/${subresource}` : ''}" in API group "${info.group}"${info.namespaced && namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`
	);

export const notFound = (info: ResourceInfo, name: string) => fail(404, 'NotFound', `${groupResource(info)} "${name}" not found`);

export const alreadyExists = (info: ResourceInfo, name: string) => fail(409, 'AlreadyExists', `${groupResource(info)} "${name}" already exists`);

export const conflict = (
	info: ResourceInfo,
	name: string,
	why = 'the object has been modified; please apply your changes to the latest version and try again',
	resource = groupResource(info)
) => fail(409, 'Conflict', `Operation cannot be fulfilled on ${resource} "${name}": ${why}`);

export const gone = (rv: string) => fail(410, 'Gone', `too old resource version: ${rv}`);

export const invalid = (kind: string, name: string, detail: string) => fail(422, 'Invalid', `${kind} "${name}" is invalid: ${detail}`);

const PHRASE: Record<number, string> = {
	200: 'OK',
	201: 'Created',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	410: 'Gone',
	422: 'Unprocessable Entity'
};

/** The first words of a response's log line: "201 Created", "409 Conflict". */
export const statusLine = (code: number) => `${code} ${PHRASE[code] ?? ''}`.trim();

/** The log line of a response that carries one object. */
export function describeResult(result: ApiResult<KubeObject | { metadata: { resourceVersion: string } }>): string {
	if (!result.ok) return `${statusLine(result.code)}: ${result.message}`;
	return `${statusLine(result.code)} (resourceVersion ${result.object.metadata.resourceVersion})`;
}
