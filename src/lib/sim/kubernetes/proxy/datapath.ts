// The data path: one HTTP request from the end user through the cloud load balancer to a node's
// NodePort, where the node's kernel rules (as its kube-proxy last programmed them) DNAT it to a Pod,
// perhaps on another node; the reply returns the same way. No API call, no control-plane component:
// `data` messages between the scene's end-user, load-balancer, kube-proxy-N (standing for node N's
// kernel) and Pod slots. What the Pod answers depends on the container runtime: a process listening
// (HTTP 200), a container already sent its stop signal (RST: nginx closed its socket on SIGQUIT), or
// no sandbox with that IP any more (nothing answers: the end user gives up after TIMEOUT_MS, a short
// stand-in for a browser's much longer connect time-out).
import type { Prng } from '../../core/prng';
import type { Network } from '../../core/network';
import type { Sim } from '../../core/sim';
import type { KubeProxy, ProxyEndpoint } from './kube-proxy';

export type Outcome = 'ok' | 'rejected' | 'reset' | 'timeout';

export interface RequestResult {
	/** The node the load balancer chose. */
	node: string;
	endpoint?: ProxyEndpoint;
	outcome: Outcome;
}

export const TIMEOUT_MS = 2000;

export interface DataPathOptions {
	sim: Sim;
	/** The load balancer's own choice of node (a flow hash in reality). */
	rng: Prng;
	/** kube-proxy (the kernel rules) by node name. */
	proxies: Record<string, KubeProxy>;
	/** What node `node`'s runtime holds at `ip`: its scene slot, and whether anything listens. */
	backend(node: string, ip: string): { slot: string; listening: boolean } | undefined;
	hostIP(node: string): string;
	/** The scene's number for a node (kube-proxy-<n>, lb-proxy-<n>; default: node-<n>'s number). */
	index?: (node: string) => string;
}

export interface Target {
	/** "namespace/name". */
	service: string;
	port: number;
	/** The NodePort the load balancer's rule forwards to (from the Service, as the cloud controller configured it). */
	nodePort: number;
	/** status.loadBalancer.ingress, if a cloud controller has provisioned it. */
	ingress?: string;
}


/** A request's path: `request(target, done)` sends its messages and calls done with what happened. */
export function dataPath(options: DataPathOptions) {
	const { sim, rng, proxies } = options;
	const n = options.index ?? ((node: string) => node.replace(/^node-/, ''));
	const { net } = sim;
	const channels = new Map<string, ReturnType<Network['channel']>>();
	const hop = (from: string, to: string, via: string, latency = { min: 0, max: 1 }) => {
		const key = `${from}>${to}`;
		let ch = channels.get(key);
		if (!ch) channels.set(key, (ch = net.channel(from, to, via, latency)));
		return ch;
	};
	const internet = { min: 5, max: 15 };

	return function request(target: Target, done?: (r: RequestResult) => void): void {
		const nodes = Object.keys(proxies).sort();
		const node = nodes[rng.int(nodes.length)] ?? 'node-1';
		const proxy = `kube-proxy-${n(node)}`;
		const toLb = hop('end-user', 'load-balancer', 'user-lb', internet);
		const back = (outcome: Outcome, why: string, endpoint?: ProxyEndpoint) =>
			hop(proxy, 'load-balancer', `lb-proxy-${n(node)}`).send('data', why, () => toUser(outcome, endpoint));
		const giveUp = (why: string, endpoint: ProxyEndpoint) =>
			sim.queue.schedule({ after: TIMEOUT_MS }, () => {
				sim.note('end-user', `no answer after ${TIMEOUT_MS / 1000} s: gives up (${why})`);
				done?.({ node, endpoint, outcome: 'timeout' });
			});
		const toUser = (outcome: Outcome, endpoint?: ProxyEndpoint) =>
			hop('load-balancer', 'end-user', 'user-lb', internet).send('data', outcome === 'ok' ? 'HTTP 200' : `connection failed (${outcome})`, () => done?.({ node, endpoint, outcome }));
		const url = target.ingress ? `http://${target.ingress}/` : `/ (to ${target.service}'s load balancer; no EXTERNAL-IP in this run: no cloud-controller-manager)`;
		toLb.send('data', `GET ${url}`, () =>
			hop('load-balancer', proxy, `lb-proxy-${n(node)}`).send('data', `to ${node} ${options.hostIP(node)}:${target.nodePort} (NodePort of ${target.service})`, () => {
				const ep = proxies[node]?.route(target.service, target.port);
				if (!ep) return back('rejected', `REJECT: ${node}'s rules have no endpoint for ${target.service}:${target.port} (ICMP port unreachable)`);
				const where = ep.nodeName ?? node;
				const pod = options.backend(where, ep.ip);
				if (!pod) return giveUp(`${node}'s rules still DNAT to ${ep.ip}, which no Pod has any more`, ep);
				const via = where === node ? `proxy-${pod.slot}` : `proxy${n(node)}-${pod.slot}`;
				const dnat = `DNAT to ${ep.ip}:${ep.port}${where === node ? '' : ` on ${where}`} (${node}'s kernel rules as kube-proxy last wrote them; kube-proxy itself not involved)`;
				hop(proxy, pod.slot, via).send('data', dnat, () => {
					const answer = options.backend(where, ep.ip);
					if (!answer) return giveUp(`${ep.ip}'s sandbox went while the packet was on its way`, ep);
					const reply = hop(pod.slot, proxy, via);
					if (answer?.listening)
						reply.send('data', 'HTTP 200 (nginx welcome page)', () => back('ok', `HTTP 200 (reverse NAT on ${node})`, ep));
					else reply.send('data', `TCP RST: nothing listens on :${ep.port} (the container was told to stop)`, () => back('reset', 'connection reset (RST, reverse NAT)', ep));
				});
			})
		);
	};
}
