// What a cluster holds before its run starts: kubectl's user `student` and its rights, and each
// worker's Node as a kubelet that registered earlier left it.
import { defaultPolicy, type Policy } from '../apiserver/rbac';
import type { ControlPlane } from '../control-plane';
import { rfc3339 } from '../objects';
import type { Condition, KubeObject, Node } from '../types';

export const KUBECTL_USER = 'student';
/** A node's InternalIP, as the kubelet reports it (an AKS-like node subnet). */
export const hostIP = (n: number) => `10.224.0.${3 + n}`;

const READ = ['get', 'list', 'watch'];
const EDIT = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** The default policy plus `student`: a RoleBinding in default (edit or view) and a ClusterRole to read Nodes. */
export function studentPolicy(nodes: string[], role: 'edit' | 'view' = 'edit'): Policy {
	const base = defaultPolicy(nodes);
	const resources = ['deployments', 'deployments/scale', 'replicasets', 'pods', 'pods/log', 'services', 'endpointslices', 'events'];
	return {
		users: [...base.users, { name: KUBECTL_USER, groups: ['system:authenticated'] }],
		bindings: [
			...base.bindings,
			{
				subject: KUBECTL_USER,
				rules: [
					{ verbs: role === 'edit' ? EDIT : READ, resources, namespaces: ['default'] },
					{ verbs: READ, resources: ['nodes'] }
				]
			}
		]
	};
}

/** The Node as a kubelet that registered earlier left it: Ready, 2 CPU / 8 GiB, 110 Pods. */
export function nodeObject(cp: ControlPlane, name: string, n: number, epochMs: number): KubeObject {
	const since = rfc3339(epochMs, 0);
	const cond = (type: string, status: Condition['status'], reason: string, message: string): Condition => ({ type, status, reason, message, lastHeartbeatTime: since, lastTransitionTime: since });
	const node: Node = {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: cp.meta(name, undefined, { labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } }),
		spec: { podCIDR: `10.244.${n}.0/24` },
		status: {
			capacity: { cpu: '2', memory: '8Gi', pods: '110' },
			allocatable: { cpu: '1900m', memory: '7Gi', pods: '110' },
			conditions: [
				cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
				cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
				cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
				cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
			],
			addresses: [
				{ type: 'InternalIP', address: hostIP(n) },
				{ type: 'Hostname', address: name }
			],
			nodeInfo: { kubeletVersion: 'v1.36.4', containerRuntimeVersion: 'containerd://2.1.4', osImage: 'Ubuntu 24.04.3 LTS', architecture: 'amd64' }
		}
	};
	return node;
}

