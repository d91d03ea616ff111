// kube-proxy and the data path: one optional cluster component (`kubeProxy: true`), loaded as one
// module by a live page that switches it on (cluster/components.ts).
export { startKubeProxy, type KubeProxy, type ProxyEndpoint, type ProxyRule } from './kube-proxy';
export { dataPath, type Outcome, type RequestResult } from './datapath';
