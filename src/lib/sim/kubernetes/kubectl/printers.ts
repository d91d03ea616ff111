// `kubectl get` tables as kubectl prints them (pkg/printers/internalversion/printers.go): the real
// columns and `-o wide` extras, AGE from the simulated clock (duration.HumanDuration), cells padded to
// the widest plus three spaces (tabwriter, padding 3), the last column unpadded.
import { formatSelector } from '../apiserver/selectors';
import { podStatus } from '../cluster/tables';
import type { Deployment, EndpointSlice, Event, KubeObject, Node, Pod, ReplicaSet, Service } from '../types';
import type { ResourceType } from './command';

export interface Table {
	columns: string[];
	rows: string[][];
}

/** duration.HumanDuration: `45s`, `5m3s`, `12m`, `3h20m`, `2d4h`… */
export function humanDuration(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	if (seconds < -1) return '<invalid>';
	if (seconds < 0) return '0s';
	if (seconds < 120) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
	if (minutes < 180) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
	if (hours < 48) return `${hours}h`;
	if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
	const days = Math.floor(hours / 24);
	if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${Math.floor(days / 365)}y` : `${Math.floor(days / 365)}y${days % 365}d`;
	return `${Math.floor(days / 365)}y`;
}

/** An age as kubectl prints it: from a timestamp to the (simulated) wall clock now. */
export const age = (timestamp: string | undefined, nowMs: number) => (timestamp ? humanDuration(nowMs - Date.parse(timestamp)) : '<unknown>');

/** tabwriter with padding 3: each cell but the last padded to its column's widest cell plus three. */
export function formatTable({ columns, rows }: Table): string {
	const all = [columns, ...rows];
	const widths = columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
	return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('')).join('\n');
}

const orNone = (s: string | undefined) => (s ? s : '<none>');
const containers = (spec: { containers: { name: string; image: string }[] }) => [spec.containers.map((c) => c.name).join(','), spec.containers.map((c) => c.image).join(',')];

function podRow(p: Pod, now: number, wide: boolean): string[] {
	const statuses = p.status?.containerStatuses ?? [];
	const ready = statuses.filter((c) => c.ready).length;
	const restarts = statuses.reduce((n, c) => n + c.restartCount, 0);
	const lastRestart = Math.max(...statuses.map((c) => Date.parse(c.lastState?.terminated?.finishedAt ?? '') || 0));
	const restartText = restarts > 0 && lastRestart > 0 ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
	const row = [p.metadata.name, `${ready}/${p.spec.containers.length}`, podStatus(p), restartText, age(p.metadata.creationTimestamp, now)];
	return wide ? [...row, orNone(p.status?.podIP), orNone(p.spec.nodeName), '<none>', '<none>'] : row;
}

function nodeRow(n: Node, now: number, wide: boolean): string[] {
	const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
	const status = [ready === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown', ...(n.spec.unschedulable ? ['SchedulingDisabled'] : [])].join(',');
	const roles = Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length));
	const row = [n.metadata.name, status, roles.join(',') || '<none>', age(n.metadata.creationTimestamp, now), n.status?.nodeInfo?.kubeletVersion ?? ''];
	if (!wide) return row;
	const address = (type: string) => orNone(n.status?.addresses?.find((a) => a.type === type)?.address);
	return [...row, address('InternalIP'), address('ExternalIP'), n.status?.nodeInfo?.osImage ?? '<unknown>', '<unknown>', n.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>'];
}

function serviceRow(s: Service, now: number, wide: boolean): string[] {
	const ingress = s.status?.loadBalancer.ingress?.map((i) => i.ip ?? i.hostname ?? '').join(',');
	const external = ingress || (s.spec.type === 'LoadBalancer' ? '<pending>' : '<none>');
	const ports = s.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
	const row = [s.metadata.name, s.spec.type ?? 'ClusterIP', s.spec.clusterIP ?? '<none>', external, orNone(ports), age(s.metadata.creationTimestamp, now)];
	const selector = Object.entries(s.spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
	return wide ? [...row, orNone(selector)] : row;
}

function sliceRow(s: EndpointSlice, now: number): string[] {
	const all = s.endpoints.flatMap((e) => e.addresses);
	const endpoints = all.length ? all.slice(0, 3).join(',') + (all.length > 3 ? ` + ${all.length - 3} more...` : '') : '<unset>';
	return [s.metadata.name, s.addressType, s.ports?.map((p) => String(p.port ?? '')).join(',') || '<unset>', endpoints, age(s.metadata.creationTimestamp, now)];
}

function eventRow(e: Event, now: number, wide: boolean): string[] {
	const object = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
	if (!wide) return [age(e.lastTimestamp ?? e.metadata.creationTimestamp, now), e.type, e.reason, object, e.message];
	const source = [e.source?.component, e.source?.host].filter(Boolean).join(', ');
	return [age(e.lastTimestamp, now), e.type, e.reason, object, '', source, e.message, age(e.firstTimestamp, now), String(e.count ?? 1), e.metadata.name];
}

const COLUMNS: Record<ResourceType, [string[], string[]]> = {
	pods: [['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']],
	deployments: [['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']],
	replicasets: [['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']],
	nodes: [['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']],
	services: [['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['SELECTOR']],
	endpointslices: [['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], []],
	events: [['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], []]
};

const EVENT_WIDE = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];

/** One object's row (what `-w` prints for each change). */
export function rowOf(type: ResourceType, o: KubeObject, now: number, wide: boolean): string[] {
	switch (type) {
		case 'pods':
			return podRow(o as Pod, now, wide);
		case 'deployments': {
			const d = o as Deployment;
			const row = [d.metadata.name, `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, String(d.status?.updatedReplicas ?? 0), String(d.status?.availableReplicas ?? 0), age(d.metadata.creationTimestamp, now)];
			return wide ? [...row, ...containers(d.spec.template.spec), formatSelector(d.spec.selector)] : row;
		}
		case 'replicasets': {
			const r = o as ReplicaSet;
			const row = [r.metadata.name, String(r.spec.replicas ?? 1), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), age(r.metadata.creationTimestamp, now)];
			return wide ? [...row, ...containers(r.spec.template.spec), formatSelector(r.spec.selector)] : row;
		}
		case 'nodes':
			return nodeRow(o as Node, now, wide);
		case 'services':
			return serviceRow(o as Service, now, wide);
		case 'endpointslices':
			return sliceRow(o as EndpointSlice, now);
		case 'events':
			return eventRow(o as Event, now, wide);
	}
}

/** The table `kubectl get TYPE` prints for these objects (with NAMESPACE first for `-A`). */
export function tableOf(type: ResourceType, objects: KubeObject[], now: number, options: { wide?: boolean; namespaces?: boolean } = {}): Table {
	const [base, extra] = COLUMNS[type];
	const columns = type === 'events' && options.wide ? EVENT_WIDE : [...base, ...(options.wide ? extra : [])];
	const rows = objects.map((o) => [...(options.namespaces ? [o.metadata.namespace ?? ''] : []), ...rowOf(type, o, now, Boolean(options.wide))]);
	return { columns: [...(options.namespaces ? ['NAMESPACE'] : []), ...columns], rows };
}
