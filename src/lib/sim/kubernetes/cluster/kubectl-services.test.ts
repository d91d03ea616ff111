import { describe, expect, it } from 'vitest';
import { ControlPlane } from '../control-plane';
import type { Service } from '../types';
import { KUBECTL_USER, studentPolicy } from './cluster';
import { makeKubectl, type Kubectl } from './kubectl';
import { servicesTable, tableText } from './tables';

/** kubectl as `student`, against a bare control plane (no controllers: only what kubectl sends). */
function setup() {
	const cp = new ControlPlane({ seed: 'kubectl-services', nodes: ['node-1'], policy: studentPolicy(['node-1']) });
	const kubectl = makeKubectl(cp, cp.client('kubectl', KUBECTL_USER));
	const run = (fn: (k: Kubectl) => void) => {
		const from = cp.sim.trace.messages().length;
		fn(kubectl);
		cp.sim.queue.runUntilIdle();
		return cp.sim.trace.messages().slice(from).filter((m) => m.from === 'kubectl').map((m) => m.summary);
	};
	const service = (name: string) => cp.apiserver.storage.get(`/registry/services/specs/default/${name}`) as Service | undefined;
	return { run, service };
}

describe('kubectl: Services', () => {
	const cases: { command: string; act: (k: Kubectl) => void; requests: string[]; spec: Partial<Service['spec']> }[] = [
		{
			command: 'kubectl expose deployment nginx --port=80 --type=LoadBalancer',
			act: (k) => k.expose('nginx', 80, 'LoadBalancer'),
			requests: ['GET /apis/apps/v1/namespaces/default/deployments/nginx (read its selector)', 'POST /api/v1/namespaces/default/services (nginx, LoadBalancer, port 80, selector app=nginx)'],
			spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [expect.objectContaining({ port: 80, targetPort: 80, protocol: 'TCP' })] }
		},
		{
			command: 'kubectl expose deployment nginx --port=80 (ClusterIP: no NodePort)',
			act: (k) => k.expose('nginx', 80),
			requests: ['GET /apis/apps/v1/namespaces/default/deployments/nginx (read its selector)', 'POST /api/v1/namespaces/default/services (nginx, ClusterIP, port 80, selector app=nginx)'],
			spec: { type: 'ClusterIP', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] }
		},
		{
			command: 'kubectl create service nodeport nginx --tcp=8080:80',
			act: (k) => k.createService('nodeport', 'nginx', 8080, 80),
			requests: ['POST /api/v1/namespaces/default/services (nginx, NodePort, port 8080, selector app=nginx)'],
			spec: { type: 'NodePort', selector: { app: 'nginx' }, ports: [expect.objectContaining({ name: '8080-80', port: 8080, targetPort: 80 })] }
		}
	];

	it.each(cases)('$command', ({ act, requests, spec }) => {
		const e = setup();
		e.run((k) => k.createDeployment('nginx', 'nginx', 3));
		expect(e.run(act)).toEqual(requests);
		expect(e.service('nginx')?.spec).toMatchObject(spec);
	});

	it('expose of a Deployment that does not exist: the GET answers 404 and nothing is POSTed', () => {
		const e = setup();
		let code = 0;
		expect(e.run((k) => k.expose('nope', 80, 'LoadBalancer', (r) => (code = r.ok ? 200 : r.code)))).toEqual(['GET /apis/apps/v1/namespaces/default/deployments/nope (read its selector)']);
		expect(code).toBe(404);
	});

	it('get services prints the allocated ClusterIP, <pending> and port:nodePort/TCP; delete service sends Background propagation', () => {
		const e = setup();
		e.run((k) => k.createDeployment('nginx', 'nginx', 3));
		e.run((k) => k.expose('nginx', 80, 'LoadBalancer'));
		const svc = e.service('nginx');
		let printed = '';
		e.run((k) => k.getServices((t) => (printed = 'rows' in t ? tableText(t) : '')));
		expect(printed).toBe(tableText(servicesTable(svc ? [svc] : [])));
		expect(printed).toMatch(new RegExp(`nginx +LoadBalancer +${svc?.spec.clusterIP ?? '?'} +<pending> +80:${svc?.spec.ports[0]?.nodePort ?? '?'}/TCP`));
		expect(e.run((k) => k.deleteService('nginx'))).toEqual(['DELETE /api/v1/namespaces/default/services/nginx (propagationPolicy Background)']);
		expect(e.service('nginx')).toBeUndefined();
	});
});
