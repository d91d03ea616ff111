// `kubectl describe`: the requests kubectl makes (GET the object; the Deployment's ReplicaSets, the
// node's Pods, the Service's EndpointSlices; the object's Events by field selector) and the text.
import { equalIgnoreHash } from '../controllers/deployment-util';
import { formatSelector } from '../apiserver/selectors';
import type { Deployment, EndpointSlice, Event, KubeObject, Node, Pod, ReplicaSet, Service } from '../types';
import type { DescribeCommand } from './command';
import { KIND_OF, type Handled, type HandlerContext } from './context';
import { describePod, eventLines, mapLines, rfc1123, templateLines } from './describe-format';
import { serverError } from './output';
import { humanDuration } from './printers';
import { tabwrite } from './tabwriter';

type Related = { replicaSets?: ReplicaSet[]; pods?: Pod[]; slices?: EndpointSlice[] };

export function describe(cmd: DescribeCommand, ctx: HandlerContext): Handled {
	const { client, term } = ctx;
	const kind = KIND_OF[cmd.resource];
	const namespace = cmd.resource === 'nodes' ? undefined : cmd.namespace;
	const one = (o: KubeObject, then: (text: string) => void) => {
		const related: Related = {};
		const events = () =>
			client.list('Event', {
				namespace: cmd.resource === 'nodes' ? 'default' : cmd.namespace,
				fieldSelector: `involvedObject.kind=${o.kind},involvedObject.name=${o.metadata.name}`,
				done: (e) => then(tabwrite(text(o, related, e.ok ? e.items : [], ctx.now())))
			});
		if (o.kind === 'Deployment') client.list('ReplicaSet', { namespace, done: (r) => ((related.replicaSets = r.ok ? r.items : []), events()) });
		else if (o.kind === 'Node') client.list('Pod', { fieldSelector: `spec.nodeName=${o.metadata.name}`, done: (r) => ((related.pods = r.ok ? r.items : []), events()) });
		else if (o.kind === 'Service') client.list('EndpointSlice', { namespace, labelSelector: `kubernetes.io/service-name=${o.metadata.name}`, done: (r) => ((related.slices = r.ok ? r.items : []), events()) });
		else events();
	};
	const all = (objects: KubeObject[]) => {
		const texts: string[] = [];
		if (objects.length === 0) return (term.err(namespace ? `No resources found in ${namespace} namespace.` : 'No resources found'), term.done(0));
		const next = (i: number) => (i === objects.length ? (term.out(texts.join('\n\n\n')), term.done(0)) : one(objects[i] as KubeObject, (t) => (texts.push(t), next(i + 1))));
		next(0);
	};
	if (cmd.name) client.get(kind, { name: cmd.name, namespace }, { done: (r) => (r.ok ? all([r.object]) : (term.err(serverError(r)), term.done(1))) });
	else client.list(kind, { namespace, done: (r) => (r.ok ? all(r.items) : (term.err(serverError(r)), term.done(1))) });
}

function text(o: KubeObject, related: Related, events: Event[], now: number): string {
	switch (o.kind) {
		case 'Pod':
			return describePod(o, events, now);
		case 'Deployment':
			return describeDeployment(o, related.replicaSets ?? [], events, now);
		case 'Node':
			return describeNode(o, related.pods ?? [], events, now);
		case 'Service':
			return describeService(o, related.slices ?? [], events, now);
		default:
			return `Name:\t${o.metadata.name}`;
	}
}

