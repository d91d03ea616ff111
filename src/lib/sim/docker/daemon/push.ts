// `POST /images/{name}/push?tag=…`: the daemon pushes what the name points to, as containerd's pusher
// does (distribution-spec "Pushing blobs"): for each layer and the config, HEAD the blob; 200 → already
// there ("Layer already exists"); 404 → mount it from a repository of the same registry it came from
// (201, "Mounted from …") or upload it (POST → 202 with a Location, then PUT ?digest= with the bytes →
// 201, "Pushed"). Then the manifest, PUT by tag, unless the tag already names the same digest.
import type { Exchange } from '../http';
import { short, type Blob } from '../oci';
import type { Reference } from '../reference';
import type { DaemonContext } from './context';
import type { LocalImage } from './images';
import { noSuchHost, sendProgress } from './pull';
import { Resolver, type Credentials } from './resolver';

type Done = (r: { digest: string; size: number } | { error: string }) => void;

export function pushImage(ctx: DaemonContext, ref: Reference, image: LocalImage, credentials: Credentials | undefined, ex: Exchange | undefined, done: Done): void {
	const link = ctx.registry(ref.domain);
	if (!link) return done({ error: noSuchHost(ref.domain) });
	const tag = ref.tag ?? 'latest';
	const base = `/v2/${ref.path}`;
	const repo = `${ref.domain}/${ref.path}`;
	const blobs = ctx.store.blobsOf(image);
	const layers = ctx.store.layers(image);
	const config = blobs.find((b) => b.digest === image.config)!;
	// A multi-platform image pulled here holds one platform's content: push that platform's manifest.
	const manifest = blobs.find((b) => b.digest === image.manifest)!;
	// containerd's choice (core/remotes/docker/pusher.go selectRepositoryMountCandidate): the blob's
	// distribution-source label lists repositories sorted; of those other than the target, the one sharing the
	// most leading path components with it, the later on a tie. So a Debian layer that came with both
	// library/debian and library/nginx is mounted from library/nginx.
	const mountFrom = (digest: string) => {
		const target = ref.path.split('/');
		const shared = (s: string) => {
			const parts = s.split('/');
			let n = 0;
			while (n < parts.length && parts[n] === target[n]) n++;
			return n;
		};
		const candidates = [...(ctx.store.sources.get(digest) ?? [])].filter((s) => s.startsWith(`${ref.domain}/`) && s !== repo).map((s) => s.slice(ref.domain.length + 1)).sort();
		let best: string | undefined;
		for (const c of candidates) if (best === undefined || shared(c) >= shared(best)) best = c;
		return best;
	};
	const mountScopes = [...new Set(layers.map((l) => mountFrom(l.digest)).filter((s): s is string => !!s))].map((p) => `repository:${p}:pull`);
	const resolver = new Resolver(link, credentials, [`repository:${ref.path}:pull,push`, ...mountScopes]);
	const denied = () => done({ error: 'denied: requested access to the resource is denied' });
	let failed = false;
	const fail = (status: number) => {
		if (failed) return;
		failed = true;
		if (status === 401 || status === 403) denied();
		else done({ error: `unexpected status from registry: ${status}` });
	};
	const remember = (digest: string) => ctx.store.sources.set(digest, new Set([...(ctx.store.sources.get(digest) ?? []), repo]));

	sendProgress(ex, { status: `The push refers to repository [${repo}]` });
	const upload = (b: Blob, isLayer: boolean, then: () => void) => {
		const say = (status: string) => isLayer && sendProgress(ex, { id: short(b.digest), status });
		resolver.send({ method: 'HEAD', path: `${base}/blobs/${b.digest}`, note: isLayer ? undefined : 'the config' }, (head) => {
			if (head.status === 200) return (say('Layer already exists'), remember(b.digest), then());
			if (head.status !== 404) return fail(head.status);
			const from = isLayer ? mountFrom(b.digest) : undefined;
			const post = from ? `${base}/blobs/uploads/?mount=${b.digest}&from=${from}` : `${base}/blobs/uploads/`;
			resolver.send({ method: 'POST', path: post }, (started) => {
				if (started.status === 201) return (say(`Mounted from ${from}`), remember(b.digest), then());
				const location = started.headers?.location;
				if (started.status !== 202 || !location) return fail(started.status);
				resolver.send({ method: 'PUT', path: `${location}?digest=${b.digest}`, body: b, kind: 'data', note: isLayer ? `${short(b.digest)}, ${b.size} bytes` : 'the config' }, (put) => {
					if (put.status !== 201) return fail(put.status);
					say('Pushed');
					remember(b.digest);
					then();
				});
			});
		});
	};
	// Top layer first, as docker prints them; then the config; one blob at a time keeps the log readable.
	const queue: [Blob, boolean][] = [...[...layers].reverse().map((l): [Blob, boolean] => [l, true]), [config, false]];
	const next = () => {
		const item = queue.shift();
		if (!item) return putManifest();
		upload(item[0], item[1], next);
	};
	const putManifest = () =>
		resolver.send({ method: 'HEAD', path: `${base}/manifests/${tag}` }, (head) => {
			const finish = () => {
				sendProgress(ex, { status: `${tag}: digest: ${manifest.digest} size: ${manifest.size}` });
				done({ digest: manifest.digest, size: manifest.size });
			};
			if (head.status === 200 && head.headers?.['docker-content-digest'] === manifest.digest) return finish();
			resolver.send({ method: 'PUT', path: `${base}/manifests/${tag}`, body: manifest, note: `image manifest ${short(manifest.digest)}` }, (put) => (put.status === 201 ? finish() : fail(put.status)));
		});
	next();
}
