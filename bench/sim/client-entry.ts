// What a page that runs the cluster live (the sandbox, issue 15) would load: start a cluster, run it,
// read its tables. Recorded scenarios and test support stay out, and so do the optional components
// (node lifecycle, EndpointSlice, garbage collector, kube-proxy, cloud): loadCluster fetches each as
// a chunk of its own when the options switch it on. bench/sim/run.js measures the entry chunk (the
// first load with default options) and each optional chunk.
export { loadCluster } from '$lib/sim/kubernetes/cluster/load';
export { settle, startUp, wait } from '$lib/sim/kubernetes/cluster/settle';
export { clusterTables } from '$lib/sim/kubernetes/cluster/record';
