// What a travelling token's pill says: the start of the message's log line, made to fit ~34
// characters. Recorded Kubernetes messages start with full REST paths (`PATCH /api/v1/namespaces/
// default/pods/nginx-799cfcc968-5bfnw/status (Running, …)`), whose first 34 characters say nothing;
// the pill drops the API prefix and a Pod name's template hash, so it reads `PATCH pods/nginx-…-5bfnw/…`.
// The message log keeps the whole line.

export const TOKEN_LABEL_MAX = 34;

export function tokenLabel(summary: string, max = TOKEN_LABEL_MAX): string {
	const short = summary
		.replace(/(^|\s)\/apis?\/(?:[\w.-]+\/)?v\d\w*\/(?:namespaces\/[\w-]+\/)?/g, '$1')
		.replace(/\b([a-z][\w-]*?)-[a-z0-9]{8,10}-([a-z0-9]{5})\b/g, '$1-…-$2');
	return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}
