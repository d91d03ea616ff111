// The daemon's image store (the containerd image store of a fresh Docker Engine 29): content blobs
// by digest, images by the digest their name points to (an index for a pulled multi-platform image, a
// manifest for a local build), and names for them. With this store the IMAGE ID docker prints is that
// target digest (moby daemon/containerd/image_list.go, `ID: target.Digest`). An image that lost its
// last name but is kept is dangling: listed as <none>. It also remembers where each blob came from
// (containerd's distribution-source label), so a push to the same registry can mount instead of upload.
import { BlobStore, MEDIA, parse, type Blob, type ImageConfig, type Index, type Manifest, type Platform } from '../oci';
import { familiarName, fullName, parseReference, type Reference } from '../reference';

export interface LocalImage {
	/** What a name points to: the index (pulled) or the manifest (built); also the image ID. */
	target: string;
	/** The manifest for this host's platform. */
	manifest: string;
	config: string;
}

export class ImageStore {
	readonly content = new BlobStore();
	private readonly images = new Map<string, LocalImage>();
	/** Full name (docker.io/library/nginx:latest) → target digest, in the order names were given. */
	private readonly names = new Map<string, string>();
	/** Blob digest → repositories it was pulled from or pushed to: docker.io/library/debian. */
	readonly sources = new Map<string, Set<string>>();

	constructor(readonly platform: Platform) {}

	/** Adds an image whose blobs are already in `content`; returns it. */
	add(target: string): LocalImage {
		const image = this.describe(target);
		this.images.set(target, image);
		return image;
	}

	/** What `target` is for this platform (manifest and config), without listing it as an image. */
	describe(target: string): LocalImage {
		const root = this.must(target);
		let manifest = target;
		if (root.mediaType === MEDIA.index) {
			const m = parse<Index>(root).manifests.find((d) => d.platform?.os === this.platform.os && d.platform.architecture === this.platform.architecture);
			if (!m) throw new Error(`no matching manifest for ${this.platform.os}/${this.platform.architecture} in the manifest list entries`);
			manifest = m.digest;
		}
		return { target, manifest, config: parse<Manifest>(this.must(manifest)).config.digest };
	}

	/** Points a name at an image; returns the image the name pointed to before, if another. */
	tag(ref: Reference, target: string): string | undefined {
		const key = fullName({ ...ref, digest: undefined });
		const before = this.names.get(key);
		this.names.set(key, target);
		return before === target ? undefined : before;
	}

	untag(ref: Reference): boolean {
		return this.names.delete(fullName({ ...ref, digest: undefined }));
	}

	/** An image by name (nginx, nginx:latest) or by ID or a unique ID prefix (a8758716bb6a). */
	resolve(text: string): LocalImage | undefined {
		const hex = text.replace(/^sha256:/, '');
		if (/^[0-9a-f]{4,64}$/.test(hex)) {
			const hits = [...this.images.keys()].filter((d) => d.slice(7).startsWith(hex));
			if (hits.length === 1) return this.images.get(hits[0]!);
		}
		try {
			const target = this.names.get(fullName({ ...parseReference(text), digest: undefined }));
			return target ? this.images.get(target) : undefined;
		} catch {
			return undefined;
		}
	}

	namesOf(target: string): string[] {
		return [...this.names].filter(([, t]) => t === target).map(([n]) => n);
	}

	get all(): LocalImage[] {
		return [...this.images.values()];
	}

	config(image: LocalImage): ImageConfig {
		return parse<ImageConfig>(this.must(image.config));
	}

	/** The image's layers and its config's diff_ids, paired. */
	layerPairs(image: LocalImage): { blob: Blob; diffId: string }[] {
		const ids = this.config(image).rootfs.diff_ids;
		return this.layers(image).map((blob, i) => ({ blob, diffId: ids[i]! }));
	}

	layers(image: LocalImage): Blob[] {
		return parse<Manifest>(this.must(image.manifest)).layers.map((d) => this.must(d.digest));
	}

	/** Every blob an image is made of: its root, manifests, config and layers. */
	blobsOf(image: LocalImage): Blob[] {
		const root = this.must(image.target);
		const manifests = root.mediaType === MEDIA.index ? [root, this.must(image.manifest)] : [root];
		return [...manifests, this.must(image.config), ...this.layers(image)];
	}

	/** Removes an image and the blobs nothing else holds (`keep`: digests the build cache still uses). */
	delete(target: string, keep: Set<string> = new Set()): void {
		const image = this.images.get(target);
		if (!image) return;
		const gone = this.blobsOf(image);
		this.images.delete(target);
		for (const [n, t] of this.names) if (t === target) this.names.delete(n);
		const live = new Set([...keep, ...this.all.flatMap((i) => this.blobsOf(i).map((b) => b.digest))]);
		for (const b of gone) if (!live.has(b.digest)) this.content.delete(b.digest);
	}

	/** `docker images --format table` rows: REPOSITORY, TAG, IMAGE ID, CREATED (ms since), SIZE (bytes). */
	list(): { repository: string; tag: string; image: LocalImage; created: string; size: number }[] {
		const rows = [...this.names].map(([name, target]) => {
			const ref = parseReference(name);
			return { repository: familiarName(ref), tag: ref.tag ?? '<none>', image: this.images.get(target)! };
		});
		const dangling = this.all.filter((i) => this.namesOf(i.target).length === 0).map((image) => ({ repository: '<none>', tag: '<none>', image }));
		return [...rows, ...dangling]
			.map((r) => ({ ...r, created: this.config(r.image).created, size: this.sizeOf(r.image) }))
			.sort((a, b) => (a.created === b.created ? 0 : a.created < b.created ? 1 : -1));
	}

	/** Content size: the layers as stored (compressed) and the config. */
	sizeOf(image: LocalImage): number {
		return this.layers(image).reduce((n, l) => n + l.size, 0) + this.must(image.config).size;
	}

	private must(digest: string): Blob {
		const b = this.content.get(digest);
		if (!b) throw new Error(`content ${digest} missing`);
		return b;
	}
}
