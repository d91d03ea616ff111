// `POST /images/create?fromImage=…&tag=…`: the daemon pulls, streaming progress to the client as JSON
// messages (the lines docker pull prints), unpacks the layers into snapshots and names the image.
import type { Exchange } from '../http';
import { short } from '../oci';
import { familiarName, familiarTagged, registryHost, type Reference } from '../reference';
import type { DaemonContext } from './context';
import { fetchImage } from './fetch';
import type { LocalImage } from './images';
import { Resolver, type Credentials } from './resolver';

/** One line of progress, as docker's jsonmessage: an id (a layer) with a status, or a status alone. */
export interface Progress {
	id?: string;
	status: string;
}

export const progressText = (p: Progress) => `progress: ${p.id ? `${p.id}: ` : ''}${p.status}`;

export function sendProgress(ex: Exchange | undefined, p: Progress): void {
	ex?.progress(progressText(p), p);
}

export const noSuchHost = (domain: string) => `Get "https://${registryHost(domain)}/v2/": dial tcp: lookup ${registryHost(domain)}: no such host`;

export function pullImage(
	ctx: DaemonContext,
	ref: Reference,
	credentials: Credentials | undefined,
	ex: Exchange | undefined,
	done: (r: { image: LocalImage } | { error: string }) => void
): void {
	const link = ctx.registry(ref.domain);
	if (!link) return done({ error: noSuchHost(ref.domain) });
	const fresh: string[] = [];
	fetchImage(new Resolver(link, credentials), ref, ctx.store.platform, ctx.store.content, {
		resolved: () => sendProgress(ex, { id: ref.tag ?? ref.digest, status: `Pulling from ${ref.domain === 'docker.io' ? ref.path : familiarName(ref)}` }),
		layer(digest, status) {
			if (status === 'Already exists') sendProgress(ex, { id: short(digest), status });
			else fresh.push(digest);
		},
		done(result) {
			if ('error' in result) return done(result);
			const image = ctx.store.all.find((i) => i.target === result.target) ?? ctx.store.add(result.target);
			const source = `${ref.domain}/${ref.path}`;
			for (const b of ctx.store.blobsOf(image)) ctx.store.sources.set(b.digest, new Set([...(ctx.store.sources.get(b.digest) ?? []), source]));
			const finish = (status: string) => {
				ctx.store.tag(ref, image.target);
				sendProgress(ex, { status: `Digest: ${image.target}` });
				sendProgress(ex, { status: `Status: ${status} for ${familiarTagged(ref)}` });
				done({ image });
			};
			if (result.upToDate) return finish('Image is up to date');
			const n = result.layers.length;
			ctx.send(ctx.self, ctx.imageComponent(familiarName(ref)), 'data', `unpack ${n} ${n === 1 ? 'layer' : 'layers'} into snapshots, tag ${familiarTagged(ref)}`, () => {
				for (const d of fresh) sendProgress(ex, { id: short(d), status: 'Pull complete' });
				finish('Downloaded newer image');
			});
		}
	});
}
