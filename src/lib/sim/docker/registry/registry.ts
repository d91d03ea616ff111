// A registry's HTTP API: the OCI distribution spec (opencontainers/distribution-spec spec.md), the
// endpoints Docker uses. Blobs are stored once per registry and linked into repositories, so a blob
// one repository has can be mounted into another without an upload. Every request needs a Bearer
// token with the scope it acts in; without one the answer is 401 with a challenge (what to ask for).
import { abbrev, statusLine, type Exchange, type Handler, type HttpRequest, type HttpResponse } from '../http';
import { BlobStore, MEDIA, parse, verifiedDigest, type Blob, type Index, type Manifest } from '../oci';
import type { Action, TokenService } from './tokens';

interface Repo {
	blobs: Set<string>;
	manifests: Set<string>;
	tags: Map<string, string>;
}

export interface RegistryPolicy {
	/** Bearer realm and service, for the challenge. */
	realm: string;
	service: string;
	tokens: TokenService;
	/** Token endpoints (auth.docker.io, /oauth2/…): answers and returns true if it is one. */
	tokenRoute(req: HttpRequest, ex: Exchange): boolean;
	/** A chance to refuse a manifest GET (Docker Hub's pull rate limit); called after authorization. */
	onManifestGet?(req: HttpRequest, ex: Exchange, counted: boolean): HttpResponse | undefined;
}

const query = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

export class Registry {
	readonly blobs = new BlobStore();
	private readonly repos = new Map<string, Repo>();
	private readonly uploads = new Map<string, string>();
	private uploadCount = 0;

	constructor(
		readonly host: string,
		private readonly policy: RegistryPolicy
	) {}

	repo(path: string): Repo | undefined {
		return this.repos.get(path);
	}

	/** The digest a tag points to, if any. */
	tagged(path: string, tag: string): string | undefined {
		return this.repos.get(path)?.tags.get(tag);
	}

	/** Puts content straight into a repository (the catalogue a registry starts with; no traffic). */
	seed(path: string, tag: string, blobs: Blob[], manifests: Blob[], root: Blob): void {
		const repo = this.open(path);
		for (const b of blobs) repo.blobs.add(this.blobs.put(b).digest);
		for (const m of manifests) repo.manifests.add(this.blobs.put(m).digest);
		repo.tags.set(tag, root.digest);
	}

	readonly handle: Handler = (req, ex) => {
		if (this.policy.tokenRoute(req, ex)) return;
		const path = req.path.split('?')[0] ?? '';
		if (path === '/v2/') return this.authorized(req, ex, undefined, 'pull') && ex.reply({ status: 200, summary: '200 OK' });
		const m = path.match(/^\/v2\/(.+?)\/(manifests|blobs\/uploads|blobs)\/?(.*)$/);
		if (!m) return ex.reply({ status: 404, summary: '404 Not Found' });
		const [, name, what, rest] = m as unknown as [string, string, string, string];
		const action: Action = req.method === 'GET' || req.method === 'HEAD' ? 'pull' : 'push';
		if (!this.authorized(req, ex, name, action)) return;
		if (what === 'manifests') return req.method === 'PUT' ? this.putManifest(name, rest, req, ex) : this.getManifest(name, rest, req, ex);
		if (what === 'blobs') return this.getBlob(name, rest, req, ex);
		if (req.method === 'POST') return this.startUpload(name, req, ex);
		return this.finishUpload(name, rest, req, ex);
	};

	private open(path: string): Repo {
		let repo = this.repos.get(path);
		if (!repo) this.repos.set(path, (repo = { blobs: new Set(), manifests: new Set(), tags: new Map() }));
		return repo;
	}

	private authorized(req: HttpRequest, ex: Exchange, name: string | undefined, action: Action): boolean {
		const auth = req.headers?.authorization;
		const ok = name === undefined ? this.policy.tokens.grantOf(auth) !== undefined : this.policy.tokens.allows(auth, name, action);
		if (ok) return true;
		const actions = action === 'push' ? 'pull,push' : 'pull';
		const scope = name === undefined ? '' : `,scope="repository:${name}:${actions}"`;
		const insufficient = auth && name !== undefined ? ',error="insufficient_scope"' : '';
		const challenge = `Bearer realm="${this.policy.realm}",service="${this.policy.service}"${scope}${insufficient}`;
		ex.reply({ status: 401, headers: { 'www-authenticate': challenge }, summary: `401 Unauthorized, WWW-Authenticate: ${challenge}` });
		return false;
	}

	private getManifest(name: string, ref: string, req: HttpRequest, ex: Exchange): void {
		const repo = this.repos.get(name);
		const digest = ref.startsWith('sha256:') ? (repo?.manifests.has(ref) ? ref : undefined) : repo?.tags.get(ref);
		const blob = digest ? this.blobs.get(digest) : undefined;
		if (!blob) return ex.reply({ status: 404, summary: req.method === 'HEAD' ? '404 Not Found' : '404 Not Found: MANIFEST_UNKNOWN' });
		const headers = { 'docker-content-digest': blob.digest, 'content-type': blob.mediaType };
		if (req.method === 'HEAD') return ex.reply({ status: 200, headers, summary: `200, Docker-Content-Digest: ${abbrev(blob.digest)} (${describe(blob)})` });
		// Docker Hub counts a pull per image: the GET of an index, or of a manifest named by tag.
		const refused = this.policy.onManifestGet?.(req, ex, blob.mediaType === MEDIA.index || !ref.startsWith('sha256:'));
		if (refused) return ex.reply(refused);
		ex.reply({ status: 200, headers, body: blob, summary: `200: ${describe(blob)}` });
	}

