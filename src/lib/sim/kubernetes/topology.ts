// Which scene connection a component's traffic to kube-apiserver travels along, and which user it
// authenticates as. The ids are those of src/content/kubernetes/scene.ts (kubelet-1 … in node-1).

const VIA: Record<string, string> = {
	kubectl: 'kubectl-api',
	etcd: 'api-etcd',
	'kube-scheduler': 'api-scheduler',
	'kube-controller-manager': 'api-kcm',
	'cloud-controller-manager': 'api-ccm'
};

/** The connection id between kube-apiserver and `component`. */
export function viaOf(component: string): string {
	const known = VIA[component];
	if (known) return known;
	const node = component.match(/^(kubelet|kube-proxy)-(.+)$/);
	if (node) return `${node[1] === 'kubelet' ? 'api-kubelet' : 'api-proxy'}-${node[2]}`;
	return `api-${component}`;
}

/** The node a per-node component runs on: kubelet-2 → node-2. */
export function nodeOf(component: string): string | undefined {
	const n = component.match(/^(?:kubelet|kube-proxy|runtime)-(.+)$/)?.[1];
	return n === undefined ? undefined : `node-${n}`;
}

/** The user a component authenticates as in a kubeadm-like cluster. */
export function userOf(component: string): string {
	if (component === 'kubectl') return 'kubernetes-admin';
	if (component === 'kube-scheduler' || component === 'kube-controller-manager') return `system:${component}`;
	if (component.startsWith('kubelet-')) return `system:node:${nodeOf(component) ?? ''}`;
	if (component.startsWith('kube-proxy-')) return 'system:kube-proxy';
	return component;
}
