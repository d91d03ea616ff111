// The cluster's state as the walkthroughs' `kubectl get`-style tables, in the shapes (titles and
// columns) of src/content/kubernetes/tables.ts. Each cell is computed as kubectl prints it
// (k8s.io/kubectl and pkg/printers/internalversion/printers.go), from the objects as stored.
import type { StateTable } from '$lib/model/types';
import type { Deployment, EndpointSlice, Node, Pod, ReplicaSet, Service } from '../types';

const byName = <T extends { metadata: { name: string } }>(xs: T[]) => [...xs].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));

/** NAME, READY (ready/desired), UP-TO-DATE, AVAILABLE. */
export function deploymentsTable(deployments: Deployment[]): StateTable {
	return {
		title: 'Deployments',
		columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE'],
		rows: byName(deployments).map((d) => {
			const s = d.status;
			return [d.metadata.name, `${s?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, String(s?.updatedReplicas ?? 0), String(s?.availableReplicas ?? 0)];
		})
	};
}

/** NAME, DESIRED (spec.replicas), CURRENT (status.replicas), READY. */
export function replicaSetsTable(replicaSets: ReplicaSet[]): StateTable {
	return {
		title: 'ReplicaSets',
		columns: ['NAME', 'DESIRED', 'CURRENT', 'READY'],
		rows: byName(replicaSets).map((r) => [r.metadata.name, String(r.spec.replicas ?? 1), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0)])
	};
}

/**
 * kubectl's STATUS column (printPod): the phase, or the Pod's reason; a container's waiting reason
 * (ContainerCreating, ErrImagePull, CrashLoopBackOff) or terminated reason overrides it; a Pod with
 * a deletionTimestamp is Terminating.
 */
export function podStatus(pod: Pod): string {
	let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
	let running = false;
	for (const c of [...(pod.status?.containerStatuses ?? [])].reverse()) {
		const st = c.state;
		if (st?.waiting?.reason) reason = st.waiting.reason;
		else if (st?.terminated) reason = st.terminated.reason ?? `ExitCode:${st.terminated.exitCode}`;
		else if (st?.running && c.ready) running = true;
	}
	if (reason === 'Completed' && running) {
		const ready = pod.status?.conditions?.find((x) => x.type === 'Ready')?.status === 'True';
		reason = ready ? 'Running' : 'NotReady';
	}
	if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
	return reason;
}

/** NAME, STATUS, NODE, IP, with `<none>` where kubectl prints it. */
export function podsTable(pods: Pod[]): StateTable {
	return {
		title: 'Pods',
		columns: ['NAME', 'STATUS', 'NODE', 'IP'],
		rows: byName(pods).map((p) => [p.metadata.name, podStatus(p), p.spec.nodeName ?? '<none>', p.status?.podIP ?? '<none>'])
	};
}

/**
 * kubectl's AGE and "ago" (apimachinery duration.HumanDuration): seconds below 2 minutes, then 3m5s,
 * minutes from 10 minutes, hours from 3 hours (the walkthroughs' runs stay within a few hours).
 */
export function humanDuration(ms: number): string {
	const s = Math.floor(ms / 1000);
	if (s < -1) return '<invalid>';
	if (s < 0) return '0s';
	if (s < 120) return `${s}s`;
	const m = Math.floor(s / 60);
	if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
	if (m < 180) return `${m}m`;
	const h = Math.floor(m / 60);
	if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
	return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
}

/** kubectl's READY (ready and running containers / all) and RESTARTS (`2 (8s ago)`: since the latest lastState.terminated.finishedAt). */
function readyAndRestarts(pod: Pod, nowMs: number): [string, string] {
	const statuses = pod.status?.containerStatuses ?? [];
	const ready = statuses.filter((c) => c.ready && c.state?.running).length;
	const restarts = statuses.reduce((n, c) => n + c.restartCount, 0);
	const last = Math.max(0, ...statuses.map((c) => Date.parse(c.lastState?.terminated?.finishedAt ?? '') || 0));
	return [`${ready}/${pod.spec.containers.length}`, restarts && last ? `${restarts} (${humanDuration(nowMs - last)} ago)` : String(restarts)];
}

/** Pods with kubectl's READY and RESTARTS too (NAME, READY, STATUS, RESTARTS, NODE, IP): a crash loop's table. `nowMs` is wall-clock time. */
export function podsRestartsTable(pods: Pod[], nowMs: number): StateTable {
	return {
		title: 'Pods',
		columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'NODE', 'IP'],
		rows: byName(pods).map((p) => {
			const [ready, restarts] = readyAndRestarts(p, nowMs);
			return [p.metadata.name, ready, podStatus(p), restarts, p.spec.nodeName ?? '<none>', p.status?.podIP ?? '<none>'];
		})
	};
}

/** What `kubectl get pods` prints (NAME, READY, STATUS, RESTARTS, AGE), `nowMs` wall-clock time. */
export function getPodsText(pods: Pod[], nowMs: number): string {
	const rows = byName(pods).map((p) => {
		const [ready, restarts] = readyAndRestarts(p, nowMs);
		return [p.metadata.name, ready, podStatus(p), restarts, humanDuration(nowMs - Date.parse(p.metadata.creationTimestamp ?? ''))];
	});
	return tableText({ title: '', columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], rows }).trim();
}

/**
 * kubectl's node STATUS (printNode in pkg/printers/internalversion/printers.go): Ready when the Ready
 * condition is True, NotReady when it is False or Unknown, Unknown only when there is no Ready
 * condition at all; plus SchedulingDisabled when cordoned.
 */
export function nodeStatus(node: Node): string {
	const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
	const status = [ready === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'];
	if (node.spec.unschedulable) status.push('SchedulingDisabled');
	return status.join(',');
}

/** A taint as the walkthroughs write it: `unreachable:NoExecute` (the `node.kubernetes.io/` prefix dropped). */
const taintText = (t: { key: string; value?: string; effect: string }) => `${t.key.replace(/^node\.kubernetes\.io\//, '')}${t.value ? `=${t.value}` : ''}:${t.effect}`;

/** NAME, STATUS, TAINTS (`key:effect`, joined with ", " as in the walkthroughs). */
export function nodesTable(nodes: Node[]): StateTable {
	return {
		title: 'Nodes',
		columns: ['NAME', 'STATUS', 'TAINTS'],
		rows: byName(nodes).map((n) => [n.metadata.name, nodeStatus(n), n.spec.taints?.map(taintText).join(', ') || '<none>'])
	};
}

/** NAME, TYPE, CLUSTER-IP, EXTERNAL-IP (`<pending>` for a LoadBalancer with no ingress yet), PORT(S) as `80:31380/TCP`. */
export function servicesTable(services: Service[]): StateTable {
	const external = (s: Service) => {
		const ingress = s.status?.loadBalancer.ingress?.map((i) => i.ip ?? i.hostname ?? '').join(',');
		return ingress || (s.spec.type === 'LoadBalancer' ? '<pending>' : '<none>');
	};
	const ports = (s: Service) => s.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
	return {
		title: 'Services',
		columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)'],
		rows: byName(services).map((s) => [s.metadata.name, s.spec.type ?? 'ClusterIP', s.spec.clusterIP ?? '<none>', external(s), ports(s)])
	};
}

/** NAME, ADDRESSTYPE, PORTS, ENDPOINTS: every address, ready or not, as kubectl lists them (joined with ", " as in the walkthroughs; kubectl stops at 3 and adds "+ N more..."). */
export function endpointSlicesTable(slices: EndpointSlice[]): StateTable {
	const addresses = (s: EndpointSlice) => {
		const all = s.endpoints.flatMap((e) => e.addresses);
		return all.length ? all.slice(0, 3).join(', ') + (all.length > 3 ? ` + ${all.length - 3} more...` : '') : '<unset>';
	};
	return {
		title: 'EndpointSlices',
		columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS'],
		rows: byName(slices).map((s) => [s.metadata.name, s.addressType, s.ports?.map((p) => String(p.port ?? '')).join(',') || '<unset>', addresses(s)])
	};
}

/** A table as kubectl prints it: columns padded to the widest cell plus three spaces. */
export function tableText(table: StateTable): string {
	const cells = [table.columns, ...table.rows];
	const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
	const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('');
	const body = table.rows.length ? cells.map(line) : [line(table.columns), 'No resources found in default namespace.'];
	return `${table.title}\n${body.join('\n')}\n`;
}
