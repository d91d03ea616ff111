// A whole cluster assembled from the components, and the recorded scenarios built on it.
export { startCluster, studentPolicy, hostIP, KUBECTL_USER, type Cluster, type ClusterOptions } from './cluster';
export { allComponents } from './all-components';
export { loadCluster, loadComponents } from './load';
export type { ClusterComponents } from './components';
export type { Kubectl } from './kubectl';
export type { KubectlNodes, NodeDone } from './kubectl-node';
export { Recording, clusterTables } from './record';
export { healthyHeartbeat, k1, k2, k3, k3VmDeleted, K1_SECTIONS, type Run } from './scenarios';
export { powerOnAll, randomFaults } from './random-faults';
export { converged, isHeartbeat, settle, startUp, wait, type SettleOptions } from './settle';
export { deploymentsTable, nodeStatus, nodesTable, podStatus, podsTable, replicaSetsTable, tableText } from './tables';
export { k5, servicePropagated, type K5Run } from './k5';
export { endpointSlicesTable, servicesTable } from './tables';
export type { KubeProxy, ProxyRule, ProxyEndpoint } from '../proxy/kube-proxy';
export type { RequestResult, Outcome } from '../proxy/datapath';
