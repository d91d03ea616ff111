// kube-proxy on one node (pkg/proxy, iptables mode): it watches Services and EndpointSlices (LIST,
// then WATCH, with the label selector the real one uses) and, at most once per minSyncPeriod (1 s,
// the iptables default, as the BoundedFrequencyRunner does), writes the node's kernel rules. It
// sends nothing back: what it does shows as a note per Service port whose rules changed. The kernel,
// not this process, forwards packets: `route` is what the rules as last programmed do with one new
// connection (iptables' `statistic --mode random`, drawn from this component's PRNG).
// Simplified: no Node watch (topology, hints), no healthz, no conntrack, externalTrafficPolicy Cluster
// and internalTrafficPolicy Cluster only, no session affinity, no periodic 30 s resync note.
import type { ComponentContext } from '../control-plane';
import type { Timer } from '../../core/queue';
import type { EndpointSlice, Service } from '../types';

/** What kube-proxy's informers select: Services (and slices) no other proxy claims, not headless. */
export const PROXY_SELECTOR = '!service.kubernetes.io/headless,!service.kubernetes.io/service-proxy-name';
/** iptables.minSyncPeriod's default. */
export const MIN_SYNC_PERIOD_MS = 1000;

export interface ProxyEndpoint {
	ip: string;
	port: number;
	nodeName?: string;
	pod?: string;
}

/** One Service port as the kernel rules hold it: ClusterIP:port, NodePort, load-balancer IPs → endpoints. */
export interface ProxyRule {
	/** "namespace/name". */
	service: string;
	clusterIP: string;
	port: number;
	protocol: string;
	nodePort?: number;
	ingress: string[];
	endpoints: ProxyEndpoint[];
}

export interface KubeProxy {
	readonly node: string;
	/** The rules as last programmed (not what the API says now). */
	rules(): ProxyRule[];
	/** One new connection to `service` (namespace/name) on `port`: the endpoint the kernel picks, or undefined (REJECT: no endpoints, or no rule yet). */
	route(service: string, port: number): ProxyEndpoint | undefined;
	/** The node's machine goes off: the watches end and the kernel's rules are gone with it. */
	powerOff(): void;
	/** Back on: kube-proxy starts again (LIST, then WATCH) and programs the rules anew. */
	powerOn(): void;
}

export interface KubeProxyOptions {
	node: string;
	minSyncPeriodMs?: number;
}

const keyOf = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * CategorizeEndpoints for traffic policy Cluster: the ready endpoints; if there are none, the serving
 * terminating ones (ProxyTerminatingEndpoints), so a Service whose Pods all terminate drains.
 */
export function usableEndpoints(slices: EndpointSlice[], portName: string): ProxyEndpoint[] {
	const all = slices.flatMap((s) => {
		const port = s.ports?.find((p) => (p.name ?? '') === portName)?.port;
		if (port === undefined) return [];
		return s.endpoints.map((e) => ({ e, ep: { ip: e.addresses[0] ?? '', port, nodeName: e.nodeName, pod: e.targetRef?.name } }));
	});
	const ready = all.filter(({ e }) => e.conditions?.ready !== false);
	const chosen = ready.length ? ready : all.filter(({ e }) => e.conditions?.serving && e.conditions.terminating);
	return chosen.map(({ ep }) => ep);
}

/** The rules for every Service (with a ClusterIP) from the Services and slices heard so far. */
export function desiredRules(services: Service[], slices: EndpointSlice[]): Map<string, ProxyRule> {
	const rules = new Map<string, ProxyRule>();
	for (const svc of services) {
		const clusterIP = svc.spec.clusterIP;
		if (!clusterIP || clusterIP === 'None') continue;
		const mine = slices.filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
		for (const p of svc.spec.ports) {
			const ingress = (svc.status?.loadBalancer.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
			const rule: ProxyRule = { service: keyOf(svc), clusterIP, port: p.port, protocol: p.protocol ?? 'TCP', nodePort: p.nodePort, ingress, endpoints: usableEndpoints(mine, p.name ?? '') };
			rules.set(`${rule.service}:${p.port}/${rule.protocol}`, rule);
		}
	}
	return rules;
}

/** "10.96.12.7:80 (NodePort 31380) → 3 endpoints (10.244.1.2, …)": the note for a rule programmed. */
export function describeRule(r: ProxyRule): string {
	const also = [r.nodePort && `NodePort ${r.nodePort}`, ...r.ingress.map((ip) => `load balancer ${ip}`)].filter(Boolean).join(', ');
	const n = r.endpoints.length;
	const to = n ? `${n} endpoint${n === 1 ? '' : 's'} (${r.endpoints.map((e) => e.ip).join(', ')})` : 'no endpoints (REJECT)';
	return `programmed rules: ${r.clusterIP}:${r.port}${also ? ` (${also})` : ''} → ${to}`;
}

export function startKubeProxy(ctx: ComponentContext, options: KubeProxyOptions): KubeProxy {
	const minSync = options.minSyncPeriodMs ?? MIN_SYNC_PERIOD_MS;
	const services = new Map<string, Service>();
	const slices = new Map<string, EndpointSlice>();
	const programmed = new Map<string, ProxyRule>();
	let synced = 0;
	let lastSync = -Infinity;
	let pending: Timer | undefined;

	const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
	/** BoundedFrequencyRunner.Run: sync now, or when minSyncPeriod has passed since the last sync. */
	const changed = () => {
		if (synced < 2 || pending) return;
		pending = ctx.after(Math.max(0, lastSync + minSync - ctx.now()), sync);
	};
	const watch = <T extends Service | EndpointSlice>(kind: T['kind'], store: Map<string, T>) =>
		ctx.client.watch(kind, {
			labelSelector: PROXY_SELECTOR,
			onEvent: ({ type, object }) => {
				const o = object as unknown as T;
				if (type === 'DELETED') store.delete(keyOf(o));
				else store.set(keyOf(o), o);
				changed();
			},
			onSynced: () => {
				synced++;
				changed();
			}
		});
	let on = true;
	let watches = [watch('Service', services), watch('EndpointSlice', slices)];

	function sync(): void {
		pending = undefined;
		lastSync = ctx.now();
		const next = desiredRules(sorted(services), sorted(slices));
		for (const [key, rule] of next) {
			if (JSON.stringify(programmed.get(key)) !== JSON.stringify(rule)) ctx.after(0, () => on && programmed.set(key, rule), describeRule(rule));
		}
		for (const [key, rule] of programmed) {
			if (!next.has(key)) ctx.after(0, () => programmed.delete(key), `removed rules: ${rule.clusterIP}:${rule.port} (Service ${rule.service} is gone)`);
		}
	}

	return {
		node: options.node,
		rules: () => sorted(programmed),
		powerOff() {
			if (!on) return;
			on = false;
			for (const w of watches) w.stop();
			pending?.cancel();
			pending = undefined;
			synced = 0;
			services.clear();
			slices.clear();
			programmed.clear();
		},
		powerOn() {
			if (on) return;
			on = true;
			watches = [watch('Service', services), watch('EndpointSlice', slices)];
		},
		route(service, port) {
			const rule = [...programmed.values()].find((r) => r.service === service && r.port === port);
			if (!rule?.endpoints.length) return undefined;
			return rule.endpoints[ctx.rng.int(rule.endpoints.length)];
		}
	};
}
