// The words the prompt knows: verbs and the flags each takes, resource types and their short names
// (as `kubectl api-resources` lists them), and the real kubectl commands and types it does not model,
// so it can say so rather than "unknown".
import type { ResourceType } from './command';

export interface FlagSpec {
	long: string;
	short?: string;
	/** Takes a value (`--replicas=3`, `--replicas 3`); otherwise a switch (`-w`, `--watch=true`). */
	value: boolean;
	/** How the flag reads in messages and completion: `--replicas=N`. */
	hint: string;
}

const flag = (long: string, value: boolean, hint: string, short?: string): FlagSpec => ({ long, short, value, hint });
const NAMESPACE = flag('namespace', true, '-n/--namespace=NAME', 'n');

/** Verbs as typed (two words for `create deployment`, `set image`), each with its usage and flags. */
export const VERBS: Record<string, { usage: string; flags: FlagSpec[] }> = {
	get: {
		usage: 'kubectl get TYPE [NAME…] [-o wide] [-w] [-l key=value] [-n NAMESPACE | -A]',
		flags: [flag('output', true, '-o wide|name|yaml|json', 'o'), flag('watch', false, '-w/--watch', 'w'), flag('selector', true, '-l/--selector=key=value', 'l'), flag('all-namespaces', false, '-A/--all-namespaces', 'A'), NAMESPACE]
	},
	describe: { usage: 'kubectl describe pod|deployment|node|service [NAME]', flags: [NAMESPACE] },
	'create deployment': {
		usage: 'kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=PORT]',
		flags: [flag('image', true, '--image=IMAGE'), flag('replicas', true, '--replicas=N', 'r'), flag('port', true, '--port=PORT'), NAMESPACE]
	},
	apply: { usage: 'kubectl apply -f - (the manifest from the editor)', flags: [flag('filename', true, '-f/--filename=FILE', 'f'), NAMESPACE] },
	scale: { usage: 'kubectl scale deployment NAME --replicas=N', flags: [flag('replicas', true, '--replicas=N'), NAMESPACE] },
	'set image': { usage: 'kubectl set image deployment/NAME CONTAINER=IMAGE', flags: [NAMESPACE] },
	rollout: {
		usage: 'kubectl rollout status|history|undo deployment/NAME [--to-revision=N]',
		flags: [flag('to-revision', true, '--to-revision=N'), flag('revision', true, '--revision=N'), NAMESPACE]
	},
	expose: {
		usage: 'kubectl expose deployment NAME --port=PORT [--target-port=PORT] [--type=ClusterIP|NodePort|LoadBalancer]',
		flags: [flag('port', true, '--port=PORT'), flag('target-port', true, '--target-port=PORT'), flag('type', true, '--type=ClusterIP|NodePort|LoadBalancer'), NAMESPACE]
	},
	delete: { usage: 'kubectl delete pod|deployment|service NAME…', flags: [NAMESPACE] },
	cordon: { usage: 'kubectl cordon NODE', flags: [] },
	uncordon: { usage: 'kubectl uncordon NODE', flags: [] },
	drain: {
		usage: 'kubectl drain NODE --ignore-daemonsets [--force] [--disable-eviction]',
		flags: [flag('ignore-daemonsets', false, '--ignore-daemonsets'), flag('delete-emptydir-data', false, '--delete-emptydir-data'), flag('force', false, '--force'), flag('disable-eviction', false, '--disable-eviction')]
	},
	logs: {
		usage: 'kubectl logs POD [-c CONTAINER] [-p] [-f] [--tail=N]',
		flags: [flag('container', true, '-c/--container=NAME', 'c'), flag('previous', false, '-p/--previous', 'p'), flag('follow', false, '-f/--follow', 'f'), flag('tail', true, '--tail=N'), NAMESPACE]
	}
};

/** The first words of every supported verb, for completion and the "Supported:" list. */
export const VERB_WORDS = ['get', 'describe', 'create', 'apply', 'scale', 'set', 'rollout', 'expose', 'delete', 'cordon', 'uncordon', 'drain', 'logs'];

export const SUPPORTED = 'Supported: get, describe, create deployment, apply -f -, scale, set image, rollout status|history|undo, expose, delete, cordon, uncordon, drain, logs.';

/** Real kubectl commands this prompt does not model: named as such, not as typos. */
export const UNSUPPORTED_VERBS = new Set([
	'run', 'edit', 'patch', 'label', 'annotate', 'replace', 'exec', 'attach', 'port-forward', 'proxy', 'cp', 'top', 'auth',
	'api-resources', 'api-versions', 'config', 'explain', 'autoscale', 'certificate', 'cluster-info', 'taint', 'wait', 'events',
	'diff', 'kustomize', 'plugin', 'version', 'completion', 'debug', 'alpha'
]);

/** Every name kubectl accepts for a type the cluster stores (singular, plural, short, group-qualified). */
const ALIASES: Record<ResourceType, string[]> = {
	pods: ['pod', 'pods', 'po'],
	deployments: ['deployment', 'deployments', 'deploy', 'deployment.apps', 'deployments.apps'],
	replicasets: ['replicaset', 'replicasets', 'rs', 'replicaset.apps', 'replicasets.apps'],
	nodes: ['node', 'nodes', 'no'],
	services: ['service', 'services', 'svc'],
	endpointslices: ['endpointslice', 'endpointslices', 'endpointslice.discovery.k8s.io', 'endpointslices.discovery.k8s.io'],
	events: ['event', 'events', 'ev', 'events.events.k8s.io']
};

const BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([type, names]) => names.map((n) => [n, type as ResourceType])));

export const resourceType = (word: string): ResourceType | undefined => BY_ALIAS.get(word.toLowerCase());

/** kubectl's singular of a type, as in `deployment.apps/nginx` and `pod/x` (the group for apps kinds). */
export const SINGULAR: Record<ResourceType, string> = {
	pods: 'pod',
	deployments: 'deployment.apps',
	replicasets: 'replicaset.apps',
	nodes: 'node',
	services: 'service',
	endpointslices: 'endpointslice.discovery.k8s.io',
	events: 'event'
};

/** Real types the cluster does not model, with a word of why where it helps. */
export const UNSUPPORTED_TYPES: Record<string, string> = {
	endpoints: 'Endpoints is deprecated since v1.33 and not modelled; this cluster has EndpointSlices: kubectl get endpointslices',
	ep: 'Endpoints is deprecated since v1.33 and not modelled; this cluster has EndpointSlices: kubectl get endpointslices',
	...Object.fromEntries(
		['configmaps', 'cm', 'secrets', 'namespaces', 'ns', 'ingresses', 'ing', 'statefulsets', 'sts', 'daemonsets', 'ds', 'jobs', 'cronjobs', 'cj',
			'persistentvolumeclaims', 'pvc', 'persistentvolumes', 'pv', 'serviceaccounts', 'sa', 'leases', 'horizontalpodautoscalers', 'hpa', 'networkpolicies', 'netpol']
			.map((t) => [t, 'this cluster models pods, deployments, replicasets, nodes, services, endpointslices and events'])
	)
};

/** Every spelling a completion offers for a type: kubectl's plural names and short forms. */
export const TYPE_WORDS: ResourceType[] = ['pods', 'deployments', 'replicasets', 'nodes', 'services', 'endpointslices', 'events'];
