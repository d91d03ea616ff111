// cloud-controller-manager: its own process (component `cloud-controller-manager`), with an ApiClient
// to kube-apiserver over `api-ccm` like any controller, and a client of the cloud's API over
// `ccm-cloud` (a Link, as the kubelet's CRI: messages that do not go through kube-apiserver). It runs
// the cloud node lifecycle controller and the service controller (no route controller, no cloud node
// controller: the preloaded Nodes are initialised already).
import type { ComponentContext } from '../control-plane';
import { DEFAULT_EPOCH } from '../control-plane';
import { rfc3339 } from '../objects';
import type { CloudRequest, CloudResponse } from './cloud-api';
import { startCloudNodeLifecycle } from './node-lifecycle';
import { startServiceController } from './service';

export const CCM = 'cloud-controller-manager';

/** What the ccm holds of the cloud: a way to call it. */
export interface CloudClient {
	call(req: CloudRequest, done: (res: CloudResponse) => void): void;
}

export interface CcmOptions {
	epochMs?: number;
}

/** The service controller first, then node lifecycle: watches Services, then Nodes (shared). */
export function startCloudControllerManager(ctx: ComponentContext, cloud: CloudClient, options: CcmOptions = {}): void {
	const epochMs = options.epochMs ?? DEFAULT_EPOCH;
	const timestamp = () => rfc3339(epochMs, ctx.now());
	const wallNow = () => epochMs + ctx.now();
	startServiceController(ctx, cloud, wallNow);
	startCloudNodeLifecycle(ctx, cloud, timestamp, wallNow);
}
