// BuildKit, the daemon's builder: it resolves the FROM image's metadata with the registry (every build),
// fetches it into the build cache if it is not there (a cached base is not an image: docker images does
// not list it), then runs the Dockerfile's steps, each a cache hit (CACHED) or a run, and exports the
// image: config, manifest and a name. Progress is streamed in the plain format of `--progress=plain`.
import type { DaemonContext } from '../daemon/context';
import { fetchImage } from '../daemon/fetch';
import { Resolver } from '../daemon/resolver';
import { assemble, short, type ImageConfig, type ImageStep, type Layer } from '../oci';
import { familiarName, familiarTagged, fullName, parseReference, ReferenceError, type Reference } from '../reference';
import { iso } from '../daemon/context';
import { DockerfileError, excerpt, parseDockerfile, substitute, type Instruction } from './dockerfile';
import { applyStep, makeLayer, MissingFile, type BuildState } from './steps';

export interface BuildRequest {
	dockerfile: string;
	files: Record<string, string>;
	tags: string[];
	buildArgs: Record<string, string>;
	noCache: boolean;
}

export type BuildResult = { id: string; cached: number; ran: number } | { error: string; lines: string[] };

const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

export class BuildKit {
	/** Cache key → the layer a step made (undefined for config-only steps). */
	private readonly cache = new Map<string, Layer | undefined>();
	private runs = 0;
	/** Blobs of the base images fetched for FROM. */
	private readonly bases = new Set<string>();
	private vertex = 0;

	/** `ctx.self` is buildkit: its registry links are its own (buildkit → hub). */
	constructor(private readonly ctx: DaemonContext) {}

	/** Digests the build cache holds: the base images' blobs and cached layers (rmi must keep them). */
	pinned(): Set<string> {
		return new Set([...this.bases, ...[...this.cache.values()].flatMap((l) => (l ? [l.blob.digest] : []))]);
	}

