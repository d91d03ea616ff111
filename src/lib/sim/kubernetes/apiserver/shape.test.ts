import { describe, expect, it } from 'vitest';
import { deployment } from '../fixtures';
import type { KubeObject } from '../types';
import { checkShape } from './shape';

const d = deployment('web', 2) as unknown as KubeObject;
const svc = { kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }], selector: { app: 'web' } } } as unknown as KubeObject;
const withSpec = (o: KubeObject, spec: unknown) => ({ ...o, spec }) as unknown as KubeObject;

describe('checkShape: what the API server refuses before defaulting', () => {
	it('well-formed objects pass', () => {
		expect(checkShape(d)).toBeUndefined();
		expect(checkShape(svc)).toBeUndefined();
	});

	it.each([
		['replicas as a string', withSpec(d, { ...(d as { spec: object }).spec, replicas: 'three' }), 400, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
		['a number as a label value', { ...d, metadata: { name: 'web', labels: { version: 1 } } }, 400, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
		['no spec at all', withSpec(d, undefined), 422, 'Deployment "web" is invalid: [spec.selector: Required value, spec.template.spec.containers: Required value]'],
		['a container without an image', withSpec(d, { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web' }] } } }), 422, 'Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value'],
		['containers as a map', withSpec(d, { selector: {}, template: { spec: { containers: { name: 'web' } } } }), 400, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []PodSpec'],
		['a Service without ports', withSpec(svc, { selector: { app: 'web' } }), 422, 'Service "web" is invalid: spec.ports: Required value'],
		['a Service port out of range', withSpec(svc, { ports: [{ port: 70000 }] }), 422, 'Service "web" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
		['a Service type misspelt', withSpec(svc, { type: 'Loadbalancer', ports: [{ port: 80 }] }), 422, 'Service "web" is invalid: spec.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
		['a Service port as a string', withSpec(svc, { ports: [{ port: '80' }] }), 400, 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports[0].port of type int32']
	])('%s', (_, obj, code, message) => expect(checkShape(obj as KubeObject)).toMatchObject({ ok: false, code, message }));
});
