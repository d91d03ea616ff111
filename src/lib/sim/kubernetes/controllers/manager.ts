// kube-controller-manager's controllers that always run: Deployment and ReplicaSet. The optional ones
// (node lifecycle, EndpointSlice, garbage collector) are modules of their own that a cluster starts on
// the same context when its options switch them on, so a live page that leaves them off never loads them.
import type { ComponentContext } from '../control-plane';
import { startDeploymentController } from './deployment';
import { startReplicaSetController, type ControllerOptions } from './replicaset';

/** Deployment first (its watches open first, as in the real start-up order), then ReplicaSet. */
export function startControllerManager(ctx: ComponentContext, options: ControllerOptions = {}): void {
	startDeploymentController(ctx, options);
	startReplicaSetController(ctx, options);
}
