// The simulator's client bundle as a live page would load it (client-entry.ts), split as Vite splits
// an app: the entry chunk with every chunk it imports statically is the first load (the budget applies
// to it); each optional component (loadCluster's dynamic imports) is a chunk of its own, fetched only
// when a cluster switches it on. Chunks shared by two components (the node taint helpers, used by the
// node controllers and the cloud) are reported on their own and counted in each component's total.
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';

/** The module loadCluster imports for each ClusterOptions flag (cluster/load.ts). */
const FLAGS = {
	'controllers/node-controllers.ts': 'nodeLifecycle',
	'controllers/endpointslice.ts': 'endpoints',
	'controllers/garbagecollector.ts': 'garbageCollector',
	'proxy/index.ts': 'kubeProxy',
	'cloud/index.ts': 'cloud'
};

const kb = (n) => Math.round((n / 1024) * 10) / 10;
const size = (chunks) => {
	const code = chunks.map((c) => Buffer.from(c.code));
	// Each chunk is its own response, compressed on its own.
	return { raw: kb(code.reduce((s, c) => s + c.length, 0)), gzip: kb(code.reduce((s, c) => s + gzipSync(c, { level: 9 }).length, 0)) };
};

/** Bundles `entry` minified, split into chunks; returns the first load's size and each optional component's. */
export async function clientBundle(entry, alias) {
	// allow-extension: shared modules may join the entry chunk, as in Vite's app builds (without it,
	// rolldown moves every module a dynamic chunk shares with the entry into chunks of their own).
	const { output } = await build({
		input: entry,
		resolve: { alias },
		platform: 'neutral',
		preserveEntrySignatures: 'allow-extension',
		logLevel: 'silent',
		write: false,
		output: { format: 'esm', minify: true, entryFileNames: 'client.js', chunkFileNames: '[name].js' }
	});
	const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
	/** A chunk and everything it imports statically, minus what is loaded already. */
	const closure = (name, loaded = new Set()) => {
		const seen = new Set();
		const visit = (n) => {
			if (seen.has(n) || loaded.has(n)) return;
			seen.add(n);
			for (const i of chunks.get(n)?.imports ?? []) visit(i);
		};
		visit(name);
		return [...seen];
	};
	const entryChunk = [...chunks.values()].find((c) => c.isEntry);
	const base = new Set(closure(entryChunk.fileName));
	const optional = {};
	for (const c of chunks.values()) {
		if (!c.isDynamicEntry) continue;
		const flag = Object.entries(FLAGS).find(([path]) => c.facadeModuleId?.endsWith(path))?.[1] ?? c.name;
		const files = closure(c.fileName, base);
		optional[flag] = { ...size(files.map((f) => chunks.get(f))), chunks: files };
	}
	return { base: { ...size([...base].map((f) => chunks.get(f))), chunks: [...base] }, optional, everythingOn: size([...chunks.values()]) };
}
