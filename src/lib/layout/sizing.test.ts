import { describe, expect, it } from 'vitest';
import { labelLines } from './sizing';

describe('labelLines', () => {
	const cases: [string, string[]][] = [
		['etcd', ['etcd']],
		['kube-apiserver', ['kube-apiserver']],
		['kube-controller-manager', ['kube-controller-', 'manager']],
		['container runtime (node-1)', ['container', 'runtime (node-1)']],
		['kubelet (node-2)', ['kubelet', '(node-2)']],
		['nginx-7c5ddbdf54-2xkqn', ['nginx-', '7c5ddbdf54-2xkqn']],
		['Azure Container Registry', ['Azure Container', 'Registry']]
	];
	it.each(cases)('%s', (name, lines) => expect(labelLines(name)).toEqual(lines));
});
