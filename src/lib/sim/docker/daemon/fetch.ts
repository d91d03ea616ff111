// Fetching an image from a registry into a content store, as containerd's fetcher does for the daemon
// (and BuildKit for a FROM): HEAD the tag (the first request; a 401 challenge gets a token), then the
// index by digest, the manifest for this platform, the config, and only the layers not already held,
// three at a time (dockerd's max-concurrent-downloads). Every blob is checked against its digest.
import type { BlobStore } from '../oci';
import { MEDIA, parse, verifiedDigest, type Blob, type Index, type Manifest, type Platform } from '../oci';
import { familiarName, type Reference } from '../reference';
import type { HttpResponse } from '../http';
import type { Resolver } from './resolver';

export interface Fetched {
	target: string;
	/** The target was already in the store: nothing was downloaded. */
	upToDate: boolean;
	layers: Blob[];
}

export interface FetchHooks {
	/** The tag resolved to a digest (the HEAD was answered 200): the pull really starts. */
	resolved?(target: string): void;
	/** A layer that is already held (`Already exists`) or just arrived and was verified. */
	layer?(digest: string, status: 'Already exists' | 'Download complete'): void;
	done(result: Fetched | { error: string }): void;
}

const CONCURRENT_DOWNLOADS = 3;

export function pullError(ref: Reference, res: HttpResponse): string {
	const name = familiarName(ref);
	if (res.status === 401 || res.status === 403)
		return `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
	if (res.status === 404) return `manifest for ${name}:${ref.tag ?? ref.digest} not found: manifest unknown: manifest unknown`;
	if (res.status === 429) return res.summary?.replace(/^429 Too Many Requests: /, '') ?? 'toomanyrequests';
	return `unexpected status from registry: ${res.status}`;
}

export function fetchImage(resolver: Resolver, ref: Reference, platform: Platform, content: BlobStore, hooks: FetchHooks): void {
	const base = `/v2/${ref.path}`;
	// Downloads run in parallel: the first failure ends the fetch, and nothing after it is reported.
	let finished = false;
	const finish = (r: Fetched | { error: string }) => {
		if (!finished) hooks.done(r);
		finished = true;
	};
	const fail = (res: HttpResponse) => finish({ error: pullError(ref, res) });
	const get = (path: string, note: string | undefined, then: (b: Blob) => void) =>
		resolver.send({ method: 'GET', path, ...(note ? { note } : {}) }, (res) => {
			const blob = res.body as Blob | undefined;
			if (res.status !== 200 || !blob) return fail(res);
			if (verifiedDigest(blob) !== blob.digest || !path.endsWith(blob.digest)) return finish({ error: `failed to verify ${path}: digest mismatch` });
			then(content.put(blob));
		});
	resolver.send({ method: 'HEAD', path: `${base}/manifests/${ref.digest ?? ref.tag}` }, (res) => {
		const target = res.headers?.['docker-content-digest'];
		if (res.status !== 200 || !target) return fail(res);
		hooks.resolved?.(target);
		const held = content.get(target);
		if (held) return finish({ target, upToDate: true, layers: [] });
		const index = res.headers?.['content-type'] === MEDIA.index;
		get(`${base}/manifests/${target}`, index ? 'the index' : undefined, (root) => {
			if (root.mediaType !== MEDIA.index) return manifest(target, root);
			const m = parse<Index>(root).manifests.find((d) => d.platform?.os === platform.os && d.platform.architecture === platform.architecture);
			if (!m) return finish({ error: `no matching manifest for ${platform.os}/${platform.architecture} in the manifest list entries` });
			get(`${base}/manifests/${m.digest}`, `${platform.os}/${platform.architecture}`, (b) => manifest(target, b));
		});
	});
	function manifest(target: string, b: Blob) {
		const m = parse<Manifest>(b);
		get(`${base}/blobs/${m.config.digest}`, 'the config', () => {
			const missing = m.layers.filter((l) => !content.has(l.digest));
			for (const l of m.layers) if (content.has(l.digest)) hooks.layer?.(l.digest, 'Already exists');
			const complete = () => finish({ target, upToDate: false, layers: m.layers.map((d) => content.get(d.digest)!) });
			let next = 0;
			let arrived = 0;
			const start = () => {
				const l = missing[next++];
				if (!l) return;
				get(`${base}/blobs/${l.digest}`, 'a layer', () => {
					if (finished) return;
					hooks.layer?.(l.digest, 'Download complete');
					if (++arrived === missing.length) return complete();
					start();
				});
			};
			if (missing.length === 0) return complete();
			for (let i = 0; i < Math.min(CONCURRENT_DOWNLOADS, missing.length); i++) start();
		});
	}
}
