// The admission chain after authentication and authorization: mutating plugins, then validation,
// then validating plugins (flows.md K1 step 2). Only the plugins whose effect the walkthroughs show
// are modelled: DefaultTolerationSeconds (mutating) and NamespaceLifecycle (validating), plus a
// little schema validation. Each returns a short text for the trace, or an error that stops the request.
import type { KubeObject, Pod, Toleration } from '../types';
import { fromLabelSelector, matchesLabels } from './selectors';
import { invalid, notFound, type ApiError } from './status';
import { RESOURCES } from './resources';

/** kube-apiserver --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;
export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** True if some toleration already covers the NoExecute taint `key` (an empty key or effect is a wildcard). */
const tolerates = (tolerations: Toleration[], key: string) =>
	tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));

/** Whether DefaultTolerationSeconds would change the Pod (add a toleration, or the empty list). */
export const lacksDefaultTolerations = (pod: Pod) => !pod.spec.tolerations || !tolerates(pod.spec.tolerations, NOT_READY) || !tolerates(pod.spec.tolerations, UNREACHABLE);

/** DefaultTolerationSeconds: lets a Pod stay 300 s on a not-ready or unreachable node before eviction. */
export function defaultTolerationSeconds(pod: Pod): string | undefined {
	const tolerations = (pod.spec.tolerations ??= []);
	const added: string[] = [];
	for (const key of [NOT_READY, UNREACHABLE])
		if (!tolerates(tolerations, key)) {
			tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
			added.push(key.slice('node.kubernetes.io/'.length));
		}
	return added.length ? `DefaultTolerationSeconds added ${added.join(' and ')} (NoExecute, ${DEFAULT_TOLERATION_SECONDS} s)` : undefined;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Schema validation of the fields modelled; real messages, shortened. */
export function validate(obj: KubeObject): ApiError | undefined {
	const { name } = obj.metadata;
	if (!DNS_SUBDOMAIN.test(name) || name.length > 253)
		return invalid(obj.kind, name, `metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'`);
	if (obj.kind === 'Pod' && obj.spec.containers.length === 0) return invalid('Pod', name, 'spec.containers: Required value');
	if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') {
		if ((obj.spec.replicas ?? 0) < 0) return invalid(obj.kind, name, 'spec.replicas: Invalid value: must be greater than or equal to 0');
		const labels = obj.spec.template.metadata?.labels;
		if (!matchesLabels(fromLabelSelector(obj.spec.selector), labels) || Object.keys(obj.spec.selector.matchLabels ?? {}).length === 0)
			return invalid(obj.kind, name, 'spec.template.metadata.labels: Invalid value: `selector` does not match template `labels`');
	}
	return undefined;
}

/** NamespaceLifecycle: no new objects in a namespace that does not exist or is being deleted. */
export function namespaceLifecycle(obj: KubeObject, namespaceOf: (name: string) => KubeObject | undefined): ApiError | undefined {
	if (!RESOURCES[obj.kind].namespaced) return undefined;
	const ns = obj.metadata.namespace ?? '';
	const found = namespaceOf(ns);
	if (!found) return notFound(RESOURCES.Namespace, ns);
	if (found.metadata.deletionTimestamp)
		return { ok: false, code: 403, reason: 'Forbidden', message: `unable to create new content in namespace ${ns} because it is being terminated` };
	return undefined;
}
