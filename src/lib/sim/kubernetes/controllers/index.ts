// kube-controller-manager's controllers. Started with one ComponentContext, they share its informers:
// one LIST-then-WATCH per kind for the process, as a SharedInformerFactory gives. A cluster imports
// `manager.ts` and loads the optional ones on their own (cluster/components.ts), never this barrel,
// which would pull every controller into a live page's first load.
export { startControllerManager } from './manager';
export { startNodeControllers } from './node-controllers';
export { startDeploymentController } from './deployment';
export { startReplicaSetController, type ControllerOptions } from './replicaset';
export { startNodeLifecycleController, type NodeLifecycleOptions } from './node-lifecycle';
export { startTaintEvictionController } from './taint-eviction';
export { startPodGarbageCollector } from './pod-gc';
export { startEndpointSliceController, type EndpointSliceOptions } from './endpointslice';
export { startGarbageCollector, GC_KINDS } from './garbagecollector';
