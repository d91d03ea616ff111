// The OCI image format, as far as the simulator needs it: blobs named by the sha256 of their bytes,
// image configs, manifests and indexes (image-spec v1.1). A blob's bytes are a deterministic synthetic
// text: JSON for configs, manifests and indexes (what a registry really stores, so their digests are
// the sha256 of exactly what is served), and for a layer a description of what the tar holds (its
// parent and the instruction or files that made it). Sizes of layers are declared, not the text's.
import { digestOf } from './sha256';

export const MEDIA = {
	index: 'application/vnd.oci.image.index.v1+json',
	manifest: 'application/vnd.oci.image.manifest.v1+json',
	config: 'application/vnd.oci.image.config.v1+json',
	layer: 'application/vnd.oci.image.layer.v1.tar+gzip'
} as const;

export interface Platform {
	architecture: string;
	os: string;
}

export interface Descriptor {
	mediaType: string;
	digest: string;
	size: number;
	platform?: Platform;
}

/** The runtime part of an image config (the `config` field): what a container of it runs. */
export interface RunConfig {
	User?: string;
	ExposedPorts?: Record<string, Record<string, never>>;
	Env?: string[];
	Entrypoint?: string[];
	Cmd?: string[];
	WorkingDir?: string;
	StopSignal?: string;
}

export interface HistoryEntry {
	created: string;
	created_by: string;
	/** The instruction changed only the config: no layer (docker history shows 0B). */
	empty_layer?: true;
}

export interface ImageConfig {
	created: string;
	architecture: string;
	os: string;
	config: RunConfig;
	rootfs: { type: 'layers'; diff_ids: string[] };
	history: HistoryEntry[];
}

export interface Manifest {
	schemaVersion: 2;
	mediaType: typeof MEDIA.manifest;
	config: Descriptor;
	layers: Descriptor[];
}

export interface Index {
	schemaVersion: 2;
	mediaType: typeof MEDIA.index;
	manifests: Descriptor[];
}

/** Content, named by its digest. */
export interface Blob {
	digest: string;
	mediaType: string;
	size: number;
	text: string;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** A JSON blob (config, manifest, index): its bytes are exactly the JSON text, so its digest is real. */
export function jsonBlob(mediaType: string, value: object): Blob {
	const text = JSON.stringify(value);
	return { digest: digestOf(text), mediaType, size: byteLength(text), text };
}

/** A layer: the compressed blob and the digest of the uncompressed tar (the config's diff_id). */
export interface Layer {
	blob: Blob;
	diffId: string;
}

/**
 * A layer from a description of its contents. The tar and its gzip are different bytes, so the blob
 * digest (what a manifest and a registry name) and the diff_id (what the config names) differ, as in
 * a real image. Same description → same digests, on any machine: that is what makes a cache hit.
 */
export function layerOf(description: string, size: number): Layer {
	return { diffId: digestOf(`tar\n${description}`), blob: { digest: digestOf(`gzip\n${description}`), mediaType: MEDIA.layer, size, text: description } };
}

/** Recomputes a blob's digest from its bytes, as a registry or a daemon checks what it received. */
export const verifiedDigest = (b: Blob): string => (b.mediaType === MEDIA.layer ? layerOf(b.text, b.size).blob.digest : digestOf(b.text));

export const descriptor = (b: Blob, platform?: Platform): Descriptor => ({ mediaType: b.mediaType, digest: b.digest, size: b.size, ...(platform ? { platform } : {}) });

/** A manifest blob for a config and its layers. */
export const manifestOf = (config: Blob, layers: Blob[]): Blob =>
	jsonBlob(MEDIA.manifest, { schemaVersion: 2, mediaType: MEDIA.manifest, config: descriptor(config), layers: layers.map((l) => descriptor(l)) } satisfies Manifest);

/** An index blob listing one manifest per platform. */
export const indexOf = (manifests: { manifest: Blob; platform: Platform }[]): Blob =>
	jsonBlob(MEDIA.index, { schemaVersion: 2, mediaType: MEDIA.index, manifests: manifests.map((m) => descriptor(m.manifest, m.platform)) } satisfies Index);

export const parse = <T>(b: Blob): T => JSON.parse(b.text) as T;

/** The 12 hex characters docker prints for an ID or a layer. */
export const short = (digest: string): string => digest.replace(/^sha256:/, '').slice(0, 12);

/** Content named by digest: the daemon's content store, a registry's blob store. */
export class BlobStore {
	private readonly blobs = new Map<string, Blob>();
	put(b: Blob): Blob {
		const had = this.blobs.get(b.digest);
		// A digest names one content: the same digest with other bytes would be a broken store.
		if (had && had.text !== b.text) throw new Error(`digest collision on ${b.digest}`);
		this.blobs.set(b.digest, b);
		return b;
	}
	get(digest: string): Blob | undefined {
		return this.blobs.get(digest);
	}
	has(digest: string): boolean {
		return this.blobs.has(digest);
	}
	delete(digest: string): void {
		this.blobs.delete(digest);
	}
	get size(): number {
		return this.blobs.size;
	}
}

/** One history entry of an image: the instruction, and the layer it made (none for config-only ones). */
export interface ImageStep {
	createdBy: string;
	/** When the step was made (a base image's steps keep theirs); default: the image's creation time. */
	created?: string;
	layer?: Layer;
}

export interface Assembled {
	config: Blob;
	manifest: Blob;
	layers: Blob[];
}

/** Writes an image's config and manifest from its steps: a layer per step that made one, history for all. */
export function assemble(platform: Platform, run: RunConfig, steps: ImageStep[], created: string): Assembled {
	const layers = steps.flatMap((s) => (s.layer ? [s.layer] : []));
	const config = jsonBlob(MEDIA.config, {
		created,
		architecture: platform.architecture,
		os: platform.os,
		config: run,
		rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
		history: steps.map((s) => ({ created: s.created ?? created, created_by: s.createdBy, ...(s.layer ? {} : { empty_layer: true as const }) }))
	} satisfies ImageConfig);
	return { config, manifest: manifestOf(config, layers.map((l) => l.blob)), layers: layers.map((l) => l.blob) };
}
