// kubectl as the walkthroughs type it: each command is a user action (a note with no cause, the
// command line as its text) and becomes the REST call kubectl makes, through an ApiClient
// authenticated as `student`. Calls are asynchronous in simulated time: `done` gets the answer
// (for `get`, the table kubectl would print from it) when it arrives.
import type { StateTable } from '$lib/model/types';
import type { ApiError, ApiResult, ListResult } from '../apiserver/status';
import type { ApiClient } from '../client';
import type { ControlPlane } from '../control-plane';
import { deployment } from '../fixtures';
import type { Deployment, Node, Pod, ReplicaSet, Scale, Service } from '../types';
import { deploymentsTable, nodesTable, podsTable, replicaSetsTable } from './tables';

type Done<T> = (result: T) => void;
type Listed<T> = ListResult<T> | ApiError;

export interface Kubectl {
	/** `kubectl create deployment <name> --image=<image> --replicas=<n>` → POST deployments. */
	createDeployment(name: string, image: string, replicas: number, done?: Done<ApiResult<Deployment>>): void;
	/** `kubectl scale deployment <name> --replicas=<n>` → PATCH deployments/<name>/scale. */
	scale(name: string, replicas: number, done?: Done<ApiResult<Scale>>): void;
	/** `kubectl delete pod <name>` → DELETE pods/<name> (graceful: 30 s unless the Pod says otherwise). */
	deletePod(name: string, done?: Done<ApiResult<Pod>>): void;
	/** `kubectl delete deployment <name>` → DELETE deployments/<name>. */
	deleteDeployment(name: string, done?: Done<ApiResult<Deployment>>): void;
	/** `kubectl get pods` → GET /api/v1/namespaces/default/pods; `done` gets the table or the error. */
	getPods(done?: Done<StateTable | ApiError>): void;
	/** `kubectl get deployment <name>` → GET deployments/<name>, as the walkthrough's last step. */
	getDeployment(name: string, done?: Done<StateTable | ApiError>): void;
	getDeployments(done?: Done<StateTable | ApiError>): void;
	getReplicaSets(done?: Done<StateTable | ApiError>): void;
	/** `kubectl get nodes` → GET /api/v1/nodes (cluster-scoped). */
	getNodes(done?: Done<StateTable | ApiError>): void;
	/** `kubectl expose deployment <name> --port=<port> --type=<type>` → GET the Deployment (its selector), POST the Service. */
	expose(name: string, port: number, type: NonNullable<Service['spec']['type']>, done?: Done<ApiResult<Service>>): void;
}

export function makeKubectl(cp: ControlPlane, client: ApiClient): Kubectl {
	const run = (command: string, fn: () => void) => cp.action(command, fn);
	const table =
		<T>(render: (items: T[]) => StateTable, done?: Done<StateTable | ApiError>) =>
		(r: Listed<T>) =>
			done?.(r.ok ? render(r.items) : r);
	return {
		createDeployment(name, image, replicas, done) {
			run(`kubectl create deployment ${name} --image=${image} --replicas=${replicas}`, () =>
				client.create(deployment(name, replicas, image), { note: `${name}, replicas ${replicas}`, done })
			);
		},
		scale(name, replicas, done) {
			run(`kubectl scale deployment ${name} --replicas=${replicas}`, () => client.scale('Deployment', { name }, replicas, { done }));
		},
		deletePod(name, done) {
			run(`kubectl delete pod ${name}`, () => client.delete('Pod', { name }, { done }));
		},
		deleteDeployment(name, done) {
			run(`kubectl delete deployment ${name}`, () => client.delete('Deployment', { name }, { done }));
		},
		getPods(done) {
			run('kubectl get pods', () => client.list('Pod', { namespace: 'default', done: table<Pod>(podsTable, done) }));
		},
		getDeployment(name, done) {
			run(`kubectl get deployment ${name}`, () => client.get('Deployment', { name }, { done: (r) => done?.(r.ok ? deploymentsTable([r.object]) : r) }));
		},
		getDeployments(done) {
			run('kubectl get deployments', () => client.list('Deployment', { namespace: 'default', done: table<Deployment>(deploymentsTable, done) }));
		},
		getReplicaSets(done) {
			run('kubectl get replicasets', () => client.list('ReplicaSet', { namespace: 'default', done: table<ReplicaSet>(replicaSetsTable, done) }));
		},
		getNodes(done) {
			run('kubectl get nodes', () => client.list('Node', { done: table<Node>(nodesTable, done) }));
		},
		expose(name, port, type, done) {
			run(`kubectl expose deployment ${name} --port=${port} --type=${type}`, () =>
				client.get('Deployment', { name }, {
					done: (d) => {
						if (!d.ok) return done?.(d);
						const selector = d.object.spec.selector.matchLabels ?? {};
						const service = { kind: 'Service' as const, metadata: { name, labels: d.object.metadata.labels }, spec: { type, selector, ports: [{ protocol: 'TCP' as const, port, targetPort: port }] } };
						client.create(service, { note: `${name}, ${type}, port ${port}`, done });
					}
				})
			);
		}
	};
}
