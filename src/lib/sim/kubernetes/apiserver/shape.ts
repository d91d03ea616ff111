// Decoding and required fields, checked before defaulting: what the real API server answers when a
// client sends a malformed object (a learner's manifest through `kubectl apply`, a patch that removes
// a required field). Types first, as decoding fails before validation (400 BadRequest, Go's
// json.Unmarshal wording); then required fields (422 Invalid, every problem listed as the API lists them).
// The components send well-formed objects, so none of their requests is affected.
import type { KubeObject } from '../types';
import { badRequest, invalid, type ApiError } from './status';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const goType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v);

type Field = [path: string, value: unknown, want: 'string' | 'int32' | 'map' | 'array' | 'labels', goField: string];

/** The first field of the wrong JSON type, in json.Unmarshal's words. */
function typeError(kind: string, fields: Field[]): ApiError | undefined {
	for (const [path, value, want, goField] of fields) {
		if (value === undefined || value === null) continue;
		const ok =
			want === 'string' ? typeof value === 'string' : want === 'int32' ? Number.isInteger(value) : want === 'array' ? Array.isArray(value) : want === 'labels' ? isMap(value) && Object.values(value).every((x) => typeof x === 'string') : isMap(value);
		if (ok) continue;
		const bad = want === 'labels' && isMap(value) ? Object.values(value).find((x) => typeof x !== 'string') : value;
		const goWant = want === 'labels' ? 'string' : want === 'map' ? `${goField}` : want === 'array' ? `[]${goField}` : want;
		return badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: json: cannot unmarshal ${goType(bad)} into Go struct field ${goField}.${path} of type ${goWant}`);
	}
	return undefined;
}

export function checkShape(obj: KubeObject): ApiError | undefined {
	const o = obj as unknown as { metadata?: Record<string, unknown>; spec?: unknown };
	const meta = typeError(obj.kind, [
		['metadata.labels', o.metadata?.labels, 'labels', 'ObjectMeta'],
		['metadata.annotations', o.metadata?.annotations, 'labels', 'ObjectMeta']
	]);
	if (meta) return meta;
	if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') return workload(obj.kind, obj.metadata.name, o.spec);
	if (obj.kind === 'Service') return service(obj.metadata.name, o.spec);
	return undefined;
}

function workload(kind: string, name: string, spec: unknown): ApiError | undefined {
	const s = isMap(spec) ? spec : {};
	const template = isMap(s.template) ? s.template : undefined;
	const podSpec = template && isMap(template.spec) ? template.spec : undefined;
	const containers = podSpec?.containers;
	const typed = typeError(kind, [
		['spec', spec, 'map', `${kind}`],
		['spec.replicas', s.replicas, 'int32', `${kind}Spec`],
		['spec.selector', s.selector, 'map', `${kind}Spec`],
		['spec.template', s.template, 'map', `${kind}Spec`],
		['spec.template.metadata.labels', template && isMap(template.metadata) ? template.metadata.labels : undefined, 'labels', 'ObjectMeta'],
		['spec.template.spec.containers', containers, 'array', 'PodSpec'],
		...(Array.isArray(containers) ? containers.flatMap((c, i): Field[] => [
			[`spec.template.spec.containers[${i}].name`, isMap(c) ? c.name : c, 'string', 'Container'],
			[`spec.template.spec.containers[${i}].image`, isMap(c) ? c.image : undefined, 'string', 'Container']
		]) : [])
	]);
	if (typed) return typed;
	const missing: string[] = [];
	if (!isMap(s.selector)) missing.push('spec.selector: Required value');
	if (!Array.isArray(containers) || containers.length === 0) missing.push('spec.template.spec.containers: Required value');
	else
		containers.forEach((c, i) => {
			if (!isMap(c) || !c.name) missing.push(`spec.template.spec.containers[${i}].name: Required value`);
			if (!isMap(c) || !c.image) missing.push(`spec.template.spec.containers[${i}].image: Required value`);
		});
	return missing.length ? invalid(kind, name, missing.length === 1 ? (missing[0] as string) : `[${missing.join(', ')}]`) : undefined;
}

function service(name: string, spec: unknown): ApiError | undefined {
	const s = isMap(spec) ? spec : {};
	const ports = s.ports;
	const typed = typeError('Service', [
		['spec', spec, 'map', 'Service'],
		['spec.selector', s.selector, 'labels', 'ServiceSpec'],
		['spec.type', s.type, 'string', 'ServiceSpec'],
		['spec.ports', ports, 'array', 'ServiceSpec'],
		...(Array.isArray(ports) ? ports.flatMap((p, i): Field[] => [[`spec.ports[${i}].port`, isMap(p) ? p.port : p, 'int32', 'ServicePort']]) : [])
	]);
	if (typed) return typed;
	const problems: string[] = [];
	if (s.type !== undefined && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(s.type as string))
		problems.push(`spec.type: Unsupported value: "${String(s.type)}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`);
	if (!Array.isArray(ports) || ports.length === 0) problems.push('spec.ports: Required value');
	else
		ports.forEach((p, i) => {
			const port = isMap(p) ? p.port : undefined;
			if (port === undefined) problems.push(`spec.ports[${i}].port: Required value`);
			else if (typeof port === 'number' && (port < 1 || port > 65535)) problems.push(`spec.ports[${i}].port: Invalid value: ${port}: must be between 1 and 65535, inclusive`);
		});
	return problems.length ? invalid('Service', name, problems.length === 1 ? (problems[0] as string) : `[${problems.join(', ')}]`) : undefined;
}
