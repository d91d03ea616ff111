import { describe, expect, it } from 'vitest';
import { walkthroughs } from '../registry';

// The hub rule from flows.md, checked over every message of every Kubernetes walkthrough (branches too).
const CONTROL = ['kubectl', 'kube-scheduler', 'kube-controller-manager'];
const k8s = walkthroughs.filter((w) => w.scene === 'kubernetes');

describe.each(k8s.map((w) => [w.id, w] as const))('%s keeps the hub rule', (_id, w) => {
	const messages = w.steps.flatMap((s) => (s.messages ?? []).map((m) => ({ ...m, step: s.id })));
	it('only kube-apiserver talks to etcd', () => {
		for (const m of messages)
			if (m.from === 'etcd' || m.to === 'etcd') expect([m.from, m.to], `${m.step}: ${m.summary}`).toContain('kube-apiserver');
	});
	it('kubectl, the scheduler and kube-controller-manager talk only to kube-apiserver', () => {
		for (const m of messages) {
			if (CONTROL.includes(m.from)) expect(m.to, `${m.step}: ${m.summary}`).toBe('kube-apiserver');
			if (CONTROL.includes(m.to)) expect(m.from, `${m.step}: ${m.summary}`).toBe('kube-apiserver');
		}
	});
	it('kubelets talk only to the API server and their own runtime', () => {
		for (const m of messages)
			for (const [self, other] of [[m.from, m.to], [m.to, m.from]] as const)
				if (self.startsWith('kubelet-')) expect(['kube-apiserver', `runtime-${self.slice(8)}`], `${m.step}: ${m.summary}`).toContain(other);
	});
});
