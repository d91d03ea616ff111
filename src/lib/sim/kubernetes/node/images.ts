// Image references and the few images the simulated registry serves. Digests are made up but stable:
// hashed from a label, so the same image has the same digests in every run and on every node, and two
// images that share a base layer share its digest (which is what lets a node skip that layer).
import { Prng } from '../../core/prng';

export interface ImageRef {
	/** docker.io/library/nginx:latest: what containerd resolves. */
	full: string;
	/** library/nginx: the repository path in /v2/… URLs. */
	repo: string;
	tag: string;
}

/** The normalisation containerd and Docker apply: no registry → docker.io, one path part → library/, no tag → latest. */
export function parseImage(image: string): ImageRef {
	const slash = image.indexOf('/');
	const hasRegistry = slash > 0 && /[.:]|^localhost$/.test(image.slice(0, slash));
	let path = hasRegistry ? image.slice(slash + 1) : image;
	const colon = path.lastIndexOf(':');
	const tag = colon > path.lastIndexOf('/') ? path.slice(colon + 1) : 'latest';
	if (colon > path.lastIndexOf('/')) path = path.slice(0, colon);
	const repo = !hasRegistry && !path.includes('/') ? `library/${path}` : path;
	return { full: `${hasRegistry ? image.slice(0, slash) : 'docker.io'}/${repo}:${tag}`, repo, tag };
}

/** A stable sha256-looking digest for a label. */
export function digestOf(label: string): string {
	const rng = new Prng(`digest/${label}`);
	let hex = '';
	for (let i = 0; i < 8; i++) hex += rng.nextUint32().toString(16).padStart(8, '0');
	return `sha256:${hex}`;
}

/** The short form the log shows: sha256:3f1c9a2b0d7e… (twelve hex digits are enough to tell blobs apart). */
export const shortDigest = (digest: string) => `${digest.slice(0, 19)}…`;

export interface Blob {
	digest: string;
	/** Compressed size in bytes: the download time follows from it. */
	size: number;
}

export interface Image {
	ref: ImageRef;
	/** The multi-platform index the tag points to, and the linux/amd64 manifest in it. */
	index: string;
	manifest: string;
	config: Blob;
	layers: Blob[];
	/** STOPSIGNAL of the image: nginx's Dockerfile sets SIGQUIT (graceful shutdown). */
	stopSignal: string;
	/** How long the main process takes to exit after the stop signal; Infinity: it ignores it (PID 1 without a handler). */
	stopMs: number;
}

const MB = 1_000_000;
const blob = (label: string, size: number): Blob => ({ digest: digestOf(label), size });

function image(name: string, layers: [string, number][], stopSignal: string, stopMs: number): Image {
	const ref = parseImage(name);
	return {
		ref,
		index: digestOf(`${ref.full}/index`),
		manifest: digestOf(`${ref.full}/linux-amd64`),
		config: blob(`${ref.full}/config`, 8_000),
		layers: layers.map(([label, size]) => blob(label, size)),
		stopSignal,
		stopMs
	};
}

// nginx on Debian: 7 layers (the base, nginx itself, then small entrypoint scripts), about 70 MB.
const NGINX_LAYERS: [string, number][] = [
	['debian-bookworm-slim', 28_200_000],
	['nginx-1.29', 41_800_000],
	['nginx-entrypoint', 600],
	['nginx-docker-entrypoint.d', 900],
	['nginx-10-listen-on-ipv6', 1_300],
	['nginx-20-envsubst', 1_200],
	['nginx-30-tune-workers', 1_400]
];

/** What the registry serves. nginx:1.27 shares the Debian base layer with nginx:latest. */
export const CATALOG: Image[] = [
	image('nginx:latest', NGINX_LAYERS, 'SIGQUIT', 300),
	image('nginx:1.27', [['debian-bookworm-slim', 28_200_000], ['nginx-1.27', 41_500_000], ...NGINX_LAYERS.slice(2)], 'SIGQUIT', 300),
	// busybox running `sleep` as PID 1 has no SIGTERM handler: it is killed at the end of the grace period.
	image('busybox:latest', [['busybox-1.37', 2_200_000]], 'SIGTERM', Infinity)
];

export const findImage = (ref: ImageRef) => CATALOG.find((i) => i.ref.full === ref.full);

export const megabytes = (bytes: number) => (bytes < MB ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / MB).toFixed(1)} MB`);
