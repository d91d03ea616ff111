// The optional components a cluster starts only when its options switch them on, each one module:
// node lifecycle (kube-controller-manager's node controllers), the EndpointSlice controller, the
// garbage collector, kube-proxy with the data path, the cloud. startCluster takes them as modules, so
// the cluster itself imports none of them: a live page loads only the ones it switches on
// (loadCluster, load.ts), while Node code (recorded runs, tests, the bench) passes allComponents.
// Type-only imports here: nothing of theirs is bundled with the cluster.
import type * as NodeControllers from '../controllers/node-controllers';
import type * as EndpointSlice from '../controllers/endpointslice';
import type * as GarbageCollector from '../controllers/garbagecollector';
import type * as KubeProxyAndDataPath from '../proxy';
import type * as Cloud from '../cloud';

/** Keyed by the ClusterOptions flag that switches each on. */
export interface ClusterComponents {
	nodeLifecycle?: typeof NodeControllers;
	endpoints?: typeof EndpointSlice;
	garbageCollector?: typeof GarbageCollector;
	kubeProxy?: typeof KubeProxyAndDataPath;
	cloud?: typeof Cloud;
}

export type ComponentFlag = keyof ClusterComponents;

/** The module for a flag the cluster switches on. Throws if the caller did not supply it, rather than start a cluster without it. */
export function component<F extends ComponentFlag>(components: ClusterComponents, flag: F): NonNullable<ClusterComponents[F]> {
	const m = components[flag];
	if (!m) throw new Error(`startCluster({ ${flag}: true }) needs that component: pass allComponents (Node, tests) or start it with loadCluster`);
	return m;
}
