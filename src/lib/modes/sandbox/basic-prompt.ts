// TEMPORARY: a tiny kubectl for the sandbox until src/lib/sim/kubernetes/kubectl/ (the full parser,
// completion and output) lands; swap it in at makePrompt in live-run.ts. It knows the commands the
// cluster's own kubectl offers (cluster/kubectl.ts, cluster/kubectl-node.ts) and says so for the rest.
import type { Cluster } from '$lib/sim/kubernetes/cluster';
import { tableText } from '$lib/sim/kubernetes/cluster/tables';
import type { StateTable } from '$lib/model/types';
import type { KubectlPrompt } from './prompt';

export const KNOWN = 'get pods|deployments|replicasets|nodes|services, create deployment, scale deployment, delete pod|deployment, cordon, uncordon, drain, expose deployment';

type Answer = { ok: true } | { ok: false; code: number; reason?: string; message: string };
type Out = (output: string) => void;

const RESOURCES: Record<string, 'pods' | 'deployments' | 'replicasets' | 'nodes' | 'services'> = {
	po: 'pods', pod: 'pods', pods: 'pods',
	deploy: 'deployments', deployment: 'deployments', deployments: 'deployments',
	rs: 'replicasets', replicaset: 'replicasets', replicasets: 'replicasets',
	no: 'nodes', node: 'nodes', nodes: 'nodes',
	svc: 'services', service: 'services', services: 'services'
};
const VERBS = ['get', 'create', 'scale', 'delete', 'cordon', 'uncordon', 'drain', 'expose'];

/** Words and --flag=value / --flag value pairs. */
export function parseLine(line: string): { words: string[]; flags: Record<string, string> } {
	const words: string[] = [];
	const flags: Record<string, string> = {};
	const tokens = line.trim().split(/\s+/).filter(Boolean);
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		const m = /^--?([a-z-]+)(?:=(.*))?$/.exec(t);
		if (!m) words.push(t);
		else if (m[2] !== undefined) flags[m[1]!] = m[2];
		else if (tokens[i + 1] && !tokens[i + 1]!.startsWith('-') && m[1] !== 'ignore-daemonsets') flags[m[1]!] = tokens[++i]!;
		else flags[m[1]!] = 'true';
	}
	return { words, flags };
}

const errorText = (a: Answer) => (a.ok ? '' : a.code === 0 ? `error: ${a.message}` : `Error from server (${a.reason ?? a.code}): ${a.message}`);
const count = (text: string | undefined) => (text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : undefined);
/** `deployment nginx` or `deployment/nginx` → ['deployment', 'nginx']. */
const target = (words: string[]) => (words[0]?.includes('/') ? words[0].split('/', 2) : words.slice(0, 2));

export function basicPrompt(c: Cluster): KubectlPrompt {
	const k = c.kubectl;
	const table = (out: Out) => (r: StateTable | Answer) => out('columns' in r ? tableText(r).replace(/^[^\n]*\n/, '') : errorText(r));
	const said = (out: Out, ok: string) => (r: Answer) => out(r.ok ? ok : errorText(r));
	const nodeSaid = (out: Out) => (r: { ok: true; output: string } | Answer) => out(r.ok && 'output' in r ? r.output : errorText(r));

	function run(line: string, out: Out): void {
		const { words, flags } = parseLine(line);
		if (words[0] !== 'kubectl') return out('error: commands start with "kubectl" (or "power off node-2", "power on node-2").');
		const [verb, ...rest] = words.slice(1);
		const [kind, name] = target(rest);
		const resource = RESOURCES[kind ?? ''];
		switch (verb) {
			case 'get': {
				if (!resource) return out(`error: get needs one of: pods, deployments, replicasets, nodes, services${kind ? ` (not "${kind}")` : ''}.`);
				const by = { pods: k.getPods, deployments: k.getDeployments, replicasets: k.getReplicaSets, nodes: k.getNodes, services: k.getServices }[resource];
				return by(table(out));
			}
			case 'create': {
				const replicas = count(flags.replicas ?? '1');
				if (kind !== 'deployment' || !name || !flags.image) return out('error: this prompt creates Deployments only: kubectl create deployment NAME --image=IMAGE [--replicas=N]');
				if (replicas === undefined) return out(`error: --replicas must be a whole number, not "${flags.replicas}"`);
				return k.createDeployment(name, flags.image, replicas, said(out, `deployment.apps/${name} created`));
			}
			case 'scale': {
				const replicas = count(flags.replicas);
				if (resource !== 'deployments' || !name) return out('error: this prompt scales Deployments: kubectl scale deployment NAME --replicas=N');
				if (replicas === undefined) return out('error: --replicas=N is required (a whole number)');
				return k.scale(name, replicas, said(out, `deployment.apps/${name} scaled`));
			}
			case 'delete': {
				if (!name) return out('error: kubectl delete pod|deployment|service NAME');
				if (resource === 'pods') return k.deletePod(name, said(out, `pod "${name}" deleted`));
				if (resource === 'deployments') return k.deleteDeployment(name, said(out, `deployment.apps "${name}" deleted`));
				if (resource === 'services') return k.deleteService(name, said(out, `service "${name}" deleted`));
				return out(`error: this prompt deletes pods, deployments and services (not "${kind}")`);
			}
			case 'cordon':
			case 'uncordon':
			case 'drain': {
				const node = rest[0];
				if (!node) return out(`error: kubectl ${verb} NODE`);
				if (verb === 'drain') return c.admin.drain(node, nodeSaid(out), { disableEviction: flags['disable-eviction'] === 'true' });
				return c.admin[verb](node, nodeSaid(out));
			}
			case 'expose': {
				const port = count(flags.port);
				const type = flags.type as 'ClusterIP' | 'NodePort' | 'LoadBalancer' | undefined;
				if (resource !== 'deployments' || !name || port === undefined) return out('error: kubectl expose deployment NAME --port=PORT [--type=ClusterIP|NodePort|LoadBalancer]');
				if (type && !['ClusterIP', 'NodePort', 'LoadBalancer'].includes(type)) return out(`error: --type must be ClusterIP, NodePort or LoadBalancer, not "${type}"`);
				return k.expose(name, port, type, said(out, `service/${name} exposed`));
			}
		}
		out(`error: this sandbox's prompt does not know "kubectl ${verb ?? ''}" yet. It knows: ${KNOWN}.`);
	}

	function complete(line: string, cursor: number): string[] {
		const before = line.slice(0, cursor);
		const words = before.split(/\s+/);
		const partial = words.pop() ?? '';
		const [, verb, kind] = words;
		let options: string[] = [];
		if (words.length === 0) options = ['kubectl', 'power'];
		else if (words[0] === 'power') options = words.length === 1 ? ['off', 'on'] : c.nodeNames;
		else if (words.length === 1) options = VERBS;
		else if (['cordon', 'uncordon', 'drain'].includes(verb ?? '') && words.length === 2) options = c.nodeNames;
		else if (words.length === 2) options = verb === 'get' ? ['pods', 'deployments', 'replicasets', 'nodes', 'services'] : ['pod', 'deployment', 'service'];
		else if (words.length === 3 && verb !== 'get') {
			const r = RESOURCES[kind ?? ''];
			options = (r === 'pods' ? c.pods() : r === 'deployments' ? c.deployments() : r === 'services' ? c.services() : []).map((o) => o.metadata.name);
		}
		return options.filter((o) => o.startsWith(partial) && o !== partial);
	}

	return { run, complete };
}
