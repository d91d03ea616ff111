// Object metadata and the small shared types, named as the Kubernetes API names them (a subset of
// the real fields: the ones a controller, the scheduler or a kubelet of this simulator reads).

export interface OwnerReference {
	apiVersion: string;
	kind: string;
	name: string;
	uid: string;
	controller?: boolean;
	blockOwnerDeletion?: boolean;
}

/** Metadata of a stored object: the API server fills name (from generateName), uid, resourceVersion… */
export interface ObjectMeta {
	name: string;
	generateName?: string;
	/** Absent for cluster-scoped kinds (Namespace, Node). */
	namespace?: string;
	uid: string;
	/** The etcd revision of the object's last write, as a string (clients must treat it as opaque). */
	resourceVersion: string;
	/** Bumped by the API server when spec changes (Deployment, ReplicaSet here). */
	generation?: number;
	/** RFC 3339, second precision, as the API returns it. */
	creationTimestamp: string;
	/** Set by a graceful delete: the object is Terminating until a final delete removes it. */
	deletionTimestamp?: string;
	deletionGracePeriodSeconds?: number;
	labels?: Record<string, string>;
	annotations?: Record<string, string>;
	ownerReferences?: OwnerReference[];
}

/** What a client may set when it creates an object; the API server fills the rest. */
export type NewObjectMeta = Partial<Omit<ObjectMeta, 'uid' | 'resourceVersion' | 'creationTimestamp' | 'deletionTimestamp'>> & {
	/** Optional on create: an update with it set is checked against the stored one (409 if stale). */
	resourceVersion?: string;
};

export interface LabelSelectorRequirement {
	key: string;
	operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
	values?: string[];
}

/** The structured selector of a Deployment or ReplicaSet spec. */
export interface LabelSelector {
	matchLabels?: Record<string, string>;
	matchExpressions?: LabelSelectorRequirement[];
}

export interface Condition {
	type: string;
	status: 'True' | 'False' | 'Unknown';
	reason?: string;
	message?: string;
	lastTransitionTime?: string;
	lastHeartbeatTime?: string;
}

export interface ObjectReference {
	kind: string;
	name: string;
	namespace?: string;
	uid?: string;
	apiVersion?: string;
}
