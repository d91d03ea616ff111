// A live page's way to start a cluster: load the optional components its options switch on (each a
// chunk of its own, fetched in parallel), then start it synchronously with them. The same modules as
// allComponents, started in the same order by the same startCluster, so a run started here gives the
// same trace as one started in Node (live.test.ts).
import { startCluster, type Cluster, type ClusterOptions } from './cluster';
import type { ClusterComponents } from './components';

/** Just the modules `options` switch on; the others stay unloaded. */
export async function loadComponents(options: ClusterOptions): Promise<ClusterComponents> {
	const [nodeLifecycle, endpoints, garbageCollector, kubeProxy, cloud] = await Promise.all([
		options.nodeLifecycle ? import('../controllers/node-controllers') : undefined,
		options.endpoints ? import('../controllers/endpointslice') : undefined,
		options.garbageCollector ? import('../controllers/garbagecollector') : undefined,
		options.kubeProxy ? import('../proxy') : undefined,
		options.cloud ? import('../cloud') : undefined
	]);
	return { nodeLifecycle, endpoints, garbageCollector, kubeProxy, cloud };
}

/** Loads what `options` need, then starts the cluster (nothing has run yet: `startUp` next, as with startCluster). */
export async function loadCluster(options: ClusterOptions): Promise<Cluster> {
	return startCluster(options, await loadComponents(options));
}
