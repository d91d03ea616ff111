// The image registry (Docker Hub in the scene): the distribution API's manifest and blob endpoints
// and its token service. Stateless apart from the catalog: a runtime proves it asked for a token by
// presenting it, as with a real bearer token. Answers take simulated time: a few ms to look up a
// manifest, size ÷ bandwidth to send a blob.
import type { Prng } from '../../core/prng';
import type { EventQueue } from '../../core/queue';
import { CATALOG, megabytes, shortDigest, type Blob, type Image } from './images';
import type { Reply } from './link';

export const REGISTRY = 'registry';
/** Docker Hub's anonymous tokens last 300 s. */
export const TOKEN_TTL_MS = 300_000;

export interface Token {
	repo: string;
	expiresAt: number;
	/** False for a repository that does not exist: the token service grants no pull scope. */
	pull: boolean;
}

export type RegistryRequest =
	| { op: 'head'; repo: string; tag: string; token?: Token }
	| { op: 'token'; repo: string }
	| { op: 'manifest'; repo: string; digest: string; token: Token }
	| { op: 'blob'; repo: string; blob: Blob; what: string; token: Token };

export interface RegistryResponse {
	status: 200 | 401 | 404;
	token?: Token;
	image?: Image;
	error?: string;
}

export interface RegistryOptions {
	/** Bytes per ms one blob download gets (default 50 MB/s). */
	bytesPerMs?: number;
	images?: Image[];
}

export class Registry {
	private readonly images: Image[];
	private readonly bytesPerMs: number;

	constructor(
		private readonly queue: EventQueue,
		private readonly rng: Prng,
		options: RegistryOptions = {}
	) {
		this.images = options.images ?? CATALOG;
		this.bytesPerMs = options.bytesPerMs ?? 50_000;
	}

	/** Handles one request that has just arrived; the answer is sent after the time it takes. */
	serve = (req: RegistryRequest, reply: Reply<RegistryResponse>): void => {
		const later = (ms: number, res: RegistryResponse, summary: string, kind: 'response' | 'data' = 'response'): void => {
			this.queue.schedule({ after: ms }, () => reply(res, summary, kind));
		};
		const lookup = this.rng.between(5, 20);
		const known = this.images.filter((i) => i.ref.repo === req.repo);
		if (req.op === 'token') {
			const token = { repo: req.repo, expiresAt: this.queue.now + TOKEN_TTL_MS, pull: known.length > 0 };
			return later(lookup, { status: 200, token }, `200: bearer token (anonymous, expires in ${TOKEN_TTL_MS / 1000} s)`);
		}
		if (!req.token || req.token.expiresAt <= this.queue.now)
			return later(lookup, { status: 401 }, '401 Unauthorized, WWW-Authenticate: Bearer realm="https://auth.docker.io/token"');
		// Docker Hub does not say whether a repository exists to someone without access to it.
		if (!req.token.pull) {
			const error = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
			return later(lookup, { status: 401, error }, '401 Unauthorized: insufficient_scope (no such repository, or private)');
		}
		if (req.op === 'head') {
			const image = known.find((i) => i.ref.tag === req.tag);
			if (!image) return later(lookup, { status: 404, error: 'not found' }, '404 Not Found: MANIFEST_UNKNOWN (manifest unknown)');
			return later(lookup, { status: 200, image }, `200, Docker-Content-Digest: ${shortDigest(image.index)} (an image index)`);
		}
		if (req.op === 'manifest') {
			const index = known.find((i) => i.index === req.digest);
			if (index) return later(lookup, { status: 200, image: index }, '200: image index (one manifest per platform)');
			const image = known.find((i) => i.manifest === req.digest);
			if (image) return later(lookup, { status: 200, image }, `200: image manifest for linux/amd64 (config and ${image.layers.length} layers)`);
			return later(lookup, { status: 404, error: 'manifest unknown' }, '404 Not Found: MANIFEST_UNKNOWN (manifest unknown)');
		}
		const transfer = Math.ceil(req.blob.size / this.bytesPerMs);
		later(lookup + transfer, { status: 200 }, `${req.what} blob ${shortDigest(req.blob.digest)} (${megabytes(req.blob.size)})`, 'data');
	};
}
