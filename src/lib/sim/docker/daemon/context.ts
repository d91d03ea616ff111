// What the daemon's parts share: the run, the image store, its links to registries and to the local
// components it drives (containerd, the docker0 bridge, the image store drawn as images). Parts reach
// registries only through `registry(domain)`, an HTTP link; credentials come with each request
// (X-Registry-Auth), as the daemon keeps none: `docker login` stores them on the client side.
import type { MessageKind } from '$lib/model/types';
import type { Sim } from '../../core/sim';
import type { HttpLink } from '../http';
import type { ImageStore } from './images';

export interface DaemonContext {
	sim: Sim;
	/** The daemon's own component id: dockerd (buildkit for BuildKit's own registry traffic). */
	self: string;
	store: ImageStore;
	/** The link from this component to a registry's host, or undefined for an unknown registry. */
	registry(domain: string): HttpLink | undefined;
	/** A message between local components (dockerd, containerd, runc, bridge, img-…, ctr-…); `then` runs on arrival. */
	send(from: string, to: string, kind: MessageKind, summary: string, then?: () => void): void;
	/** The scene component drawing an image by name: nginx → img-nginx. */
	imageComponent(familiar: string): string;
	/** The scene component drawing a container by name: web → ctr-web. */
	containerComponent(name: string): string;
	/** Wall-clock time of the simulated host, for `created` fields: epoch + simulated time. */
	clock(): number;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
