// Image references as the Docker CLI and daemon normalise them (distribution/reference,
// ParseNormalizedNamed): `[registry/][namespace/]repository[:tag][@digest]`. With no registry the
// domain is docker.io, and a one-part name on docker.io gets the `library/` namespace; with no tag
// and no digest the tag is `latest`. The familiar form drops what was defaulted (`nginx`).

export interface Reference {
	/** docker.io, myreg.azurecr.io, localhost:5000 … */
	domain: string;
	/** The path inside the registry: library/nginx, student/docker-whale, docker-whale. */
	path: string;
	tag?: string;
	digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export class ReferenceError extends Error {}

/** Parses a reference as `docker pull` does; a malformed one throws with the CLI's message. */
export function parseReference(text: string): Reference {
	const bad = (why = '') => new ReferenceError(`invalid reference format${why}`);
	let rest = text;
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!DIGEST.test(digest)) throw bad();
	}
	let tag: string | undefined;
	const colon = rest.lastIndexOf(':');
	if (colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
		if (!TAG.test(tag)) throw bad();
	}
	const parts = rest.split('/');
	let domain = 'docker.io';
	const first = parts[0] ?? '';
	if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
		domain = first.toLowerCase() === first ? first : '';
		if (!domain) throw bad();
		parts.shift();
	}
	if (domain === 'index.docker.io') domain = 'docker.io';
	if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
	const path = parts.join('/');
	if (path !== path.toLowerCase()) throw bad(`: repository name (${path}) must be lowercase`);
	if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) throw bad();
	return { domain, path, ...(tag || !digest ? { tag: tag ?? 'latest' } : {}), ...(digest ? { digest } : {}) };
}

/** The repository as people write it: nginx, student/docker-whale, myreg.azurecr.io/docker-whale. */
export function familiarName(ref: Pick<Reference, 'domain' | 'path'>): string {
	if (ref.domain !== 'docker.io') return `${ref.domain}/${ref.path}`;
	return ref.path.startsWith('library/') && ref.path.split('/').length === 2 ? ref.path.slice(8) : ref.path;
}

/** The full name: docker.io/library/nginx:latest. */
export const fullName = (ref: Reference): string => `${ref.domain}/${ref.path}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;

/** familiar name and tag: nginx:latest. */
export const familiarTagged = (ref: Reference): string => `${familiarName(ref)}:${ref.tag ?? 'latest'}`;

/** The host the daemon talks to: Docker Hub's registry API is at registry-1.docker.io. */
export const registryHost = (domain: string): string => (domain === 'docker.io' ? 'registry-1.docker.io' : domain);
