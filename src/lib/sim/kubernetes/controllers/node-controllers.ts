// kube-controller-manager's node controllers, one optional cluster component (`nodeLifecycle: true`):
// node lifecycle, taint eviction and pod GC, started after Deployment and ReplicaSet on the same
// context, so they share its informers (they add Nodes and Leases).
import type { ComponentContext } from '../control-plane';
import { startNodeLifecycleController } from './node-lifecycle';
import { startPodGarbageCollector } from './pod-gc';
import type { ControllerOptions } from './replicaset';
import { startTaintEvictionController } from './taint-eviction';

export function startNodeControllers(ctx: ComponentContext, options: ControllerOptions = {}): void {
	startNodeLifecycleController(ctx, options);
	startTaintEvictionController(ctx, options);
	startPodGarbageCollector(ctx, options);
}
