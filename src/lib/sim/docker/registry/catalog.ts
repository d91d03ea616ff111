// The images Docker Hub starts with: official images in `library/`, each an index with a manifest for
// linux/amd64 and linux/arm64. nginx:latest follows nginx/docker-nginx mainline/debian/Dockerfile: FROM
// debian:trixie-slim (1 layer), one RUN and five COPY (7 layers for linux/amd64); its base layer is the
// very same blob as debian:trixie-slim's, so pulling one after the other downloads it once. Layer bytes
// are synthetic (a description of the tar), so the digests are real sha256 values but not Docker Hub's.
import { assemble, indexOf, layerOf, type ImageStep, type Platform, type RunConfig } from '../oci';
import type { Registry } from './registry';

export const PLATFORMS: Platform[] = [
	{ architecture: 'amd64', os: 'linux' },
	{ architecture: 'arm64', os: 'linux' }
];
export const CATALOG_CREATED = '2026-11-17T00:00:00Z';

type StepSpec = [createdBy: string, layerSize?: number];

interface CatalogImage {
	path: string;
	tag: string;
	run: RunConfig;
	steps: StepSpec[];
	/** The image this one is built FROM: its steps come first, with the same layers. */
	from?: CatalogImage;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const DEBIAN: CatalogImage = {
	path: 'library/debian',
	tag: 'trixie-slim',
	run: { Env: [PATH], Cmd: ['bash'] },
	steps: [["# debian.sh --arch 'ARCH' out/ 'trixie' '@1763337600'", 29_727_081], ['CMD ["bash"]']]
};

export const NGINX: CatalogImage = {
	path: 'library/nginx',
	tag: 'latest',
	from: DEBIAN,
	run: { ExposedPorts: { '80/tcp': {} }, Env: [PATH, 'NGINX_VERSION=1.29.3', 'NJS_VERSION=0.9.4', 'PKG_RELEASE=1~trixie'], Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], StopSignal: 'SIGQUIT' },
	steps: [
		['LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'],
		['ENV NGINX_VERSION=1.29.3'],
		['ENV NJS_VERSION=0.9.4'],
		['ENV PKG_RELEASE=1~trixie'],
		['RUN /bin/sh -c set -x && groupadd --system --gid 101 nginx && … apt-get install nginx … # buildkit', 42_180_306],
		['COPY docker-entrypoint.sh / # buildkit', 628],
		['COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', 956],
		['COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', 404],
		['COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', 1_209],
		['COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', 1_398],
		['ENTRYPOINT ["/docker-entrypoint.sh"]'],
		['EXPOSE map[80/tcp:{}]'],
		['STOPSIGNAL SIGQUIT'],
		['CMD ["nginx" "-g" "daemon off;"]']
	]
};

export const ALPINE: CatalogImage = {
	path: 'library/alpine',
	tag: 'latest',
	run: { Env: [PATH], Cmd: ['/bin/sh'] },
	steps: [['ADD alpine-minirootfs-3.22.2-ARCH.tar.gz / # buildkit', 3_802_452], ['CMD ["/bin/sh"]']]
};

export const BUSYBOX: CatalogImage = {
	path: 'library/busybox',
	tag: 'latest',
	run: { Env: [PATH], Cmd: ['sh'] },
	steps: [['ADD busybox.tar.xz / # buildkit', 2_153_117], ['CMD ["sh"]']]
};

/** The steps of an image for one platform, its base's first; a layer's contents name its parent chain. */
export function stepsFor(image: CatalogImage, platform: Platform): ImageStep[] {
	const base = image.from ? stepsFor(image.from, platform) : [];
	let parent = base.filter((s) => s.layer).at(-1)?.layer?.diffId ?? 'scratch';
	const own = image.steps.map(([createdBy, size]): ImageStep => {
		const text = createdBy.replace('ARCH', platform.architecture);
		if (size === undefined) return { createdBy: text };
		const layer = layerOf(`parent ${parent}\n${platform.os}/${platform.architecture}\n${text}`, size);
		parent = layer.diffId;
		return { createdBy: text, layer };
	});
	// A derived image's history holds its base's whole history (debian's CMD ["bash"] too), then its own.
	return [...base, ...own];
}

/** Puts an image into a registry as an index over its platforms. */
export function seedImage(registry: Registry, image: CatalogImage): void {
	const built = PLATFORMS.map((platform) => ({ platform, ...assemble(platform, image.run, stepsFor(image, platform), CATALOG_CREATED) }));
	const index = indexOf(built.map((b) => ({ manifest: b.manifest, platform: b.platform })));
	registry.seed(
		image.path,
		image.tag,
		built.flatMap((b) => [b.config, ...b.layers]),
		built.map((b) => b.manifest).concat(index),
		index
	);
}

export const HUB_CATALOG: CatalogImage[] = [NGINX, DEBIAN, ALPINE, BUSYBOX];
