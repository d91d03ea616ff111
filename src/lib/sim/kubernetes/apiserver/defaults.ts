// Defaulting: what the API server fills in when it decodes an object, before admission. These are the
// real defaults of the fields modelled (see the API reference of each kind).
import type { Container, KubeObject, PodSpec } from '../types';

/** Always for an untagged or :latest image, else IfNotPresent (as the real defaulting does). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
	const afterSlash = image.slice(image.lastIndexOf('/') + 1);
	if (image.includes('@')) return 'IfNotPresent';
	const tag = afterSlash.includes(':') ? afterSlash.slice(afterSlash.indexOf(':') + 1) : '';
	return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultPodSpec(spec: PodSpec): void {
	spec.restartPolicy ??= 'Always';
	spec.terminationGracePeriodSeconds ??= 30;
	spec.schedulerName ??= 'default-scheduler';
	spec.containers.forEach((c: Container) => {
		c.imagePullPolicy ??= defaultPullPolicy(c.image);
		for (const p of c.ports ?? []) p.protocol ??= 'TCP';
	});
}

/**
 * Fills defaults in place; obj is the API server's own copy of what the client sent, but below its top
 * level it may share parts with the stored object (a merge patch keeps what it does not touch), which
 * are immutable. Those parts were defaulted when stored, so only missing fields are filled (`??=`) and a
 * nested field is never overwritten: a shared part is never written to.
 */
export function applyDefaults(obj: KubeObject): void {
	switch (obj.kind) {
		case 'Pod':
			defaultPodSpec(obj.spec);
			obj.status = { phase: 'Pending', ...obj.status };
			break;
		case 'ReplicaSet':
			obj.spec.replicas ??= 1;
			defaultPodSpec(obj.spec.template.spec);
			break;
		case 'Deployment':
			obj.spec.replicas ??= 1;
			obj.spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
			obj.spec.revisionHistoryLimit ??= 10;
			obj.spec.progressDeadlineSeconds ??= 600;
			defaultPodSpec(obj.spec.template.spec);
			break;
		case 'Service':
			obj.spec.type ??= 'ClusterIP';
			for (const p of obj.spec.ports) {
				p.protocol ??= 'TCP';
				p.targetPort ??= p.port;
			}
			obj.status ??= { loadBalancer: {} };
			break;
		case 'Namespace':
			obj.status = { phase: 'Active' };
			break;
		default:
			break;
	}
}
