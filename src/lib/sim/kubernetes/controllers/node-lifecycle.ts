// The node lifecycle controller of kube-controller-manager (pkg/controller/nodelifecycle): watches
// Nodes, Leases and Pods; every 5 s (nodeMonitorPeriod) checks each Node's heartbeats. A heartbeat is a
// Lease renewTime or a Ready lastHeartbeatTime it has not seen before, and it counts from when the
// controller saw it (probeTimestamp), never from the kubelet's clock. 50 s (nodeMonitorGracePeriod;
// v1.32+, kubernetes/kubernetes#126287; 40 s before) without one: Ready, MemoryPressure, DiskPressure,
// PIDPressure become Unknown (NodeStatusUnknown, "Kubelet stopped posting node status.") in one PUT
// …/status, then the node's Pods get Ready=False (MarkPodsNotReady). The next pass queues the NoExecute
// taint (node-taints.ts); the NoSchedule taint follows the Node update at once. Ready again: both
// taints are removed.
// Every node is in one zone (no topology.kubernetes.io/zone label): no Ready node at all is a
// FullDisruption, which stops tainting and lifts the NoExecute taints, as handleDisruption does.
import type { ApiResult } from '../apiserver/status';
import { DEFAULT_EPOCH, type ComponentContext } from '../control-plane';
import { postEvent, type EventSpec } from '../events';
import { rfc3339 } from '../objects';
import type { Condition, Node, Pod } from '../types';
import { informer } from './informer';
import { NoExecuteTainter, NOT_READY_NO_EXECUTE, readyOf, startNoScheduleTainting, UNREACHABLE_NO_EXECUTE } from './node-taints';
import { hasTaint, patchTaints } from './taints';

export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** WaitForCacheSync polls every 100 ms. */
const SYNC_POLL_MS = 100;
const UNKNOWN_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];
const LARGE_CLUSTER = 50;

export interface NodeLifecycleOptions {
	epochMs?: number;
	monitorPeriodMs?: number;
	gracePeriodMs?: number;
}

type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** ComputeZoneState, with unhealthyZoneThreshold 0.55. */
export function zoneState(statuses: (Condition['status'] | undefined)[]): ZoneState {
	const ready = statuses.filter((s) => s === 'True').length;
	const notReady = statuses.length - ready;
	if (ready === 0 && notReady > 0) return 'FullDisruption';
	if (notReady > 2 && notReady / statuses.length >= 0.55) return 'PartialDisruption';
	return 'Normal';
}

/** The Node's conditions set to Unknown as tryUpdateNodeHealth does; undefined if all already are. */
export function unknownConditions(node: Node, timestamp: string): Condition[] | undefined {
	const conditions = node.status?.conditions ?? [];
	if (!conditions.some((c) => UNKNOWN_TYPES.includes(c.type) && c.status !== 'Unknown')) return undefined;
	return conditions.map((c) =>
		UNKNOWN_TYPES.includes(c.type) && c.status !== 'Unknown' ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: timestamp } : c
	);
}

interface Health {
	/** When this controller last saw a new heartbeat (simulated ms). */
	probe: number;
	heartbeat?: string;
	renewTime?: string;
}

