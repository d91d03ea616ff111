import { describe, expect, it } from 'vitest';
import { ControlPlane } from '../control-plane';
import { deployment, pod } from '../fixtures';
import { ok, syncClient } from '../testing';
import type { KubeObject, OwnerReference } from '../types';
import { startGarbageCollector } from './garbagecollector';

const KCM = 'kube-controller-manager';
const owner = (o: KubeObject): OwnerReference => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true });

/** A control plane with only the garbage collector; owners and dependents are made by hand. */
function setup() {
	const cp = new ControlPlane({ seed: 'gc', nodes: ['node-1'] });
	startGarbageCollector(cp.context(KCM));
	cp.sim.queue.runUntilIdle();
	const kubectl = syncClient(cp);
	const dep = ok(kubectl.create(deployment('nginx', 1)));
	const rs = ok(kubectl.create({ kind: 'ReplicaSet', metadata: { name: 'nginx-abc', namespace: 'default', ownerReferences: [owner(dep)] }, spec: { replicas: 2, selector: { matchLabels: { app: 'nginx' } }, template: deployment('nginx', 1).spec.template } }));
	for (const s of ['a', 'b']) ok(kubectl.create({ ...pod(`nginx-abc-${s}`), metadata: { ...pod(`nginx-abc-${s}`).metadata, ownerReferences: [owner(rs)] } }));
	const svc = ok(kubectl.create({ kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { selector: { app: 'nginx' }, ports: [{ port: 80 }] } }));
	ok(kubectl.create({ kind: 'EndpointSlice', metadata: { name: 'nginx-x1', namespace: 'default', ownerReferences: [owner(svc)] }, addressType: 'IPv4', endpoints: [] }));
	const mark = cp.sim.trace.messages().length;
	return {
		cp,
		kubectl,
		rs,
		/** The collector's requests since setup, sorted (its workers run side by side). */
		calls: () =>
			cp.sim.trace
				.messages()
				.slice(mark)
				.filter((m) => m.from === KCM)
				.map((m) => m.summary.replace(/ \(garbage collector[^)]*\)/, '').replace(/preconditions uid \w+/, 'preconditions uid …'))
				.sort(),
		stored: (prefix: string) => cp.apiserver.storage.list(prefix).map((o) => o.metadata.name)
	};
}

const RS = '/apis/apps/v1/namespaces/default/replicasets';
const PODS = '/api/v1/namespaces/default/pods';
type Env = ReturnType<typeof setup>;

describe('garbage collector: an owner goes, the API calls out', () => {
	const cases: { name: string; act: (e: Env) => void; calls: string[] }[] = [
		{
			name: 'Deployment deleted → GET the ReplicaSet, GET the Deployment (404), DELETE the ReplicaSet; then its Pods the same way',
			act: (e) => ok(e.kubectl.delete('Deployment', { name: 'nginx' })),
			calls: [
				`DELETE ${PODS}/nginx-abc-a (owner ReplicaSet nginx-abc is gone; propagationPolicy Background, preconditions uid …)`,
				`DELETE ${PODS}/nginx-abc-b (owner ReplicaSet nginx-abc is gone; propagationPolicy Background, preconditions uid …)`,
				`DELETE ${RS}/nginx-abc (owner Deployment nginx is gone; propagationPolicy Background, preconditions uid …)`,
				`GET ${PODS}/nginx-abc-a`,
				`GET ${PODS}/nginx-abc-b`,
				'GET /apis/apps/v1/namespaces/default/deployments/nginx',
				`GET ${RS}/nginx-abc`,
				`GET ${RS}/nginx-abc`,
				`GET ${RS}/nginx-abc`
			]
		},
		{
			name: 'ReplicaSet deleted → each Pod: GET it, GET the ReplicaSet (404, until the absentOwnerCache knows), DELETE it',
			act: (e) => ok(e.kubectl.delete('ReplicaSet', { name: 'nginx-abc' })),
			calls: [
				`DELETE ${PODS}/nginx-abc-a (owner ReplicaSet nginx-abc is gone; propagationPolicy Background, preconditions uid …)`,
				`DELETE ${PODS}/nginx-abc-b (owner ReplicaSet nginx-abc is gone; propagationPolicy Background, preconditions uid …)`,
				`GET ${PODS}/nginx-abc-a`,
				`GET ${PODS}/nginx-abc-b`,
				`GET ${RS}/nginx-abc`,
				`GET ${RS}/nginx-abc`
			]
		},
		{
			name: 'Service deleted → its EndpointSlice deleted',
			act: (e) => ok(e.kubectl.delete('Service', { name: 'nginx' })),
			calls: [
				'DELETE /apis/discovery.k8s.io/v1/namespaces/default/endpointslices/nginx-x1 (owner Service nginx is gone; propagationPolicy Background, preconditions uid …)',
				'GET /api/v1/namespaces/default/services/nginx',
				'GET /apis/discovery.k8s.io/v1/namespaces/default/endpointslices/nginx-x1'
			]
		},
		{ name: 'an object nobody owns deleted → nothing', act: (e) => ok(e.kubectl.create(pod('lonely'))) && ok(e.kubectl.delete('Pod', { name: 'lonely' }, 0)), calls: [] },
		{
			name: 'a Pod already Terminating when its ReplicaSet goes → left to its kubelet',
			act: (e) => {
				ok(e.kubectl.delete('Pod', { name: 'nginx-abc-b' }, 0));
				ok(syncClient(e.cp, 'kube-scheduler').bind({ name: 'nginx-abc-a' }, 'node-1'));
				ok(e.kubectl.delete('Pod', { name: 'nginx-abc-a' }));
				ok(e.kubectl.delete('ReplicaSet', { name: 'nginx-abc' }));
			},
			calls: []
		},
		{
			name: 'a Pod created naming an owner that is gone → deleted (the race of a create in flight)',
			act: (e) => {
				ok(e.kubectl.delete('ReplicaSet', { name: 'nginx-abc' }));
				e.cp.sim.queue.runUntilIdle();
				const late = pod('nginx-abc-late');
				ok(e.kubectl.create({ ...late, metadata: { ...late.metadata, ownerReferences: [owner(e.rs)] } }));
			},
			calls: []
		}
	];

	it.each(cases.slice(0, 5))('$name', ({ act, calls }) => {
		const e = setup();
		act(e);
		e.cp.sim.queue.runUntilIdle();
		expect(e.calls()).toEqual(calls);
	});

	it('a Pod created naming an owner that is gone → GET it, DELETE it (the owner is in the absentOwnerCache)', () => {
		const e = setup();
		cases[5]?.act(e);
		e.cp.sim.queue.runUntilIdle();
		expect(e.calls().filter((l) => l.includes('nginx-abc-late'))).toEqual([
			`DELETE ${PODS}/nginx-abc-late (owner ReplicaSet nginx-abc is gone; propagationPolicy Background, preconditions uid …)`,
			`GET ${PODS}/nginx-abc-late`
		]);
	});

	it('cascades: Deployment → ReplicaSet → Pods, until nothing owned by a missing owner is left', () => {
		const e = setup();
		ok(e.kubectl.delete('Deployment', { name: 'nginx' }));
		e.cp.sim.queue.runUntilIdle();
		expect(e.stored('/registry/replicasets/')).toEqual([]);
		expect(e.stored('/registry/pods/')).toEqual([]); // unbound Pods go at once; bound ones would be Terminating
		expect(e.stored('/registry/endpointslices/')).toEqual(['nginx-x1']);
	});
});
