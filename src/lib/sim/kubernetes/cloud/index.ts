// The cloud API and cloud-controller-manager: one optional cluster component (`cloud: true`), loaded
// as one module by a live page that switches it on (cluster/components.ts).
export { CloudApi, CLOUD_API, requestText, type CloudRequest, type CloudResponse } from './cloud-api';
export { CCM, startCloudControllerManager } from './ccm';
