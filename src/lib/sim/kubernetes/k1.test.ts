import { describe, expect, it } from 'vitest';
import { ControlPlane } from './control-plane';
import { deployment } from './fixtures';

// flows.md K1 steps 1–3: kubectl POSTs the Deployment; inside the API server authentication,
// authorization (RBAC) and admission run before anything is stored; the API server writes etcd, the
// revision becomes resourceVersion, and only then does kubectl get 201 Created.
describe('K1 steps 1–3: kubectl create deployment nginx --image=nginx --replicas=3', () => {
	// 48208 + the four namespaces a cluster starts with: the Deployment lands at 48213, as in the walkthrough.
	const cp = new ControlPlane({ seed: 'k1', startRevision: 48208 });
	cp.action('kubectl create deployment nginx --image=nginx --replicas=3', () => cp.client('kubectl').create(deployment('nginx', 3), { note: 'nginx, replicas 3' }));
	cp.sim.queue.runUntilIdle();
	const entries = cp.sim.trace.entries;

	it('follows POST → authn/authz/admission → etcd write → 201, each caused by the one before', () => {
		const shape = entries.map((e) => (e.type === 'message' ? `${e.from} → ${e.to} [${e.kind}]: ${e.summary}` : `[${e.actor}] ${e.text}`));
		expect(shape).toEqual([
			'[user] kubectl create deployment nginx --image=nginx --replicas=3',
			'kubectl → kube-apiserver [request]: POST /apis/apps/v1/namespaces/default/deployments (nginx, replicas 3)',
			'[kube-apiserver] authenticated kubernetes-admin; RBAC allows create deployments; admission: no changes; validation passed',
			'kube-apiserver → etcd [request]: write /registry/deployments/default/nginx',
			'etcd → kube-apiserver [response]: committed at revision 48213',
			'kube-apiserver → kubectl [response]: 201 Created (resourceVersion 48213)'
		]);
		const [action, post, checks, write, commit, created] = entries;
		expect(post?.cause).toBe(action?.id);
		expect(checks?.cause).toBe(post?.id);
		expect(write?.cause).toBe(post?.id);
		expect(commit?.cause).toBe(write?.id);
		expect(created?.cause).toBe(commit?.id);
	});

	it('travels the scene connections kubectl-api and api-etcd, and takes simulated time', () => {
		const messages = cp.sim.trace.messages();
		expect(messages.map((m) => m.via)).toEqual(['kubectl-api', 'api-etcd', 'api-etcd', 'kubectl-api']);
		const times = messages.map((m) => m.time);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(times.at(-1)).toBeGreaterThan(0);
	});

	it('stores the Deployment with the defaults the real API server fills in', () => {
		const d = cp.apiserver.storage.get('/registry/deployments/default/nginx');
		expect(d).toMatchObject({
			apiVersion: 'apps/v1',
			metadata: { name: 'nginx', namespace: 'default', resourceVersion: '48213', generation: 1 },
			spec: { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10 }
		});
		expect(d?.kind === 'Deployment' && d.spec.template.spec.containers[0]?.imagePullPolicy).toBe('Always');
	});

	it('the forbidden branch: jane gets 403 and nothing reaches etcd', () => {
		const denied = new ControlPlane({ seed: 'k1' });
		denied.action('kubectl create deployment nginx (as jane)', () => denied.client('kubectl', 'jane').create(deployment('nginx', 3)));
		denied.sim.queue.runUntilIdle();
		const lines = denied.sim.trace.lines().map((l) => l.replace(/^t=\S+ \S+ /, ''));
		expect(lines).toEqual([
			'[user] kubectl create deployment nginx (as jane)',
			'kubectl → kube-apiserver: POST /apis/apps/v1/namespaces/default/deployments',
			'[kube-apiserver] authenticated jane; RBAC denies create deployments in default: 403, nothing stored',
			'kube-apiserver → kubectl: 403 Forbidden: deployments.apps is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "default"'
		]);
	});
});
