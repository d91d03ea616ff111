// cloud-controller-manager's service controller (k8s.io/cloud-provider/controllers/service): watches
// Services and Nodes. A Service of type LoadBalancer without the load balancer it asks for gets one:
// EnsureLoadBalancer on the cloud (named "a" + the Service's uid without dashes, 32 characters, as
// cloudprovider.DefaultLoadBalancerName), then PATCH …/services/<s>/status with
// status.loadBalancer.ingress. A deleted Service (or one no longer of type LoadBalancer) has its load
// balancer removed. Backends are every Node (StableLoadBalancerNodeSet: readiness does not count); a
// Node added or deleted updates every load balancer's backends (nodeSyncLoop, UpdateLoadBalancer).
import type { ComponentContext } from '../control-plane';
import { postEvent } from '../events';
import { informer, keyOf } from '../controllers/informer';
import { WorkQueue } from '../controllers/workqueue';
import type { Service } from '../types';
import type { CloudClient } from './ccm';

export const loadBalancerName = (svc: Service) => `a${(svc.metadata.uid ?? '').replace(/-/g, '')}`.slice(0, 32);
const wantsLb = (svc: Service | undefined) => svc?.spec.type === 'LoadBalancer' && !svc.metadata.deletionTimestamp;
const ports = (svc: Service) => svc.spec.ports.map((p) => ({ port: p.port, nodePort: p.nodePort }));

export function startServiceController(ctx: ComponentContext, cloud: CloudClient, wallNow: () => number): void {
	const event = (svc: Service, reason: string, message: string) => {
		const { name, namespace, uid } = svc.metadata;
		postEvent(ctx.client, { involved: { kind: 'Service', apiVersion: 'v1', name, namespace, uid }, type: 'Normal', reason, message, source: 'service-controller' }, wallNow());
	};
	const services = informer(ctx, 'Service');
	const nodes = informer(ctx, 'Node');
	/** What this controller last ensured, by key: the load balancer's name and ports (its cache of cachedService). */
	const ensured = new Map<string, { name: string; service: string; ports: string; last: Service; hosts: string }>();
	const queue = new WorkQueue(ctx, sync);
	services.on({
		add: (s) => queue.add(keyOf(s)),
		update: (_, s) => queue.add(keyOf(s)),
		delete: (s) => queue.add(keyOf(s))
	});
	let nodeSync = false;
	const nodesChanged = () => {
		if (nodeSync) return;
		nodeSync = true;
		ctx.after(0, () => {
			nodeSync = false;
			syncNodes();
		});
	};
	nodes.on({ add: nodesChanged, delete: nodesChanged });

	/** nodeSyncLoop: every load balancer whose backends are not the current Nodes is updated. */
	function syncNodes(): void {
		const hosts = nodes.list().map((n) => n.metadata.name);
		for (const [key, e] of ensured) {
			if (e.hosts === hosts.join(', ')) continue;
			e.hosts = hosts.join(', ');
			const update = () =>
				cloud.call({ op: 'UpdateLoadBalancer', name: e.name, service: key, nodes: hosts }, (r) => {
					if (r.ok) event(e.last, 'UpdatedLoadBalancer', 'Updated load balancer with new hosts');
				});
			ctx.after(0, update, `${key}: the Nodes are now ${e.hosts}, so update load balancer ${e.name}`);
		}
	}

	function sync(key: string, done: (retry?: boolean) => void): void {
		const svc = services.get(key);
		const had = ensured.get(key);
		if (!wantsLb(svc) || !svc) {
			if (!had) return done();
			const note = `${key}: ${svc ? 'no longer of type LoadBalancer' : 'deleted'}, so delete load balancer ${had.name}`;
			ctx.after(
				0,
				() => {
					// About the Service as last seen, even once it is gone (the real one keeps it in its cache).
					event(svc ?? had.last, 'DeletingLoadBalancer', 'Deleting load balancer');
					cloud.call({ op: 'EnsureLoadBalancerDeleted', name: had.name, service: had.service }, (r) => {
						if (!r.ok) return done(true);
						ensured.delete(key);
						event(svc ?? had.last, 'DeletedLoadBalancer', 'Deleted load balancer');
						if (!svc?.status?.loadBalancer.ingress?.length) return done();
						ctx.client.patch('Service', svc.metadata, { status: { loadBalancer: {} } }, { subresource: 'status', note: 'loadBalancer.ingress removed', done: (p) => done(!p.ok) });
					});
				},
				note
			);
			return;
		}
		const backends = nodes.list().map((n) => n.metadata.name);
		const want = { name: loadBalancerName(svc), service: key, ports: JSON.stringify(ports(svc)), last: svc, hosts: backends.join(', ') };
		const ingress = svc.status?.loadBalancer.ingress ?? [];
		if (had && had.ports === want.ports && ingress.length > 0) return done();
		const note = `${key}: type LoadBalancer ${had ? 'with other ports' : 'and no load balancer yet'}, so ensure load balancer ${want.name}`;
		ctx.after(
			0,
			() => {
				event(svc, 'EnsuringLoadBalancer', 'Ensuring load balancer');
				cloud.call({ op: 'EnsureLoadBalancer', name: want.name, service: key, nodes: backends, ports: ports(svc) }, (r) => {
					if (!r.ok || !('ip' in r)) return done(true);
					ensured.set(key, want);
					event(svc, 'EnsuredLoadBalancer', 'Ensured load balancer');
					if (ingress.length === 1 && ingress[0]?.ip === r.ip) return done();
					const status = { loadBalancer: { ingress: [{ ip: r.ip }] } };
					ctx.client.patch('Service', svc.metadata, { status }, { subresource: 'status', note: `loadBalancer.ingress ${r.ip}`, done: (p) => done(!p.ok) });
				});
			},
			note
		);
	}
}
