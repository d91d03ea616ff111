// The container and Kubernetes recipe (Dockerfile, deploy/kubernetes/) cannot be run here (no Docker,
// no cluster), so their promises are checked as data: parsed with the `yaml` package, field by field.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { headersConfigMap } from './render-nginx.js';

const DIR = new URL('../deploy/kubernetes/', import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, whose shape the tests below check
type Doc = { kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: any; data?: any; [k: string]: any };

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const docs: Doc[] = files.flatMap((f) =>
	parseAllDocuments(readFileSync(new URL(f, DIR), 'utf8')).map((d) => {
		expect(d.errors, f).toEqual([]);
		return d.toJS() as Doc;
	})
);
const one = (kind: string) => {
	const found = docs.filter((d) => d.kind === kind);
	expect(found, kind).toHaveLength(1);
	return found[0]!;
};

describe('deploy/kubernetes', () => {
	const deployment = one('Deployment');
	const pod = deployment.spec.template.spec;
	const container = pod.containers[0];

	it('runs two replicas whose selector matches their labels', () => {
		expect(deployment.spec.replicas).toBe(2);
		expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
		expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
	});

	it('probes the HTTP port and bounds CPU and memory', () => {
		for (const probe of [container.readinessProbe, container.livenessProbe]) expect(probe.httpGet).toEqual({ path: '/', port: 'http' });
		expect(container.ports).toContainEqual({ name: 'http', containerPort: 8080 });
		for (const kind of ['requests', 'limits']) expect(Object.keys(container.resources[kind]).sort(), kind).toEqual(['cpu', 'memory']);
	});

	it('is hardened: non-root, no privilege escalation, no capabilities, read-only root with /tmp in memory', () => {
		expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
		expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
		expect(pod.automountServiceAccountToken).toBe(false);
		expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ['ALL'] } });
		const tmp = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
		expect(pod.volumes.find((v: { name: string }) => v.name === tmp.name).emptyDir).toBeDefined();
		expect(one('Namespace').metadata.labels!['pod-security.kubernetes.io/enforce']).toBe('restricted');
	});

	it('keeps one replica through disruptions, and the Service and Ingress reach the pods', () => {
		const pdb = one('PodDisruptionBudget');
		expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
		expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
		const service = one('Service');
		expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
		expect(service.spec.ports[0].targetPort).toBe('http');
		const backend = one('Ingress').spec.rules[0].http.paths[0].backend.service;
		expect(backend).toEqual({ name: service.metadata.name, port: { name: service.spec.ports[0].name } });
	});

	it('gives the Ingress the same headers as nginx, from the same setting', () => {
		const configMap = one('ConfigMap');
		expect(one('Ingress').metadata.annotations!['nginx.ingress.kubernetes.io/custom-headers']).toBe(`wheelhouse/${configMap.metadata.name}`);
		// Generated with the default WHEELHOUSE_ALLOWED_ORIGINS; a stale copy (a changed CSP) fails here.
		expect(readFileSync(new URL('headers.yaml', DIR), 'utf8')).toBe(headersConfigMap(undefined));
		expect(Object.keys(configMap.data)).toEqual(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']);
	});

	it('is listed whole in kustomization.yaml', () => {
		const kustomization = one('Kustomization') as unknown as { resources: string[]; namespace: string };
		expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml').sort());
		expect(kustomization.namespace).toBe('wheelhouse');
	});
});

describe('Dockerfile', () => {
	const text = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
	const from = [...text.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);

	it('builds with Node 20 and serves with unprivileged nginx, as a non-root user', () => {
		expect(from).toHaveLength(2);
		expect(from[0]).toMatch(/^node:20[.-]/);
		expect(from[1]).toMatch(/^nginxinc\/nginx-unprivileged:/);
		expect(text).toMatch(/^USER 101:101$/m);
	});

	it('serves with the rendered deploy/nginx.conf on the port the Deployment expects', () => {
		expect(text).toMatch(/node scripts\/render-nginx\.js --build build .*\n?.*--listen 8080/);
		expect(text).toMatch(/^COPY --from=build \/tmp\/wheelhouse\.conf \/etc\/nginx\/conf\.d\/default\.conf$/m);
		expect(text).toMatch(/^EXPOSE 8080$/m);
	});
});
