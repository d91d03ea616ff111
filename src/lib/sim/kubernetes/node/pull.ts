// containerd's pull, as the runtime does it for CRI PullImage: resolve the tag with a HEAD (a 401
// first sends it to the token service), then fetch the index and the platform manifest by digest, then
// the config and every layer it does not have yet, in parallel (flows.md D1 steps 2–3). A tag whose
// index is already in the store needs only the HEAD: nothing else is fetched.
import { findImage, parseImage, shortDigest, type Image } from './images';
import type { Link } from './link';
import type { RegistryRequest, RegistryResponse, Token } from './registry';

export interface ImageStore {
	/** Images by full reference (docker.io/library/nginx:latest). */
	images: Map<string, Image>;
	/** Blob digests already in the content store: shared layers are fetched once. */
	blobs: Set<string>;
	/** Bearer tokens by repository, reused until they expire. */
	tokens: Map<string, Token>;
}

/** `unpacked`: bytes of layers fetched now and unpacked; 0 when the store already had the image. */
export type PullResult = { ok: true; image: Image; unpacked: number } | { ok: false; error: string; code: 'NotFound' | 'Unknown' };

export function pull(store: ImageStore, link: Link<RegistryRequest, RegistryResponse>, name: string, now: () => number, done: (r: PullResult) => void): void {
	const ref = parseImage(name);
	const { repo, tag } = ref;
	const path = `/v2/${repo}/manifests/${tag}`;
	const fail = (code: 'NotFound' | 'Unknown', why: string) =>
		done({ ok: false, code, error: `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${why}` });

	const head = (token: Token | undefined, retried: boolean) =>
		link.call({ op: 'head', repo, tag, token }, `HEAD ${path}${token ? ' (with the token)' : ''}`, (res) => {
			if (res.status === 401 && !res.error && !retried) return getToken();
			if (res.status === 401) return fail('Unknown', res.error ?? 'unauthorized');
			if (res.status === 404 || !res.image || !token) return fail('NotFound', `${ref.full}: not found`);
			const image = res.image;
			if (store.images.get(ref.full)?.index === image.index) return done({ ok: true, image, unpacked: 0 });
			fetchIndex(token, image);
		});

	const getToken = () =>
		link.call({ op: 'token', repo }, `GET auth.docker.io/token?scope=repository:${repo}:pull (anonymous)`, (res) => {
			if (res.token) store.tokens.set(repo, res.token);
			head(res.token, true);
		});

	const fetchIndex = (token: Token, image: Image) =>
		link.call({ op: 'manifest', repo, digest: image.index, token }, `GET /v2/${repo}/manifests/${shortDigest(image.index)} (the index, by digest)`, () =>
			link.call({ op: 'manifest', repo, digest: image.manifest, token }, `GET /v2/${repo}/manifests/${shortDigest(image.manifest)} (linux/amd64, by digest)`, () =>
				fetchBlobs(token, image)
			)
		);

	const fetchBlobs = (token: Token, image: Image) => {
		const wanted = [{ blob: image.config, what: 'config' }, ...image.layers.map((blob, i) => ({ blob, what: `layer ${i + 1}/${image.layers.length}` }))].filter(
			({ blob }) => !store.blobs.has(blob.digest)
		);
		let left = wanted.length;
		const unpacked = wanted.filter(({ blob }) => blob !== image.config).reduce((sum, { blob }) => sum + blob.size, 0);
		const finish = () => {
			store.images.set(ref.full, image);
			done({ ok: true, image, unpacked });
		};
		if (left === 0) return finish();
		// Sent together: containerd fetches the config and the missing layers concurrently.
		for (const { blob, what } of wanted)
			link.call({ op: 'blob', repo, blob, what, token }, `GET /v2/${repo}/blobs/${shortDigest(blob.digest)} (${what})`, () => {
				store.blobs.add(blob.digest);
				if (--left === 0) finish();
			});
	};

	const cached = store.tokens.get(repo);
	head(cached && cached.expiresAt > now() ? cached : undefined, false);
}

/** Whether an image is in the store (CRI ImageStatus). */
export const hasImage = (store: ImageStore, name: string) => store.images.has(parseImage(name).full);

/** Puts images in the store without a pull: a node that pulled them before the run. */
export function preloadImages(store: ImageStore, names: string[]): void {
	for (const name of names) {
		const image = findImage(parseImage(name));
		if (!image) continue;
		store.images.set(image.ref.full, image);
		for (const b of [image.config, ...image.layers]) store.blobs.add(b.digest);
	}
}
