// The kinds the simulated API server stores, as one union, and the shapes clients send.
import type { Event, Lease, Namespace, Node } from './cluster';
import type { NewObjectMeta } from './meta';
import type { EndpointSlice, Service } from './network';
import type { Deployment, Pod, ReplicaSet } from './workloads';

export type * from './cluster';
export type * from './meta';
export type * from './network';
export type * from './workloads';

export type KubeObject = Namespace | Deployment | ReplicaSet | Pod | Node | Lease | Service | EndpointSlice | Event;
export type Kind = KubeObject['kind'];
export type ObjectOf<K extends Kind> = Extract<KubeObject, { kind: K }>;

/** What a client sends on create or update: apiVersion and the server-set metadata may be left out. */
export type NewObject<K extends Kind> = Omit<ObjectOf<K>, 'apiVersion' | 'metadata'> & {
	apiVersion?: string;
	metadata: NewObjectMeta;
};

/** Names one object: namespace is left out for cluster-scoped kinds. */
export interface ObjectKey {
	name: string;
	namespace?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
