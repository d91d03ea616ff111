import { describe, expect, it } from 'vitest';
import type { ResourceType } from './command';
import { complete } from './complete';

const NAMES: Partial<Record<ResourceType, string[]>> = {
	pods: ['nginx-799cfcc968-5bfnw', 'nginx-799cfcc968-bh954', 'web-1'],
	deployments: ['nginx', 'web'],
	nodes: ['node-1', 'node-2', 'node-3'],
	services: ['nginx']
};
const names = (t: ResourceType) => NAMES[t] ?? [];
/** `|` marks the cursor. */
const at = (text: string) => complete(text.replace('|', ''), text.indexOf('|'), names);

describe('complete', () => {
	it.each([
		['|', ['apply', 'cordon', 'create', 'delete', 'describe', 'drain', 'expose', 'get', 'kubectl', 'logs', 'rollout', 'scale', 'set', 'uncordon']],
		['kub|', ['kubectl']],
		['kubectl g|', ['get']],
		['kubectl d|', ['delete', 'describe', 'drain']],
		['kubectl get |', ['all', 'deployments', 'endpointslices', 'events', 'nodes', 'pods', 'replicasets', 'services']],
		['kubectl get po|', ['pods']],
		['kubectl get pods |', ['nginx-799cfcc968-5bfnw', 'nginx-799cfcc968-bh954', 'web-1']],
		['kubectl get po ng|', ['nginx-799cfcc968-5bfnw', 'nginx-799cfcc968-bh954']],
		['kubectl get deploy/|', ['deploy/nginx', 'deploy/web']],
		['kubectl get pods -o |', ['json', 'name', 'wide', 'yaml']],
		['kubectl get pods --output=w|', ['--output=wide']],
		['kubectl get pods --w|', ['--watch']],
		['kubectl get pods -l |', ['app=nginx', 'app=web']],
		['kubectl describe |', ['deployments', 'nodes', 'pods', 'services']],
		['kubectl describe node |', ['node-1', 'node-2', 'node-3']],
		['kubectl delete svc |', ['nginx']],
		['kubectl create |', ['deployment']],
		['kubectl create deployment x --image=ng|', ['--image=nginx', '--image=nginx:1.27', '--image=nginx:latest']],
		['kubectl create deployment x --image |', ['busybox', 'busybox:latest', 'nginx', 'nginx:1.27', 'nginx:latest']],
		['kubectl scale |', ['deployment', 'deployment/nginx', 'deployment/web']],
		['kubectl scale deployment |', ['nginx', 'web']],
		['kubectl scale deployment nginx --r|', ['--replicas=']],
		['kubectl set |', ['image']],
		['kubectl set image |', ['deployment/nginx', 'deployment/web']],
		['kubectl rollout |', ['history', 'status', 'undo']],
		['kubectl rollout undo deployment/w|', ['deployment/web']],
		['kubectl expose deployment nginx --type=|', ['--type=ClusterIP', '--type=LoadBalancer', '--type=NodePort']],
		['kubectl drain |', ['node-1', 'node-2', 'node-3']],
		['kubectl drain node-2 --i|', ['--ignore-daemonsets']],
		['kubectl cordon node-3 |', []],
		['kubectl logs |', ['nginx-799cfcc968-5bfnw', 'nginx-799cfcc968-bh954', 'web-1']],
		['kubectl apply |', ['-f']],
		['kubectl -n kube-system g|', ['get']],
		['kubectl frob |', []]
	])('%s', (line, candidates) => expect(at(line).candidates).toEqual(candidates));

	it('replaces the word at the cursor, not the whole line, and works mid-line', () => {
		expect(at('kubectl get po| -o wide')).toEqual({ from: 12, to: 14, candidates: ['pods'] });
		expect(at('kubectl get pods |')).toMatchObject({ from: 17, to: 17 });
	});
});
