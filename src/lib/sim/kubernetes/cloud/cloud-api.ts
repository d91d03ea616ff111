// A simulated cloud API (component `cloud-api`): it knows each VM's power state and whether it still
// exists, and provisions load balancers. cloud-controller-manager reaches it over `ccm-cloud` with a
// Link (request and answer are messages, not through kube-apiserver); a load balancer is programmed
// over `cloud-lb`. Requests are named after the cloud-provider interface the ccm calls
// (InstancesV2.InstanceExists / InstanceShutdown, LoadBalancer.EnsureLoadBalancer …): a real provider
// turns each into one or more REST calls of its own (e.g. Azure Resource Manager).
import type { Channel } from '../../core/network';
import type { Sim } from '../../core/sim';
import type { Reply } from '../node/link';

export const CLOUD_API = 'cloud-api';

export type CloudRequest =
	| { op: 'InstanceExists'; node: string }
	| { op: 'InstanceShutdown'; node: string }
	| { op: 'EnsureLoadBalancer'; name: string; service: string; nodes: string[]; ports: { port: number; nodePort?: number }[] }
	| { op: 'UpdateLoadBalancer'; name: string; service: string; nodes: string[] }
	| { op: 'EnsureLoadBalancerDeleted'; name: string; service: string };

export type CloudResponse = { ok: true; value: boolean } | { ok: true; ip: string } | { ok: false; message: string };

export interface Vm {
	name: string;
	power: 'running' | 'stopped';
}

export interface CloudOptions {
	/** How long a new load balancer takes to provision (ms, drawn between). Default 5–15 s. */
	provisionMs?: { min: number; max: number };
}

/** The summary a request travels with: "InstanceShutdown(node-2)". */
export function requestText(req: CloudRequest): string {
	switch (req.op) {
		case 'InstanceExists':
		case 'InstanceShutdown':
			return `${req.op}(${req.node})`;
		case 'EnsureLoadBalancer':
			return `EnsureLoadBalancer(${req.name} for ${req.service}: ${req.ports.map((p) => `${p.port} → NodePort ${p.nodePort ?? '?'}`).join(', ')}; backends ${req.nodes.join(', ') || 'none'})`;
		case 'UpdateLoadBalancer':
			return `UpdateLoadBalancer(${req.name} for ${req.service}; backends ${req.nodes.join(', ') || 'none'})`;
		case 'EnsureLoadBalancerDeleted':
			return `EnsureLoadBalancerDeleted(${req.name} for ${req.service})`;
	}
}

export class CloudApi {
	readonly vms = new Map<string, Vm>();
	private readonly balancers = new Map<string, string>();
	private readonly rng;
	private readonly toLb: Channel;
	private nextIp = 0;

	constructor(
		private readonly sim: Sim,
		vms: string[],
		private readonly options: CloudOptions = {}
	) {
		for (const name of vms) this.vms.set(name, { name, power: 'running' });
		this.rng = sim.rng.fork(`component/${CLOUD_API}`);
		this.toLb = sim.net.channel(CLOUD_API, 'load-balancer', 'cloud-lb', { min: 200, max: 800 });
	}

	/** The VM is stopped (powered off, deallocated) or started again; the machine's own processes are the node's business. */
	setPower(name: string, power: Vm['power']): void {
		const vm = this.vms.get(name);
		if (vm) vm.power = power;
	}

	/** A new VM under a name that had been deleted (the class rebuilds node-2): it runs from the start. */
	createVm(name: string): void {
		this.vms.set(name, { name, power: 'running' });
	}

	/** The VM no longer exists (deleted in the portal, scaled in). */
	deleteVm(name: string): void {
		this.vms.delete(name);
	}

	/** Handles a request on arrival; the answer goes back over the link. */
	readonly serve = (req: CloudRequest, reply: Reply<CloudResponse>): void => {
		switch (req.op) {
			case 'InstanceExists': {
				const exists = this.vms.has(req.node);
				return reply({ ok: true, value: exists }, exists ? `200 OK: VM ${req.node} exists` : `404 Not Found: no VM ${req.node}`);
			}
			case 'InstanceShutdown': {
				const vm = this.vms.get(req.node);
				if (!vm) return reply({ ok: false, message: 'instance not found' }, `404 Not Found: no VM ${req.node}`);
				return reply({ ok: true, value: vm.power === 'stopped' }, `200 OK: VM ${req.node} is ${vm.power === 'stopped' ? 'stopped' : 'running'}`);
			}
			case 'EnsureLoadBalancer': {
				const known = this.balancers.get(req.name);
				const ip = known ?? `20.${50 + this.nextIp}.${this.rng.between(1, 254)}.${this.rng.between(1, 254)}`;
				if (!known) this.nextIp++;
				this.balancers.set(req.name, ip);
				const { min, max } = this.options.provisionMs ?? { min: 5_000, max: 15_000 };
				const ms = known ? 0 : this.rng.between(min, max);
				const ports = req.ports.map((p) => `${ip}:${p.port} → NodePort ${p.nodePort ?? '?'}`).join(', ');
				this.toLb.send('request', `program ${req.name}: frontend ${ports} on ${req.nodes.length} backend nodes, health probe on the NodePort`);
				this.sim.queue.schedule({ after: ms }, () => reply({ ok: true, ip }, `200 OK: load balancer ${req.name} ready, frontend IP ${ip}`));
				return;
			}
			case 'UpdateLoadBalancer': {
				if (!this.balancers.has(req.name)) return reply({ ok: false, message: 'not found' }, `404 Not Found: no load balancer ${req.name}`);
				this.toLb.send('request', `update ${req.name}: backend pool ${req.nodes.join(', ') || 'empty'}`);
				return reply({ ok: true, value: true }, `200 OK: load balancer ${req.name} updated`);
			}
			case 'EnsureLoadBalancerDeleted': {
				const existed = this.balancers.delete(req.name);
				if (existed) this.toLb.send('request', `remove ${req.name}`);
				return reply({ ok: true, value: existed }, existed ? `200 OK: load balancer ${req.name} deleted` : `200 OK: no load balancer ${req.name}`);
			}
		}
	};
}
