// Namespace, Node, Lease and Event: the cluster's own bookkeeping (K3 in flows.md is mostly these).
import type { Condition, ObjectMeta, ObjectReference } from './meta';
import type { ResourceList } from './workloads';

export interface Namespace {
	apiVersion: 'v1';
	kind: 'Namespace';
	metadata: ObjectMeta;
	spec?: { finalizers?: string[] };
	status?: { phase: 'Active' | 'Terminating' };
}

export interface Taint {
	key: string;
	value?: string;
	effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
	timeAdded?: string;
}

export interface NodeStatus {
	capacity?: ResourceList;
	allocatable?: ResourceList;
	/** Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable. */
	conditions?: Condition[];
	addresses?: { type: 'InternalIP' | 'ExternalIP' | 'Hostname'; address: string }[];
	nodeInfo?: { kubeletVersion: string; containerRuntimeVersion: string; osImage?: string; architecture?: string };
	images?: { names: string[]; sizeBytes?: number }[];
}

export interface Node {
	apiVersion: 'v1';
	kind: 'Node';
	metadata: ObjectMeta;
	spec: { podCIDR?: string; unschedulable?: boolean; taints?: Taint[]; providerID?: string };
	status?: NodeStatus;
}

/** A node's heartbeat in kube-node-lease: the kubelet renews spec.renewTime every 10 s. */
export interface Lease {
	apiVersion: 'coordination.k8s.io/v1';
	kind: 'Lease';
	metadata: ObjectMeta;
	spec: { holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string };
}

/** core/v1 Event (what `kubectl describe` and `kubectl events` show). */
export interface Event {
	apiVersion: 'v1';
	kind: 'Event';
	metadata: ObjectMeta;
	involvedObject: ObjectReference;
	reason: string;
	message: string;
	type: 'Normal' | 'Warning';
	source?: { component: string; host?: string };
	count?: number;
	firstTimestamp?: string;
	lastTimestamp?: string;
}