export function startNodeLifecycleController(ctx: ComponentContext, options: NodeLifecycleOptions = {}): void {
	const epochMs = options.epochMs ?? DEFAULT_EPOCH;
	const period = options.monitorPeriodMs ?? NODE_MONITOR_PERIOD_MS;
	const grace = options.gracePeriodMs ?? NODE_MONITOR_GRACE_PERIOD_MS;
	const timestamp = () => rfc3339(epochMs, ctx.now());
	// Events from the recorder of "node-controller": about a Node (in the default namespace) or a Pod.
	const event = (o: Node | Pod, type: EventSpec['type'], reason: string, message: string) => {
		const { name, namespace, uid } = o.metadata;
		postEvent(ctx.client, { involved: { kind: o.kind, apiVersion: 'v1', name, namespace, uid }, type, reason, message, source: 'node-controller' }, epochMs + ctx.now());
	};
	const nodeEvent = (node: Node, what: string) => event(node, 'Normal', what.split(' ')[0] === 'Registered' ? 'RegisteredNode' : 'RemovingNode', `Node ${node.metadata.name} event: ${what}`);
	const nodes = informer(ctx, 'Node');
	const leases = informer(ctx, 'Lease');
	const pods = informer(ctx, 'Pod');
	const tainter = new NoExecuteTainter(ctx, nodes, timestamp);
	const health = new Map<string, Health>();
	/** knownNodeSet: the Nodes the last pass saw. */
	const known = new Map<string, Node>();
	const retry = new Set<string>();
	let zone: ZoneState = 'Initial';

	startNoScheduleTainting(ctx, nodes, timestamp);
	nodes.on({
		delete: (n) => {
			health.delete(n.metadata.name);
			tainter.remove(n.metadata.name);
			retry.delete(n.metadata.name);
		}
	});
	// processPod: a Pod newly bound to a node that is not Ready is marked not ready at once.
	const podUpdated = (old: Pod | undefined, pod: Pod) => {
		const node = pod.spec.nodeName;
		if (!node || node === old?.spec.nodeName || !health.has(node)) return;
		const status = readyOf(nodes.get(`/${node}`))?.status;
		if (status && status !== 'True') markPodsNotReady(node, [pod], () => undefined);
	};
	pods.on({ add: (p) => podUpdated(undefined, p), update: podUpdated });

	const waitForSync = () => (nodes.synced && leases.synced && pods.synced ? monitor() : ctx.after(SYNC_POLL_MS, waitForSync));
	ctx.after(0, waitForSync);

	function monitor(): void {
		ctx.after(period, monitor);
		const list = nodes.list();
		for (const node of list) {
			if (known.has(node.metadata.name)) continue;
			known.set(node.metadata.name, node);
			nodeEvent(node, `Registered Node ${node.metadata.name} in Controller`);
			markReachable(node);
		}
		for (const [name, node] of [...known]) {
			if (list.some((n) => n.metadata.name === name)) continue;
			known.delete(name);
			nodeEvent(node, `Removing Node ${name} from Controller`);
		}
		handleDisruption(list.map(checkNode), list);
	}

	/** tryUpdateNodeHealth and what follows it; returns the Ready status as it is after this pass. */
	function checkNode(node: Node): Condition['status'] | undefined {
		const name = node.metadata.name;
		const now = ctx.now();
		const ready = readyOf(node);
		const renewTime = leases.get(`kube-node-lease/${name}`)?.spec.renewTime;
		let h = health.get(name);
		if (!h) health.set(name, (h = { probe: now, heartbeat: ready?.lastHeartbeatTime, renewTime }));
		if (ready?.lastHeartbeatTime !== h.heartbeat) Object.assign(h, { probe: now, heartbeat: ready?.lastHeartbeatTime });
		if (renewTime && (!h.renewTime || renewTime > h.renewTime)) Object.assign(h, { probe: now, renewTime });
		const observed = ready?.status;
		const after = (current: Condition['status'] | undefined) => {
			processTaintBaseEviction(node, observed);
			const transition = current !== 'True' && observed === 'True';
			if (transition) event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
			if (!transition && !(retry.has(name) && observed !== 'True')) return retry.delete(name);
			const victims = pods.list((p) => p.spec.nodeName === name);
			markPodsNotReady(name, victims, (ok) => {
				if (ok) retry.delete(name);
				else retry.add(name);
			});
		};
		// Passes are 5 s apart plus the pass's own duration, so the tenth after a heartbeat is past the 50 s.
		const conditions = now >= h.probe + grace ? unknownConditions(node, timestamp()) : undefined;
		if (!conditions) {
			after(observed);
			return observed;
		}
		const last = h.renewTime ?? h.heartbeat;
		const silent = last ? `${Math.floor((epochMs + now - Date.parse(last)) / 1000)} s` : 'ever';
		const note = `${name}: ${h.renewTime ? 'Lease' : 'node status'} not renewed for ${silent} (grace period ${grace / 1000} s): Ready=Unknown`;
		ctx.after(
			0,
			() =>
				ctx.client.update<Node>({ ...node, status: { ...node.status, conditions } }, {
					subresource: 'status',
					note: 'Ready=Unknown: Kubelet stopped posting node status.',
					done: (r: ApiResult<Node>) => {
						if (r.ok) after('Unknown');
					}
				}),
			note
		);
		return 'Unknown';
	}

	function processTaintBaseEviction(node: Node, observed: Condition['status'] | undefined): void {
		const name = node.metadata.name;
		const [mine, other] = observed === 'False' ? [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE] : [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
		if (observed === 'True') return markReachable(node);
		if (observed === undefined) return;
		// Already tainted with the other one: swap at once, no queue.
		if (hasTaint(node, other)) {
			ctx.after(0, () => patchTaints(ctx.client, node, { add: [mine], remove: [other], timestamp: timestamp() }), `${name}: Ready=${observed}, so swap the NoExecute taint`);
			return;
		}
		if (!hasTaint(node, mine)) tainter.remove(name);
		tainter.add(name);
	}

	function markReachable(node: Node): void {
		tainter.remove(node.metadata.name);
		const tainted = [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE].filter((t) => hasTaint(node, t));
		if (tainted.length === 0) return;
		const why = zone === 'FullDisruption' ? 'no node is Ready (FullDisruption)' : `Ready=${readyOf(node)?.status ?? 'none'}`;
		ctx.after(0, () => patchTaints(ctx.client, node, { remove: tainted, timestamp: timestamp() }), `${node.metadata.name}: ${why}, so remove its NoExecute taint`);
	}

	/** MarkPodsNotReady: PUT …/status with Ready=False for each Pod on the node, one after another. */
	function markPodsNotReady(node: string, list: Pod[], done: (ok: boolean) => void, ok = true): void {
		const [pod, ...rest] = list;
		if (!pod) return done(ok);
		const conditions = pod.status?.conditions ?? [];
		const ready = conditions.find((c) => c.type === 'Ready');
		if (pod.spec.nodeName !== node || !ready || ready.status === 'False') return markPodsNotReady(node, rest, done, ok);
		const status = { ...pod.status, conditions: conditions.map((c) => (c === ready ? { ...c, status: 'False' as const, lastTransitionTime: timestamp() } : c)) };
		ctx.client.update<Pod>({ ...pod, status }, {
			subresource: 'status',
			note: `Ready=False: node ${node} is not ready`,
			done: (r) => {
				// Recorded after the status write, so the Pod still exists.
				if (r.ok) event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
				markPodsNotReady(node, rest, done, ok && (r.ok || r.code === 404));
			}
		});
	}

	/** handleDisruption for the one zone. */
	function handleDisruption(statuses: (Condition['status'] | undefined)[], list: Node[]): void {
		const next = zoneState(statuses);
		if (list.length === 0 || next === zone) return;
		const was = zone;
		zone = next;
		if (was === 'Initial' && next === 'Normal') return;
		const note = `zone: ${was} → ${next}`;
		ctx.after(
			0,
			() => {
				if (next === 'FullDisruption') {
					tainter.qps = 0;
					for (const node of list) markReachable(node);
					return;
				}
				// Leaving a full disruption: every node gets a fresh grace period.
				if (was === 'FullDisruption') for (const h of health.values()) h.probe = ctx.now();
				tainter.qps = next === 'Normal' ? 0.1 : list.length > LARGE_CLUSTER ? 0.01 : 0;
				tainter.resume();
			},
			next === 'FullDisruption' ? `${note}: no node is Ready; stop tainting, lift NoExecute taints` : `${note}: eviction rate ${next === 'Normal' ? '0.1' : list.length > LARGE_CLUSTER ? '0.01' : '0'} nodes/s`
		);
	}
}
