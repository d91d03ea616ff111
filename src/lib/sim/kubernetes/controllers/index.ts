// kube-controller-manager's workload controllers. Started with one ComponentContext, they share its
// informers: one LIST-then-WATCH per kind for the process, as a SharedInformerFactory gives.
import type { ComponentContext } from '../control-plane';
import { startDeploymentController } from './deployment';
import { startReplicaSetController, type ControllerOptions } from './replicaset';

export { startDeploymentController } from './deployment';
export { startReplicaSetController, type ControllerOptions } from './replicaset';

/** Both controllers, Deployment first (its watches open first, as in the real start-up order). */
export function startControllerManager(ctx: ComponentContext, options: ControllerOptions = {}): void {
	startDeploymentController(ctx, options);
	startReplicaSetController(ctx, options);
}
export { startEndpointSliceController, type EndpointSliceOptions } from './endpointslice';
export { startGarbageCollector, GC_KINDS } from './garbagecollector';
