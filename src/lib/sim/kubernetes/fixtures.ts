// Small objects for tests and scenarios (not content: real walkthroughs build their own).
import type { NewObject } from './types';

export const deployment = (name: string, replicas: number, image = 'nginx'): NewObject<'Deployment'> & { kind: 'Deployment' } => ({
	kind: 'Deployment',
	metadata: { name, namespace: 'default', labels: { app: name } },
	spec: {
		replicas,
		selector: { matchLabels: { app: name } },
		template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.split(':')[0] ?? image, image }] } }
	}
});

/** A Pod with a fixed name, or generateName when `name` ends with "-". */
export const pod = (name: string, labels: Record<string, string> = { app: 'nginx' }, extra: Partial<NewObject<'Pod'>['spec']> = {}): NewObject<'Pod'> & { kind: 'Pod' } => ({
	kind: 'Pod',
	metadata: { ...(name.endsWith('-') ? { generateName: name } : { name }), namespace: 'default', labels },
	spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...extra }
});

export const node = (name: string): NewObject<'Node'> & { kind: 'Node' } => ({
	kind: 'Node',
	metadata: { name },
	spec: {},
	status: {
		capacity: { cpu: '2', memory: '8Gi', pods: '110' },
		allocatable: { cpu: '1900m', memory: '7Gi', pods: '110' },
		conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }]
	}
});
