import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { parseImage } from './images';
import { Ipam } from './ipam';
import { clusterWithNodes, runPod } from './testing';

describe('parseImage: the normalisation containerd applies', () => {
	it.each([
		['nginx', 'docker.io/library/nginx:latest', 'library/nginx', 'latest'],
		['nginx:1.27', 'docker.io/library/nginx:1.27', 'library/nginx', '1.27'],
		['bitnami/nginx', 'docker.io/bitnami/nginx:latest', 'bitnami/nginx', 'latest'],
		['myacr.azurecr.io/web:v2', 'myacr.azurecr.io/web:v2', 'web', 'v2'],
		['localhost:5000/app', 'localhost:5000/app:latest', 'app', 'latest']
	])('%s → %s', (image, full, repo, tag) => expect(parseImage(image)).toEqual({ full, repo, tag }));
});

describe('Backoff (client-go flowcontrol, as doBackOff uses it)', () => {
	it.each([
		// [exit times in s], the back-off after the last one, in s
		[[0], 10],
		[[0, 1], 20],
		[[0, 1, 12, 33, 74, 155, 316, 617], 300],
		// More than 2 × 300 s since the last update: back to 10 s.
		[[0, 1, 12, 700], 10]
	])('exits at %j → back-off %i s', (times, expected) => {
		// The kubelet calls Next with each exit's finish time: at once for the first, after the wait for later ones.
		const b = new Backoff();
		for (const t of times) b.next('c', t * 1000);
		expect(b.get('c') / 1000).toBe(expected);
	});

	it('a second exit is inside the back-off until 10 s after it; the first is not', () => {
		const b = new Backoff();
		expect(b.inBackOffSince('c', 0, 0)).toBe(false);
		b.next('c', 0);
		expect([b.inBackOffSince('c', 5000, 5000), b.inBackOffSince('c', 5000, 14_999), b.inBackOffSince('c', 5000, 15_000)]).toEqual([true, true, false]);
	});
});

describe('Ipam (host-local)', () => {
	it('hands out .2, .3 … after the gateway, does not reuse a freed address at once, and wraps round', () => {
		const ipam = new Ipam('10.244.1.0/24');
		expect([ipam.allocate(), ipam.allocate()]).toEqual(['10.244.1.2', '10.244.1.3']);
		ipam.release('10.244.1.2');
		expect(ipam.allocate()).toBe('10.244.1.4');
		const late = new Ipam('10.244.2.0/24', 254);
		expect(late.allocate()).toBe('10.244.2.2');
	});
});

function busyRun(seed: string) {
	const env = clusterWithNodes(seed, 3);
	const { cp, nodes } = env;
	cp.sim.queue.runUntil(1000);
	runPod(env, 'a', 'node-1');
	runPod(env, 'b', 'node-2');
	runPod(env, 'c', 'node-3', 'nginxx');
	cp.sim.queue.runUntil(10_000);
	cp.action('crash a', () => nodes['node-1']?.crash('a', 137));
	cp.action('kubectl delete pod b', () => cp.client('kubectl').delete('Pod', { name: 'b' }));
	cp.sim.queue.runUntil(40_000);
	cp.action('power off node-3', () => nodes['node-3']?.powerOff());
	cp.sim.queue.runUntil(90_000);
	return cp;
}

describe('hub rule and determinism over a busy run (3 nodes, a crash, a delete, a bad image, a power cut)', () => {
	const cp = busyRun('rules');
	const messages = cp.sim.trace.messages();

	it('every message has kube-apiserver at one end, except inside a node and to the registry', () => {
		const node = (id: string) => id.match(/^(?:kubelet|runtime)-(\d+)$/)?.[1] ?? id.match(/^pod-(\d+)[a-z]/)?.[1];
		const kinds = new Set<string>();
		for (const m of messages) {
			const ends = [m.from, m.to].sort();
			if (ends.includes('kube-apiserver')) continue;
			const [x = '', y = ''] = ends;
			const n = node(x) ?? node(y);
			const allowed =
				(ends.some((e) => e.startsWith('kubelet-')) && node(x) === node(y) && ends.some((e) => e.startsWith('runtime-')) && m.via === `kubelet-runtime-${n}`) ||
				(ends.includes('registry') && ends.some((e) => e.startsWith('runtime-')) && m.via === `runtime-registry-${n}`) ||
				(ends.some((e) => e.startsWith('runtime-')) && ends.some((e) => e.startsWith('pod-')) && node(x) === node(y) && m.via === `runtime-${ends.find((e) => e.startsWith('pod-'))}`);
			expect(allowed, `#${m.id} ${m.from} → ${m.to} via ${m.via}: ${m.summary}`).toBe(true);
			kinds.add(ends.map((e) => e.replace(/-\d.*$/, '')).join('↔'));
		}
		expect([...kinds].sort()).toEqual(['kubelet↔runtime', 'pod↔runtime', 'registry↔runtime']);
	});

	it('kubelets reach kube-apiserver only over their own api-kubelet-N connection', () => {
		for (const m of messages.filter((x) => [x.from, x.to].includes('kube-apiserver') && /kubelet-/.test(`${x.from}${x.to}`)))
			expect(m.via).toBe(`api-${[m.from, m.to].find((e) => e.startsWith('kubelet-'))}`);
	});

	it('the same seed and actions give the same log, byte for byte', () => {
		expect(busyRun('rules').sim.trace.text()).toBe(cp.sim.trace.text());
		expect(busyRun('other').sim.trace.text()).not.toBe(cp.sim.trace.text());
	});
});