function describeDeployment(d: Deployment, replicaSets: ReplicaSet[], events: Event[], now: number): string {
	const s = d.status ?? {};
	const owned = replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((x) => x.controller && x.uid === d.metadata.uid));
	const ru = d.spec.strategy?.rollingUpdate;
	const newest = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
	const old = owned.filter((rs) => rs !== newest && (rs.spec.replicas ?? 0) > 0);
	const rsText = (rs: ReplicaSet) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`;
	return [
		`Name:\t${d.metadata.name}`,
		`Namespace:\t${d.metadata.namespace ?? 'default'}`,
		`CreationTimestamp:\t${rfc1123(d.metadata.creationTimestamp)}`,
		...mapLines('Labels', d.metadata.labels),
		...mapLines('Annotations', d.metadata.annotations, '', ': '),
		`Selector:\t${formatSelector(d.spec.selector)}`,
		`Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`,
		`StrategyType:\t${d.spec.strategy?.type ?? 'RollingUpdate'}`,
		`MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}`,
		...(d.spec.strategy?.type === 'Recreate' ? [] : [`RollingUpdateStrategy:\t${ru?.maxUnavailable ?? '25%'} max unavailable, ${ru?.maxSurge ?? '25%'} max surge`]),
		...templateLines(d.spec.template),
		...(s.conditions?.length ? ['Conditions:', '  Type\tStatus\tReason', '  ----\t------\t------', ...s.conditions.map((c) => `  ${c.type} \t${c.status}\t${c.reason ?? ''}`)] : []),
		`OldReplicaSets:\t${old.map(rsText).join(', ') || '<none>'}`,
		`NewReplicaSet:\t${newest ? rsText(newest) : '<none>'}`,
		...eventLines(events, now)
	].join('\n');
}

function describeNode(n: Node, pods: Pod[], events: Event[], now: number): string {
	const st = n.status ?? {};
	const list = (title: string, m: Record<string, string | undefined> | undefined) => [`${title}:`, ...Object.entries(m ?? {}).map(([k, v]) => `  ${k}:\t${v ?? ''}`)];
	const running = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
	return [
		`Name:\t${n.metadata.name}`,
		'Roles:\t<none>',
		...mapLines('Labels', n.metadata.labels),
		...mapLines('Annotations', n.metadata.annotations, '', ': '),
		`CreationTimestamp:\t${rfc1123(n.metadata.creationTimestamp)}`,
		...(n.spec.taints?.length ? n.spec.taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`) : ['Taints:\t<none>']),
		`Unschedulable:\t${Boolean(n.spec.unschedulable)}`,
		'Conditions:',
		'  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
		'  ----\t------\t-----------------\t------------------\t------\t-------',
		...(st.conditions ?? []).map((c) => `  ${c.type} \t${c.status} \t${rfc1123(c.lastHeartbeatTime)} \t${rfc1123(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`),
		'Addresses:',
		...(st.addresses ?? []).map((a) => `  ${a.type}:\t${a.address}`),
		...list('Capacity', st.capacity as Record<string, string>),
		...list('Allocatable', st.allocatable as Record<string, string>),
		'System Info:',
		`  OS Image:\t${st.nodeInfo?.osImage ?? ''}`,
		`  Architecture:\t${st.nodeInfo?.architecture ?? ''}`,
		`  Container Runtime Version:\t${st.nodeInfo?.containerRuntimeVersion ?? ''}`,
		`  Kubelet Version:\t${st.nodeInfo?.kubeletVersion ?? ''}`,
		`PodCIDR:\t${n.spec.podCIDR ?? ''}`,
		`PodCIDRs:\t${n.spec.podCIDR ?? ''}`,
		`Non-terminated Pods:\t(${running.length} in total)`,
		'  Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
		'  ---------\t----\t------------\t----------\t---------------\t-------------\t---',
		...running.map((p) => `  ${p.metadata.namespace ?? ''}\t${p.metadata.name}\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${humanDuration(now - Date.parse(p.metadata.creationTimestamp))}`),
		...eventLines(events, now)
	].join('\n');
}

function describeService(s: Service, slices: EndpointSlice[], events: Event[], now: number): string {
	const ingress = s.status?.loadBalancer.ingress?.map((i) => i.ip ?? i.hostname ?? '').filter(Boolean) ?? [];
	const ports = s.spec.ports.flatMap((p) => {
		const ready = slices.flatMap((sl) => sl.endpoints.filter((e) => e.conditions?.ready !== false).flatMap((e) => e.addresses.map((a) => `${a}:${p.targetPort ?? p.port}`)));
		return [
			`Port:\t${p.name ?? '<unset>'}\t${p.port}/${p.protocol ?? 'TCP'}`,
			`TargetPort:\t${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`,
			...(p.nodePort ? [`NodePort:\t${p.name ?? '<unset>'}\t${p.nodePort}/${p.protocol ?? 'TCP'}`] : []),
			`Endpoints:\t${ready.join(',')}`
		];
	});
	return [
		`Name:\t${s.metadata.name}`,
		`Namespace:\t${s.metadata.namespace ?? 'default'}`,
		...mapLines('Labels', s.metadata.labels),
		...mapLines('Annotations', s.metadata.annotations, '', ': '),
		`Selector:\t${Object.entries(s.spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}`,
		`Type:\t${s.spec.type ?? 'ClusterIP'}`,
		'IP Family Policy:\tSingleStack',
		'IP Families:\tIPv4',
		`IP:\t${s.spec.clusterIP ?? ''}`,
		`IPs:\t${s.spec.clusterIP ?? ''}`,
		...(ingress.length ? [`LoadBalancer Ingress:\t${ingress.join(', ')}`] : []),
		...ports,
		'Session Affinity:\tNone',
		...(s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer' ? ['External Traffic Policy:\tCluster', 'Internal Traffic Policy:\tCluster'] : ['Internal Traffic Policy:\tCluster']),
		...eventLines(events, now)
	].join('\n');
}
