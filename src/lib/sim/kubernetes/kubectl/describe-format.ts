// The shared pieces of `kubectl describe` text (pkg/describe/describe.go), written with tabs for
// tabwrite(): timestamps as RFC 1123 with a numeric zone, label and annotation blocks, a Pod
// template, the Events table, and the Pod describer.
import type { Event, Pod, PodTemplateSpec } from '../types';
import { humanDuration } from './printers';

/** `Thu, 01 Jan 2026 00:00:02 +0000` (time.RFC1123Z), as describe prints timestamps. */
export const rfc1123 = (timestamp: string | undefined) => (timestamp ? new Date(Date.parse(timestamp)).toUTCString().replace('GMT', '+0000') : '<unknown>');

/** `Labels:\tapp=nginx` then `\tpod-template-hash=…` for the rest (one per line, sorted), or `<none>`. */
export function mapLines(title: string, map: Record<string, string> | undefined, indent = '', sep = '='): string[] {
	const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	if (entries.length === 0) return [`${indent}${title}:\t<none>`];
	return entries.map(([k, v], i) => `${i === 0 ? `${indent}${title}:` : ''}\t${k}${sep}${v}`);
}

/** `Pod Template:` as describe (and `rollout history --revision`) print it. */
export function templateLines(t: PodTemplateSpec): string[] {
	return [
		'Pod Template:',
		...mapLines('Labels', t.metadata?.labels, '  '),
		...(t.metadata?.annotations ? mapLines('Annotations', t.metadata.annotations, '  ', ': ') : []),
		'  Containers:',
		...t.spec.containers.flatMap((c) => [
			`   ${c.name}:`,
			`    Image:\t${c.image}`,
			`    Port:\t${c.ports?.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') || '<none>'}`,
			`    Host Port:\t${c.ports?.length ? c.ports.map(() => `0/TCP`).join(', ') : '<none>'}`,
			`    Environment:\t<none>`,
			`    Mounts:\t<none>`
		]),
		'  Volumes:\t<none>',
		`  Node-Selectors:\t${Object.entries(t.spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}`,
		'  Tolerations:\t<none>'
	];
}

/** The Events block: a table of Type, Reason, Age (`3s (x2 over 10s)` when repeated), From, Message. */
export function eventLines(events: Event[], now: number): string[] {
	if (events.length === 0) return ['Events:\t<none>'];
	const sorted = [...events].sort((a, b) => Date.parse(a.firstTimestamp ?? a.metadata.creationTimestamp) - Date.parse(b.firstTimestamp ?? b.metadata.creationTimestamp));
	const ageOf = (e: Event) => {
		const last = humanDuration(now - Date.parse(e.lastTimestamp ?? e.metadata.creationTimestamp));
		return (e.count ?? 1) > 1 ? `${last} (x${e.count} over ${humanDuration(now - Date.parse(e.firstTimestamp ?? e.metadata.creationTimestamp))})` : last;
	};
	return ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------', ...sorted.map((e) => `  ${e.type}\t${e.reason}\t${ageOf(e)}\t${e.source?.component ?? ''}\t${e.message}`)];
}

function stateLines(label: string, state: NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number]['state'], indent: string): string[] {
	if (state?.running) return [`${indent}${label}:\tRunning`, `${indent}  Started:\t${rfc1123(state.running.startedAt)}`];
	if (state?.waiting) return [`${indent}${label}:\tWaiting`, ...(state.waiting.reason ? [`${indent}  Reason:\t${state.waiting.reason}`] : [])];
	if (state?.terminated)
		return [
			`${indent}${label}:\tTerminated`,
			...(state.terminated.reason ? [`${indent}  Reason:\t${state.terminated.reason}`] : []),
			`${indent}  Exit Code:\t${state.terminated.exitCode}`,
			`${indent}  Started:\t${rfc1123(state.terminated.startedAt)}`,
			`${indent}  Finished:\t${rfc1123(state.terminated.finishedAt)}`
		];
	return [`${indent}${label}:\tWaiting`];
}

export function describePod(p: Pod, events: Event[], now: number): string {
	const owner = p.metadata.ownerReferences?.find((o) => o.controller);
	const statuses = p.status?.containerStatuses ?? [];
	const node = p.spec.nodeName ? `${p.spec.nodeName}${p.status?.hostIP ? `/${p.status.hostIP}` : ''}` : '<none>';
	const lines = [
		`Name:\t${p.metadata.name}`,
		`Namespace:\t${p.metadata.namespace ?? 'default'}`,
		'Priority:\t0',
		'Service Account:\tdefault',
		`Node:\t${node}`,
		...(p.status?.startTime ? [`Start Time:\t${rfc1123(p.status.startTime)}`] : []),
		...mapLines('Labels', p.metadata.labels),
		...mapLines('Annotations', p.metadata.annotations, '', ': '),
		// kubectl measures "lasts" from deletionTimestamp, which a graceful delete sets in the future: `<invalid>` during the grace period, as real kubectl prints it.
		`Status:\t${p.metadata.deletionTimestamp ? `Terminating (lasts ${humanDuration(now - Date.parse(p.metadata.deletionTimestamp))})` : (p.status?.phase ?? 'Pending')}`,
		...(p.metadata.deletionTimestamp ? [`Termination Grace Period:\t${p.metadata.deletionGracePeriodSeconds ?? 30}s`] : []),
		...(p.status?.reason ? [`Reason:\t${p.status.reason}`] : []),
		`IP:\t${p.status?.podIP ?? ''}`,
		...(p.status?.podIP ? ['IPs:', `  IP:\t${p.status.podIP}`] : ['IPs:\t<none>']),
		...(owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : []),
		'Containers:',
		...p.spec.containers.flatMap((c) => {
			const s = statuses.find((x) => x.name === c.name);
			return [
				`  ${c.name}:`,
				...(s?.containerID ? [`    Container ID:\t${s.containerID}`] : []),
				`    Image:\t${c.image}`,
				`    Port:\t${c.ports?.map((x) => `${x.containerPort}/${x.protocol ?? 'TCP'}`).join(', ') || '<none>'}`,
				...stateLines('State', s?.state, '    '),
				...(s?.lastState && Object.keys(s.lastState).length ? stateLines('Last State', s.lastState, '    ') : []),
				`    Ready:\t${s?.ready ? 'True' : 'False'}`,
				`    Restart Count:\t${s?.restartCount ?? 0}`,
				'    Environment:\t<none>',
				'    Mounts:\t<none>'
			];
		}),
		'Conditions:',
		'  Type\tStatus',
		...(p.status?.conditions ?? []).map((c) => `  ${c.type} \t${c.status} `),
		'QoS Class:\tBestEffort',
		`Node-Selectors:\t${Object.entries(p.spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}`,
		...(p.spec.tolerations?.length
			? p.spec.tolerations.map((t, i) => `${i === 0 ? 'Tolerations:' : ''}\t${t.key ?? ''}${t.operator === 'Equal' || t.value ? `=${t.value ?? ''}` : ''}:${t.effect ?? ''}${t.operator === 'Exists' ? ' op=Exists' : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`)
			: ['Tolerations:\t<none>']),
		...eventLines(events, now)
	];
	return lines.join('\n');
}
