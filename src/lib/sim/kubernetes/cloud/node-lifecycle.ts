// cloud-controller-manager's node lifecycle controller (k8s.io/cloud-provider/controllers/nodelifecycle):
// every 5 s (node-monitor-period; the next pass starts 5 s after this one's cloud calls return), for
// each Node: Ready=True → the shutdown taint, if any, is removed. Otherwise the cloud is asked whether
// the VM still exists (gone: the Node is deleted, and with it, by pod GC, its Pods) and whether it is
// shut down (then node.cloudprovider.kubernetes.io/shutdown:NoSchedule). It calls the cloud for every
// node that is not Ready on every pass, as the real one does; it notes only what it changes.
import type { ComponentContext } from '../control-plane';
import { postEvent } from '../events';
import { informer } from '../controllers/informer';
import { readyOf } from '../controllers/node-taints';
import { hasTaint, patchTaints, SHUTDOWN } from '../controllers/taints';
import type { Node, Taint } from '../types';
import type { CloudClient } from './ccm';

export const CCM_NODE_MONITOR_PERIOD_MS = 5_000;
export const SHUTDOWN_TAINT: Taint = { key: SHUTDOWN, effect: 'NoSchedule' };

export function startCloudNodeLifecycle(ctx: ComponentContext, cloud: CloudClient, timestamp: () => string, wallNow: () => number): void {
	const nodes = informer(ctx, 'Node');
	const pass = () => (nodes.synced ? monitor(nodes.list(), () => ctx.after(CCM_NODE_MONITOR_PERIOD_MS, pass)) : ctx.after(100, pass));
	ctx.after(0, pass);

	/** MonitorNodes: one node after another, then `done`. */
	function monitor(list: Node[], done: () => void): void {
		const [node, ...rest] = list;
		if (!node) return done();
		const next = () => monitor(rest, done);
		const name = node.metadata.name;
		if (readyOf(node)?.status === 'True') {
			if (!hasTaint(node, SHUTDOWN_TAINT)) return next();
			ctx.after(0, () => patchTaints(ctx.client, node, { remove: [SHUTDOWN_TAINT], timestamp: timestamp(), done: next }), `${name}: Ready again, so remove the shutdown taint`);
			return;
		}
		cloud.call({ op: 'InstanceExists', node: name }, (exists) => {
			if (!exists.ok || !('value' in exists)) return next();
			if (!exists.value) {
				const { uid } = node.metadata;
				const deleteNode = () => {
					postEvent(ctx.client, { involved: { kind: 'Node', name, uid }, type: 'Normal', reason: 'DeletingNode', message: `Deleting node ${name} because it does not exist in the cloud provider`, source: 'cloud-node-lifecycle-controller' }, wallNow());
					ctx.client.delete('Node', { name }, { note: 'its VM no longer exists', done: next });
				};
				ctx.after(0, deleteNode, `${name}: not Ready and its VM no longer exists, so delete the Node`);
				return;
			}
			cloud.call({ op: 'InstanceShutdown', node: name }, (shutdown) => {
				if (!shutdown.ok || !('value' in shutdown) || !shutdown.value || hasTaint(node, SHUTDOWN_TAINT)) return next();
				ctx.after(0, () => patchTaints(ctx.client, node, { add: [SHUTDOWN_TAINT], timestamp: timestamp(), done: next }), `${name}: not Ready and its VM is shut down, so taint it ${SHUTDOWN}:NoSchedule`);
			});
		});
	}
}
