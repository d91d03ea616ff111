// The node's two heartbeats (flows.md K3, KW reference/node/node-status.md): the kubelet's lease
// controller renews the Lease kube-node-lease/<node> every 10 s (a PUT of the last copy it has; a
// failed PUT makes it GET the Lease again), and the node status is posted when it changes or every
// 5 minutes. The node lifecycle controller reads both; when they stop, nothing is sent at all.
import type { Timer } from '../../core/queue';
import type { ApiClient } from '../client';
import type { Condition, Lease, NewObject } from '../types';

export const RENEW_MS = 10_000;
export const NODE_STATUS_MS = 300_000;
const LEASE_SECONDS = 40;

export interface HeartbeatDeps {
	node: string;
	hostIP: string;
	client: ApiClient;
	now(): number;
	timestamp(): string;
	after(ms: number, fn: () => void, note?: string): Timer;
}

export class Heartbeat {
	private lease?: Lease;
	/** When the conditions last changed: this kubelet's start (they stay the same while it runs). */
	private readonly since: string;

	constructor(private readonly k: HeartbeatDeps) {
		this.since = k.timestamp();
	}

	/** Starts both loops: the first renewal after `leaseDelay`, the first status post after `statusDelay`. */
	start(leaseDelay: number, statusDelay: number): void {
		this.k.after(leaseDelay, () => this.renew());
		this.k.after(statusDelay, () => this.postStatus('Ready=True'));
	}

	/** POST the Node with its status (registration); 409 AlreadyExists means it is registered already. */
	register(then: () => void): void {
		const node: NewObject<'Node'> & { kind: 'Node' } = {
			kind: 'Node',
			metadata: { name: this.k.node, labels: { 'kubernetes.io/hostname': this.k.node, 'kubernetes.io/os': 'linux' } },
			spec: {},
			status: {
				capacity: { cpu: '2', memory: '8Gi', pods: '110' },
				allocatable: { cpu: '1900m', memory: '7Gi', pods: '110' },
				conditions: this.conditions(),
				addresses: [
					{ type: 'InternalIP', address: this.k.hostIP },
					{ type: 'Hostname', address: this.k.node }
				]
			}
		};
		this.k.client.create(node, { note: 'register the node', done: () => then() });
	}

	private renew(): void {
		this.k.after(RENEW_MS, () => this.renew(), 'renew Lease');
		if (this.lease) return this.put(this.lease);
		const key = { name: this.k.node, namespace: 'kube-node-lease' };
		this.k.client.get('Lease', key, {
			done: (r) => {
				if (r.ok) return this.put(r.object);
				if (r.code !== 404) return;
				const spec = { holderIdentity: this.k.node, leaseDurationSeconds: LEASE_SECONDS, renewTime: this.k.timestamp() };
				this.k.client.create({ kind: 'Lease', metadata: { name: this.k.node, namespace: 'kube-node-lease' }, spec }, { done: (c) => (this.lease = c.ok ? c.object : undefined) });
			}
		});
	}

	private put(lease: Lease): void {
		const next: Lease = { ...lease, spec: { ...lease.spec, holderIdentity: this.k.node, leaseDurationSeconds: LEASE_SECONDS, renewTime: this.k.timestamp() } };
		this.k.client.update(next, { note: `renewTime ${next.spec.renewTime ?? ''}`, done: (r) => (this.lease = r.ok ? r.object : undefined) });
	}

	/** PATCH nodes/<node>/status with the conditions the kubelet owns (the whole list: a merge patch replaces lists). */
	postStatus(note: string, again = true): void {
		if (again) this.k.after(NODE_STATUS_MS, () => this.postStatus('Ready=True, every 5 min'));
		this.k.client.patch('Node', { name: this.k.node }, { status: { conditions: this.conditions() } }, { subresource: 'status', note });
	}

	private conditions(): Condition[] {
		const at = this.k.timestamp();
		const since = this.since;
		const ok = (type: string, reason: string, message: string): Condition => ({ type, status: 'False', reason, message, lastHeartbeatTime: at, lastTransitionTime: since });
		return [
			ok('MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
			ok('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
			ok('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
			{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at, lastTransitionTime: since }
		];
	}
}
