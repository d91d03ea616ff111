// POST /commit: a container's writable layer becomes a new image (moby daemon/commit.go
// CreateImageFromContainer, daemon/containerd/image_commit.go). A running container is paused first
// (pause=true is the default, so no file changes mid-copy: the cgroup freezer) and resumed after. The new
// image is the container's image's layers plus one layer with the files written in the container, and a
// config that keeps the image's (Cmd, Entrypoint, ports, stop signal) with a history entry whose created_by
// is the container's command. On the containerd store its ID is the new manifest's digest; 201 {"Id": …}.
import type { Exchange } from '../http';
import { jsonBlob, layerOf, manifestOf, MEDIA, short, type ImageConfig } from '../oci';
import { familiarName, familiarTagged, parseReference, ReferenceError } from '../reference';
import { commandLine, type Container } from './container';
import { iso, type DaemonContext } from './context';
import { fail, noSuchContainer } from './errors';

/** A tar entry's header is 512 bytes, its content padded to 512: the declared size of the new layer. */
const tarSize = (files: Map<string, string>) => [...files.values()].reduce((n, text) => n + 512 + Math.ceil(new TextEncoder().encode(text).length / 512) * 512, 1024);

export function commit(ctx: DaemonContext, find: (ref: string) => Container | undefined, q: URLSearchParams, ex: Exchange): void {
	const ref = q.get('container') ?? '';
	const c = find(ref);
	if (!c) return fail(ex, 404, noSuchContainer(ref));
	const repo = q.get('repo');
	let name;
	try {
		name = repo ? parseReference(`${repo}:${q.get('tag') || 'latest'}`) : undefined;
	} catch (e) {
		if (e instanceof ReferenceError) return fail(ex, 400, e.message);
		throw e;
	}
	const { store } = ctx;
	const image = store.describe(c.imageTarget);
	const base = store.config(image);
	const files = [...c.writable].sort(([a], [b]) => (a < b ? -1 : 1));
	const layer = layerOf(`commit of ${c.id}\nparent ${image.manifest}\n${files.map(([path, text]) => `${path}\n${text}`).join('\n')}`, tarSize(c.writable));
	const created = iso(ctx.clock());
	const config = jsonBlob(MEDIA.config, {
		...base,
		created,
		rootfs: { type: 'layers', diff_ids: [...base.rootfs.diff_ids, layer.diffId] },
		history: [...base.history, { created, created_by: commandLine(c.argv) }]
	} satisfies ImageConfig);
	const manifest = manifestOf(config, [...store.layers(image), layer.blob]);
	const running = c.state === 'running';
	const pause = q.get('pause') !== '0' && q.get('pause') !== 'false' && running;
	const target = ctx.imageComponent(name ? familiarName(name) : familiarName(parseReference(c.image)));
	const write = () =>
		ctx.send(
			ctx.self,
			target,
			'data',
			`${c.name}'s writable layer → 1 new layer ${short(layer.blob.digest)} on the image's ${store.layers(image).length}; config ${short(config.digest)}…, manifest ${short(manifest.digest)}…${name ? `; name ${familiarTagged(name)}` : ''}`,
			() => {
				for (const b of [layer.blob, config, manifest]) store.content.put(b);
				store.add(manifest.digest);
				if (name) store.tag(name, manifest.digest);
				const answer = () => ex.reply({ status: 201, body: { Id: manifest.digest }, summary: `201 Created {"Id":"${manifest.digest.slice(0, 19)}…"}` });
				if (pause) ctx.send(ctx.self, 'containerd', 'request', `resume task ${c.name}`, answer);
				else answer();
			}
		);
	if (pause) ctx.send(ctx.self, 'containerd', 'request', `pause task ${c.name} (cgroup freezer)`, write);
	else write();
}
