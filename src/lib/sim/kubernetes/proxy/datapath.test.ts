import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import { dataPath, type Outcome, type RequestResult } from './datapath';
import type { KubeProxy, ProxyEndpoint } from './kube-proxy';

type Backend = { slot: string; listening: boolean } | undefined;

/** One node (node-1) whose rules send every connection to `endpoint`; the runtime answers `backend`. */
function send(endpoint: ProxyEndpoint | undefined, backend: Backend) {
	const sim = new Sim('datapath');
	const proxy: KubeProxy = { node: 'node-1', rules: () => [], route: () => endpoint, powerOff: () => {}, powerOn: () => {} };
	const request = dataPath({ sim, rng: sim.rng.fork('lb'), proxies: { 'node-1': proxy }, hostIP: () => '10.224.0.4', backend: () => backend });
	let result: RequestResult | undefined;
	request({ service: 'default/nginx', port: 80, nodePort: 31380, ingress: '20.50.60.70' }, (r) => (result = r));
	sim.queue.runUntilIdle();
	return { result, path: sim.trace.messages().map((m) => `${m.via} ${m.from} → ${m.to}: ${m.summary}`), notes: sim.trace.entries.flatMap((e) => (e.type === 'note' ? [e.text] : [])) };
}

const local: ProxyEndpoint = { ip: '10.244.1.5', port: 80, nodeName: 'node-1', pod: 'web-1' };
const remote: ProxyEndpoint = { ip: '10.244.2.5', port: 80, nodeName: 'node-2', pod: 'web-2' };

describe('data path: one request, the messages and the outcome', () => {
	const cases: { name: string; endpoint?: ProxyEndpoint; backend: Backend; outcome: Outcome; vias: string[] }[] = [
		{ name: 'a Pod on the node, listening → HTTP 200', endpoint: local, backend: { slot: 'pod-1a', listening: true }, outcome: 'ok', vias: ['user-lb', 'lb-proxy-1', 'proxy-pod-1a', 'proxy-pod-1a', 'lb-proxy-1', 'user-lb'] },
		{ name: 'a Pod on another node → the extra hop, reply through node-1', endpoint: remote, backend: { slot: 'pod-2a', listening: true }, outcome: 'ok', vias: ['user-lb', 'lb-proxy-1', 'proxy1-pod-2a', 'proxy1-pod-2a', 'lb-proxy-1', 'user-lb'] },
		{ name: 'no endpoint in the rules → REJECT at the node', backend: undefined, outcome: 'rejected', vias: ['user-lb', 'lb-proxy-1', 'lb-proxy-1', 'user-lb'] },
		{ name: 'the container was told to stop → RST', endpoint: local, backend: { slot: 'pod-1a', listening: false }, outcome: 'reset', vias: ['user-lb', 'lb-proxy-1', 'proxy-pod-1a', 'proxy-pod-1a', 'lb-proxy-1', 'user-lb'] },
		{ name: 'no sandbox has the IP any more (stale rule) → nothing answers, the user gives up', endpoint: local, backend: undefined, outcome: 'timeout', vias: ['user-lb', 'lb-proxy-1'] }
	];

	it.each(cases)('$name', ({ endpoint, backend, outcome, vias }) => {
		const { result, path, notes } = send(endpoint, backend);
		expect(result?.outcome).toBe(outcome);
		expect(notes.some((n) => n.startsWith('no answer after 2 s'))).toBe(outcome === 'timeout');
		expect(path.map((l) => l.split(' ')[0])).toEqual(vias);
		expect(path[0]).toContain('GET http://20.50.60.70/');
		expect(path[1]).toContain('to node-1 10.224.0.4:31380 (NodePort of default/nginx)');
	});
});
