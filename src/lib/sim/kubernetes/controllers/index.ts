// kube-controller-manager's controllers. Started with one ComponentContext, they share its informers:
// one LIST-then-WATCH per kind for the process, as a SharedInformerFactory gives.
import type { ComponentContext } from '../control-plane';
import { startDeploymentController } from './deployment';
import { startNodeLifecycleController } from './node-lifecycle';
import { startPodGarbageCollector } from './pod-gc';
import { startReplicaSetController, type ControllerOptions } from './replicaset';
import { startTaintEvictionController } from './taint-eviction';

export { startDeploymentController } from './deployment';
export { startReplicaSetController, type ControllerOptions } from './replicaset';
export { startNodeLifecycleController, type NodeLifecycleOptions } from './node-lifecycle';
export { startTaintEvictionController } from './taint-eviction';
export { startPodGarbageCollector } from './pod-gc';

export interface ControllerManagerOptions extends ControllerOptions {
	/** Also the node lifecycle, taint eviction and pod GC controllers (they watch Nodes and Leases too). */
	nodeLifecycle?: boolean;
}

/** Deployment first (its watches open first, as in the real start-up order), then ReplicaSet; the node controllers last. */
export function startControllerManager(ctx: ComponentContext, options: ControllerManagerOptions = {}): void {
	startDeploymentController(ctx, options);
	startReplicaSetController(ctx, options);
	if (!options.nodeLifecycle) return;
	startNodeLifecycleController(ctx, options);
	startTaintEvictionController(ctx, options);
	startPodGarbageCollector(ctx, options);
}
export { startEndpointSliceController, type EndpointSliceOptions } from './endpointslice';
export { startGarbageCollector, GC_KINDS } from './garbagecollector';
