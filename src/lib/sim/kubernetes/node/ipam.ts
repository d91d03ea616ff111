// Pod IPs from the node's range, as the host-local IPAM plugin hands them out: .1 is the bridge's
// gateway, addresses are given in turn after the last one reserved (a freed address is not reused
// at once, so a new Pod rarely gets the IP a dying one just had), wrapping round at the end.

export class Ipam {
	private readonly prefix: string;
	private readonly size: number;
	private readonly used = new Set<number>();
	private last: number;

	/** cidr: a /24 such as 10.244.1.0/24 (the only size modelled). */
	constructor(cidr: string, lastReserved = 1) {
		const [base = '', bits = '24'] = cidr.split('/');
		if (bits !== '24') throw new RangeError(`only /24 Pod ranges are modelled, not ${cidr}`);
		this.prefix = base.split('.').slice(0, 3).join('.');
		this.size = 254;
		this.last = lastReserved;
	}

	allocate(): string | undefined {
		for (let i = 1; i <= this.size; i++) {
			const host = ((this.last - 1 + i) % this.size) + 1;
			if (host === 1 || this.used.has(host)) continue;
			this.used.add(host);
			this.last = host;
			return `${this.prefix}.${host}`;
		}
		return undefined;
	}

	release(ip: string): void {
		this.used.delete(Number(ip.split('.')[3]));
	}

	/** A reboot: nothing runs any more (host-local keeps its files, but every sandbox is gone). */
	clear(): void {
		this.used.clear();
	}
}
