// What a page that runs the cluster live (the sandbox, issue 15) would load: start a cluster, run it,
// read its tables. Recorded scenarios and test support stay out. bench/sim/run.js measures this bundle.
export { startCluster } from '$lib/sim/kubernetes/cluster/cluster';
export { settle, startUp, wait } from '$lib/sim/kubernetes/cluster/settle';
export { clusterTables } from '$lib/sim/kubernetes/cluster/record';
