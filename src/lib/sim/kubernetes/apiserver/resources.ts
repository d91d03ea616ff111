// Where each kind lives: its API group and version, its plural resource name (what RBAC and URLs
// use), whether it is namespaced, its etcd key prefix, and its subresources. The etcd prefixes are
// the real ones, including the historical quirks (Nodes under /registry/minions, Services under
// /registry/services/specs).
import type { Kind } from '../types';

export interface ResourceInfo {
	kind: Kind;
	plural: string;
	/** '' is the core group (/api/v1). */
	group: string;
	version: string;
	namespaced: boolean;
	etcdPrefix: string;
	/** Has a status subresource: a main-resource write keeps the stored status, a status write keeps spec. */
	status: boolean;
	/** Has a scale subresource (spec.replicas). */
	scale: boolean;
	/** metadata.generation is bumped when spec changes (the real API does it for these and more). */
	generation: boolean;
	/** Field selectors the real API server accepts for this kind, besides metadata.name/namespace. */
	fields: string[];
}

const r = (kind: Kind, plural: string, group: string, etcdPrefix: string, more: Partial<ResourceInfo> = {}): ResourceInfo => ({
	kind,
	plural,
	group,
	version: 'v1',
	namespaced: true,
	etcdPrefix,
	status: false,
	scale: false,
	generation: false,
	fields: [],
	...more
});

export const RESOURCES: { readonly [K in Kind]: ResourceInfo } = {
	Namespace: r('Namespace', 'namespaces', '', 'namespaces', { namespaced: false, status: true, fields: ['status.phase'] }),
	Deployment: r('Deployment', 'deployments', 'apps', 'deployments', { status: true, scale: true, generation: true }),
	ReplicaSet: r('ReplicaSet', 'replicasets', 'apps', 'replicasets', { status: true, scale: true, generation: true, fields: ['status.replicas'] }),
	Pod: r('Pod', 'pods', '', 'pods', { status: true, fields: ['spec.nodeName', 'spec.schedulerName', 'status.phase', 'status.podIP'] }),
	Node: r('Node', 'nodes', '', 'minions', { namespaced: false, status: true, fields: ['spec.unschedulable'] }),
	Lease: r('Lease', 'leases', 'coordination.k8s.io', 'leases'),
	Service: r('Service', 'services', '', 'services/specs', { status: true, fields: ['spec.clusterIP', 'spec.type'] }),
	EndpointSlice: r('EndpointSlice', 'endpointslices', 'discovery.k8s.io', 'endpointslices'),
	Event: r('Event', 'events', '', 'events', { fields: ['involvedObject.kind', 'involvedObject.name', 'involvedObject.namespace', 'reason', 'type'] })
};

export const apiVersionOf = (info: ResourceInfo) => (info.group ? `${info.group}/${info.version}` : info.version);

/** "deployments.apps", "pods": how error messages name a resource. */
export const groupResource = (info: ResourceInfo) => (info.group ? `${info.plural}.${info.group}` : info.plural);

/** /apis/apps/v1/namespaces/default/deployments, or /api/v1/nodes for a cluster-scoped kind. */
export function collectionPath(info: ResourceInfo, namespace?: string): string {
	const root = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
	return `${root}${info.namespaced && namespace ? `/namespaces/${namespace}` : ''}/${info.plural}`;
}

export const objectPath = (info: ResourceInfo, namespace: string | undefined, name: string, subresource?: string) =>
	`${collectionPath(info, namespace)}/${name}${subresource ? `/${subresource}` : ''}`;

/** /registry/deployments/default/nginx, /registry/minions/node-1. */
export const etcdKey = (info: ResourceInfo, namespace: string | undefined, name: string) =>
	`/registry/${info.etcdPrefix}/${info.namespaced ? `${namespace}/` : ''}${name}`;