	private putManifest(name: string, ref: string, req: HttpRequest, ex: Exchange): void {
		const blob = req.body as Blob;
		const repo = this.open(name);
		const needed = blob.mediaType === MEDIA.index ? parse<Index>(blob).manifests.map((d) => d.digest) : [parse<Manifest>(blob).config.digest, ...parse<Manifest>(blob).layers.map((d) => d.digest)];
		const have = blob.mediaType === MEDIA.index ? repo.manifests : repo.blobs;
		const missing = needed.filter((d) => !have.has(d));
		if (missing.length) return ex.reply({ status: 400, summary: `400 Bad Request: MANIFEST_BLOB_UNKNOWN ${abbrev(missing[0]!)}` });
		if (verifiedDigest(blob) !== blob.digest || (ref.startsWith('sha256:') && ref !== blob.digest)) return ex.reply({ status: 400, summary: '400 Bad Request: DIGEST_INVALID' });
		repo.manifests.add(this.blobs.put(blob).digest);
		if (!ref.startsWith('sha256:')) repo.tags.set(ref, blob.digest);
		ex.reply({ status: 201, headers: { 'docker-content-digest': blob.digest }, summary: '201 Created' });
	}

	private getBlob(name: string, digest: string, req: HttpRequest, ex: Exchange): void {
		const blob = this.repos.get(name)?.blobs.has(digest) ? this.blobs.get(digest) : undefined;
		if (!blob) return ex.reply({ status: 404, summary: req.method === 'HEAD' ? '404 Not Found' : '404 Not Found: BLOB_UNKNOWN' });
		const headers = { 'docker-content-digest': blob.digest, 'content-length': String(blob.size) };
		if (req.method === 'HEAD') return ex.reply({ status: 200, headers, summary: '200 OK (already in the repository)' });
		ex.reply({ status: 200, headers, body: blob, kind: 'data', summary: `200: ${describe(blob)}` });
	}

	private startUpload(name: string, req: HttpRequest, ex: Exchange): void {
		const q = query(req.path);
		const mount = q.get('mount');
		const from = q.get('from');
		if (mount && from && this.repos.get(from)?.blobs.has(mount) && this.policy.tokens.allows(req.headers?.authorization, from, 'pull')) {
			this.open(name).blobs.add(mount);
			return ex.reply({ status: 201, headers: { location: `/v2/${name}/blobs/${mount}` }, summary: `201 Created (mounted from ${from}, nothing uploaded)` });
		}
		const id = `u${++this.uploadCount}`;
		this.uploads.set(id, name);
		const location = `/v2/${name}/blobs/uploads/${id}`;
		ex.reply({ status: 202, headers: { location }, summary: `202 Accepted, Location: ${location}` });
	}

	private finishUpload(name: string, rest: string, req: HttpRequest, ex: Exchange): void {
		const id = rest.split('?')[0] ?? '';
		const blob = req.body as Blob | undefined;
		const digest = query(req.path).get('digest');
		if (this.uploads.get(id) !== name) return ex.reply({ status: 404, summary: '404 Not Found: BLOB_UPLOAD_UNKNOWN' });
		// Every digest is verified: the bytes received must hash to the digest the client named.
		if (!blob || !digest || verifiedDigest(blob) !== digest) return ex.reply({ status: 400, summary: '400 Bad Request: DIGEST_INVALID' });
		this.uploads.delete(id);
		this.open(name).blobs.add(this.blobs.put(blob).digest);
		ex.reply({ status: 201, headers: { location: `/v2/${name}/blobs/${digest}`, 'docker-content-digest': digest }, summary: statusLine(201) });
	}
}

/** What a blob is, in words for the message log. */
export function describe(b: Blob): string {
	if (b.mediaType === MEDIA.index) {
		const ms = parse<Index>(b).manifests;
		return `image index, ${ms.length} manifests (${ms.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).join(', ')})`;
	}
	if (b.mediaType === MEDIA.manifest) return `image manifest, 1 config + ${parse<Manifest>(b).layers.length} layer digests`;
	if (b.mediaType === MEDIA.config) return `image config, ${b.size} bytes`;
	return `layer blob ${abbrev(b.digest)}, ${megabytes(b.size)} compressed tar`;
}

/** Sizes as docker prints them (decimal units, 3 significant digits): 29.7MB, 955B. */
export function megabytes(bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB'];
	let v = bytes;
	let u = 0;
	while (v >= 1000 && u < units.length - 1) {
		v /= 1000;
		u++;
	}
	return `${u === 0 ? v : Number(v.toPrecision(3))}${units[u]}`;
}
