// Service ClusterIP and NodePort allocation. The real allocators pick a random free address from the
// service CIDR (here 10.96.0.0/16 of kubeadm's default 10.96.0.0/12; 10.96.0.1 is the kubernetes
// Service, 10.96.0.10 CoreDNS) and a random free port in 30000–32767. Random from the PRNG, so
// deterministic. Simplified: addresses are not released when a Service is deleted.
import type { Prng } from '../../core/prng';
import type { Service } from '../types';

export class ServiceAllocator {
	private readonly ips = new Set(['10.96.0.0', '10.96.0.1', '10.96.0.10']);
	private readonly ports = new Set<number>();

	constructor(private readonly rng: Prng) {}

	/** Fills spec.clusterIP and, for NodePort and LoadBalancer, each port's nodePort; returns an error text if taken. */
	allocate(svc: Service): string | undefined {
		if (svc.spec.clusterIP) {
			if (this.ips.has(svc.spec.clusterIP)) return `spec.clusterIP: Invalid value: "${svc.spec.clusterIP}": provided IP is already allocated`;
			this.ips.add(svc.spec.clusterIP);
		} else {
			let ip: string;
			do ip = `10.96.${this.rng.int(256)}.${1 + this.rng.int(254)}`;
			while (this.ips.has(ip));
			this.ips.add(ip);
			svc.spec.clusterIP = ip;
		}
		if (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer')
			for (const p of svc.spec.ports) {
				if (p.nodePort === undefined) {
					do p.nodePort = this.rng.between(30000, 32767);
					while (this.ports.has(p.nodePort));
				} else if (this.ports.has(p.nodePort)) return `spec.ports.nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`;
				this.ports.add(p.nodePort);
			}
		return undefined;
	}
}