	solve(req: BuildRequest, progress: (lines: string[]) => void, done: (r: BuildResult) => void): void {
		this.vertex = 0;
		const { sim } = this.ctx;
		const failWith = (error: string, lines: string[] = []) => done({ error, lines: [...lines, `ERROR: failed to build: failed to solve: ${error}`] });
		let instructions: Instruction[];
		let tags: Reference[];
		try {
			instructions = parseDockerfile(req.dockerfile);
			tags = req.tags.map(parseReference);
		} catch (e) {
			if (e instanceof DockerfileError) return failWith(e.line ? `dockerfile parse error on line ${e.line}: ${e.message}` : e.message, e.line ? excerpt(req.dockerfile, e.line) : []);
			if (e instanceof ReferenceError) return done({ error: e.message, lines: [`ERROR: failed to build: invalid tag: ${e.message}`] });
			throw e;
		}
		const v = () => this.nextVertex();
		progress(['#0 building with "default" instance using docker driver', '']);
		const size = new TextEncoder().encode(req.dockerfile).length;
		const d = v();
		progress([`${d} [internal] load build definition from Dockerfile`, `${d} transferring dockerfile: ${size}B done`, `${d} DONE 0.0s`, '']);
		const vars = new Map(Object.entries(req.buildArgs));
		const args = instructions.filter((i, n) => i.keyword === 'ARG' && n < instructions.findIndex((x) => x.keyword === 'FROM'));
		for (const a of args) if (!vars.has(a.raw.split('=')[0]!)) vars.set(a.raw.split('=')[0]!, a.raw.split('=')[1] ?? '');
		const from = instructions.find((i) => i.keyword === 'FROM')!;
		let base: Reference;
		try {
			base = parseReference(substitute(from.raw.split(/\s+/)[0]!, vars));
		} catch (e) {
			return failWith(`failed to parse stage name "${from.raw}": ${(e as Error).message}`);
		}
		const link = this.ctx.registry(base.domain);
		if (!link) return failWith(`failed to resolve source metadata for ${fullName(base)}: no such host`);
		const resolver = new Resolver(link, undefined);
		const meta = v();
		const t0 = sim.now;
		fetchImage(resolver, base, this.ctx.store.platform, this.ctx.store.content, {
			resolved: () => progress([`${meta} [internal] load metadata for ${fullName(base)}`, `${meta} DONE ${secs(sim.now - t0)}`, '']),
			done: (r) => {
				if ('error' in r) return failWith(`${familiarTagged(base)}: failed to resolve source metadata for ${fullName(base)}: ${r.error}`);
				// The base stays in the build cache: described, not added to the images docker images lists.
				const image = this.ctx.store.describe(r.target);
				const config = this.ctx.store.config(image);
				for (const b of this.ctx.store.blobsOf(image)) {
					this.bases.add(b.digest);
					// Where the blob came from, so a push to the same registry can mount it (containerd's
					// distribution-source label).
					const sources = this.ctx.store.sources;
					sources.set(b.digest, new Set([...(sources.get(b.digest) ?? []), `${base.domain}/${base.path}`]));
				}
				const baseComponent = this.ctx.imageComponent(familiarName(base));
				const steps = instructions.filter((i) => i.keyword !== 'FROM' && !args.includes(i));
				const numbered = 1 + steps.filter((i) => ['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(i.keyword)).length;
				const fromLine = `[1/${numbered}] FROM ${fullName({ ...base, digest: r.target })}`;
				const kept = (then: () => void) =>
					r.upToDate ? (progress([`${v()} ${fromLine}`, `#${this.vertex} CACHED`, '']), then()) : this.ctx.send('buildkit', baseComponent, 'data', `keep ${familiarTagged(base)} in the build cache (not listed by docker images)`, () => (progress([`${v()} ${fromLine}`, `#${this.vertex} DONE ${secs(sim.now - t0)}`, '']), then()));
				const state: BuildState = { run: structuredClone(config.config), vars, key: image.manifest, top: config.rootfs.diff_ids.at(-1) ?? 'scratch' };
				for (const e of config.config.Env ?? []) vars.set(e.split('=')[0]!, e.split('=').slice(1).join('='));
				const baseLayers = this.ctx.store.layerPairs(image);
				const history: ImageStep[] = config.history.map((h, n) => ({ createdBy: h.created_by, created: h.created, ...(h.empty_layer ? {} : { layer: baseLayers[countLayers(config, n)]! }) }));
				let index = 1;
				let cached = 0;
				let ran = 0;
				const context = steps.some((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
				const next = (n: number) => {
					const i = steps[n];
					if (!i) return this.export(tags, state, history, progress, (id) => done({ id, cached, ran }));
					let step;
					try {
						step = applyStep(state, i, req.files);
					} catch (e) {
						if (e instanceof MissingFile) return failWith(`failed to compute cache key: failed to calculate checksum of ref: ${e.message}`);
						throw e;
					}
					const label = step.numbered ? `[${++index}/${numbered}] ${i.keyword} ${i.raw}` : undefined;
					const hit = !req.noCache && this.cache.has(step.key);
					// CMD, EXPOSE, ENTRYPOINT and ARG keep their parent's key: they have no cache entry of their own.
					const own = step.key !== state.key;
					const layer = !step.layer ? undefined : hit ? this.cache.get(step.key) : makeLayer(state, step, ++this.runs);
					if (own) this.cache.set(step.key, layer);
					state.key = step.key;
					if (layer) state.top = layer.diffId;
					history.push({ createdBy: step.createdBy, ...(layer ? { layer } : {}) });
					if (!label) return next(n + 1);
					const id = v();
					if (hit || !step.layer) {
						if (hit) cached++;
						progress([`${id} ${label}`, `${id} ${hit ? 'CACHED' : 'DONE 0.0s'}`, '']);
						return next(n + 1);
					}
					ran++;
					const failing = i.keyword === 'RUN' ? i.raw.match(/^(?:false|exit (\d+))$/) : null;
					const ms = /apt-get|apk|pip|npm|dnf|yum/.test(i.raw) ? 8000 + sim.rng.fork(`run-${this.runs}`).int(6000) : 300 + sim.rng.fork(`run-${this.runs}`).int(700);
					const started = sim.now;
					const what = i.keyword === 'RUN' ? `run ${i.raw} in a temporary container; snapshot the changes as a layer` : `copy ${i.args.slice(0, -1).join(' ')} from the build context into a layer`;
					this.ctx.send('buildkit', baseComponent, 'data', what, () =>
						sim.queue.schedule({ after: ms }, () => {
							if (failing) {
								const msg = `process "/bin/sh -c ${i.raw}" did not complete successfully: exit code: ${failing[1] ?? 1}`;
								progress([`${id} ${label}`, `${id} ERROR: ${msg}`, '']);
								return failWith(msg, excerpt(req.dockerfile, i.line));
							}
							progress([`${id} ${label}`, `${id} DONE ${secs(sim.now - started)}`, '']);
							next(n + 1);
						})
					);
				};
				if (context) {
					const c = v();
					const bytes = Object.values(req.files).reduce((s, f) => s + new TextEncoder().encode(f).length, 0);
					kept(() => (progress([`${c} [internal] load build context`, `${c} transferring context: ${bytes}B done`, `${c} DONE 0.0s`, '']), next(0)));
				} else kept(() => next(0));
			}
		});
	}

	private nextVertex(): string {
		return `#${++this.vertex}`;
	}

	private export(tags: Reference[], state: BuildState, history: ImageStep[], progress: (lines: string[]) => void, done: (id: string) => void): void {
		const { sim, store } = this.ctx;
		const built = assemble(store.platform, state.run, history, iso(this.ctx.clock()));
		for (const b of [built.config, built.manifest, ...built.layers]) store.content.put(b);
		const target = tags[0] ? this.ctx.imageComponent(familiarName(tags[0])) : 'buildkit';
		const id = this.nextVertex();
		const t0 = sim.now;
		this.ctx.send('buildkit', target, 'data', `write config ${short(built.config.digest)}…, manifest ${short(built.manifest.digest)}…; ${tags.length ? `name ${tags.map(familiarTagged).join(', ')}` : 'no name (dangling)'}; unpack the layers`, () => {
			store.add(built.manifest.digest);
			for (const t of tags) store.tag(t, built.manifest.digest);
			const names = tags.map((t) => `${id} naming to ${fullName(t)} done`);
			progress([
				`${id} exporting to image`,
				`${id} exporting layers done`,
				`${id} exporting manifest ${built.manifest.digest} done`,
				`${id} exporting config ${built.config.digest} done`,
				...names,
				...tags.map((t) => `${id} unpacking to ${fullName(t)} done`),
				`${id} DONE ${secs(sim.now - t0)}`
			]);
			done(built.manifest.digest);
		});
	}
}

/** How many layers come before history entry n (its layer's index, if it has one). */
const countLayers = (config: ImageConfig, n: number) => config.history.slice(0, n).filter((h) => !h.empty_layer).length;
