// Authentication and a tiny RBAC authorizer. Authentication: a client presents a user name, and the
// API server knows which users exist and their groups (standing in for client certificates and
// tokens). Authorization: rules grant verbs on resources ("pods", "pods/binding",
// "deployments/scale"), optionally only in some namespaces; "*" matches anything. The system:masters
// group is allowed everything, as in a real cluster. Simplified: rules do not name API groups, and
// the Node authorizer (a kubelet may touch only its own node's objects) is not modelled.

export interface UserInfo {
	name: string;
	groups: string[];
}

export interface PolicyRule {
	verbs: string[];
	resources: string[];
	/** Absent: every namespace and the cluster scope (a ClusterRoleBinding); else a RoleBinding's namespaces. */
	namespaces?: string[];
}

export interface Binding {
	/** A user name or a group name. */
	subject: string;
	rules: PolicyRule[];
}

export interface Policy {
	users: UserInfo[];
	bindings: Binding[];
}

const READ = ['get', 'list', 'watch'];
const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** The users of a kubeadm-like cluster, each with the permissions its role needs here. */
export const defaultPolicy = (nodes: string[] = []): Policy => ({
	users: [
		{ name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
		{ name: 'system:kube-scheduler', groups: ['system:authenticated'] },
		{ name: 'system:kube-controller-manager', groups: ['system:authenticated'] },
		{ name: 'system:kube-proxy', groups: ['system:authenticated'] },
		{ name: 'cloud-controller-manager', groups: ['system:authenticated'] },
		...nodes.map((n) => ({ name: `system:node:${n}`, groups: ['system:nodes', 'system:authenticated'] })),
		// A developer who may look but not change anything: the walkthroughs' "what if RBAC says no?".
		{ name: 'jane', groups: ['developers', 'system:authenticated'] }
	],
	bindings: [
		{ subject: 'system:masters', rules: [{ verbs: ['*'], resources: ['*'] }] },
		{
			subject: 'system:kube-scheduler',
			rules: [
				{ verbs: READ, resources: ['pods', 'nodes', 'namespaces', 'services'] },
				{ verbs: ['create'], resources: ['pods/binding', 'events'] },
				{ verbs: ['patch', 'update'], resources: ['pods/status', 'events'] },
				{ verbs: ALL, resources: ['leases'] }
			]
		},
		{
			subject: 'system:kube-controller-manager',
			rules: [
				{ verbs: ALL, resources: ['deployments', 'replicasets', 'pods', 'endpointslices', 'events', 'leases', 'nodes', 'namespaces'] },
				{ verbs: ['update', 'patch'], resources: ['deployments/status', 'replicasets/status', 'pods/status', 'nodes/status', 'namespaces/status'] },
				{ verbs: READ, resources: ['services'] }
			]
		},
		{
			subject: 'system:nodes',
			rules: [
				{ verbs: [...READ, 'delete'], resources: ['pods'] },
				{ verbs: ['update', 'patch'], resources: ['pods/status', 'nodes/status'] },
				{ verbs: ['create', ...READ, 'update', 'patch'], resources: ['nodes', 'leases'] },
				{ verbs: ['create', 'update', 'patch'], resources: ['events'] },
				{ verbs: READ, resources: ['services'] }
			]
		},
		{ subject: 'system:kube-proxy', rules: [{ verbs: READ, resources: ['services', 'endpointslices', 'nodes'] }, { verbs: ['create', 'patch'], resources: ['events'] }] },
		{
			subject: 'cloud-controller-manager',
			rules: [
				{ verbs: READ, resources: ['services', 'nodes'] },
				{ verbs: ['update', 'patch'], resources: ['services/status', 'nodes/status', 'nodes'] },
				{ verbs: ['delete'], resources: ['nodes'] },
				{ verbs: ['create', 'patch'], resources: ['events'] }
			]
		},
		{ subject: 'developers', rules: [{ verbs: READ, resources: ['*'], namespaces: ['default'] }] }
	]
});

export function authenticate(policy: Policy, user: string): UserInfo | undefined {
	return policy.users.find((u) => u.name === user);
}

/** Whether the user may do verb on resource (e.g. "pods/binding") in namespace (undefined: cluster scope). */
export function authorize(policy: Policy, user: UserInfo, verb: string, resource: string, namespace?: string): boolean {
	const subjects = [user.name, ...user.groups];
	return policy.bindings.some(
		(b) =>
			subjects.includes(b.subject) &&
			b.rules.some(
				(r) =>
					(r.verbs.includes('*') || r.verbs.includes(verb)) &&
					(r.resources.includes('*') || r.resources.includes(resource)) &&
					(!r.namespaces || (namespace !== undefined && r.namespaces.includes(namespace)))
			)
	);
}
