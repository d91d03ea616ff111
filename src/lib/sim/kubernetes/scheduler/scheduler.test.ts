import { describe, expect, it } from 'vitest';
import { ControlPlane } from '../control-plane';
import { pod } from '../fixtures';
import { ok, syncClient } from '../testing';
import type { NewObject, Pod, Taint, Toleration } from '../types';
import { startScheduler } from './scheduler';

// A cluster and a Pod in; the binding (or the unschedulable message) out. Nodes and Pods are created
// through kubectl's client; no kubelet or controller runs, only kube-scheduler.

interface NodeSpec {
	cpu?: string;
	memory?: string;
	pods?: string;
	taints?: Taint[];
	unschedulable?: boolean;
	labels?: Record<string, string>;
}

const nodeObj = (name: string, s: NodeSpec = {}): NewObject<'Node'> & { kind: 'Node' } => ({
	kind: 'Node',
	metadata: { name, labels: { 'kubernetes.io/hostname': name, ...s.labels } },
	spec: { unschedulable: s.unschedulable, taints: s.taints },
	status: { allocatable: { cpu: s.cpu ?? '1900m', memory: s.memory ?? '7Gi', pods: s.pods ?? '110' }, conditions: [{ type: 'Ready', status: 'True' }] }
});

const withCpu = (name: string, cpu: string | undefined, extra: Partial<Pod['spec']> = {}) => {
	const p = pod(name, { app: 'nginx' }, extra);
	if (cpu) p.spec.containers = [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu } } }];
	return p;
};

const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };

/** Builds the cluster, starts the scheduler, creates `incoming`, runs until idle. */
function run(seed: string, nodes: [string, NodeSpec?][], bound: [string, string, string?][], incoming: ReturnType<typeof pod>) {
	const cp = new ControlPlane({ seed });
	const kubectl = syncClient(cp);
	for (const [name, spec] of nodes) ok(kubectl.create(nodeObj(name, spec)));
	for (const [name, node, cpu] of bound) ok(kubectl.create(withCpu(name, cpu, { nodeName: node })));
	const scheduler = startScheduler(cp.context('kube-scheduler'));
	cp.sim.queue.runUntilIdle();
	cp.action(`kubectl create pod ${incoming.metadata.name}`, () => cp.client('kubectl').create(incoming));
	cp.sim.queue.runUntilIdle();
	const got = ok(kubectl.get('Pod', { name: incoming.metadata.name ?? '' }));
	const lines = cp.sim.trace.lines().map((l) => l.replace(/^t=\S+ \S+ /, ''));
	const binding = lines.find((l) => l.startsWith('kube-scheduler → kube-apiserver: POST') && l.includes('/binding'));
	return { cp, kubectl, scheduler, got, lines, binding };
}

const THREE: [string, NodeSpec?][] = [['node-1'], ['node-2'], ['node-3']];
const ONE_EACH: [string, string][] = [
	['a', 'node-1'],
	['b', 'node-2'],
	['c', 'node-3']
];

describe('kube-scheduler: a cluster and a Pod in, the binding out', () => {
	const cases: { name: string; nodes: [string, NodeSpec?][]; bound: [string, string, string?][]; incoming: ReturnType<typeof pod>; node: string; note: string }[] = [
		{
			name: 'a node with more free CPU wins LeastAllocated',
			nodes: THREE,
			bound: [
				['a', 'node-1', '1'],
				['b', 'node-2', '200m'],
				['c', 'node-3', '500m']
			],
			incoming: withCpu('web', '100m'),
			node: 'node-2',
			note: 'bind Pod web to node-2: 3/3 nodes fit; scores node-1 439, node-2 481, node-3 465; highest score'
		},
		{
			name: 'a node tainted unreachable (NoSchedule) is filtered out',
			nodes: [['node-1', { taints: [UNREACHABLE] }], ['node-2', { taints: [UNREACHABLE] }], ['node-3']],
			bound: ONE_EACH,
			incoming: pod('web'),
			node: 'node-3',
			note: 'bind Pod web to node-3: 1/3 nodes fit (others: 2 node(s) had untolerated taint {node.kubernetes.io/unreachable: }); no scoring needed'
		},
		{
			name: 'a cordoned (unschedulable) node is filtered out',
			nodes: [['node-1', { unschedulable: true }], ['node-2', { cpu: '500m' }], ['node-3']],
			bound: ONE_EACH,
			incoming: pod('web'),
			node: 'node-3',
			note: 'bind Pod web to node-3: 2/3 nodes fit (others: 1 node(s) were unschedulable); scores node-2 377, node-3 391; highest score'
		},
		{
			name: 'nodeSelector picks the labelled node',
			nodes: [['node-1'], ['node-2', { labels: { disktype: 'ssd' } }], ['node-3']],
			bound: ONE_EACH,
			incoming: pod('web', { app: 'nginx' }, { nodeSelector: { disktype: 'ssd' } }),
			node: 'node-2',
			note: "bind Pod web to node-2: 1/3 nodes fit (others: 2 node(s) didn't match Pod's node affinity/selector); no scoring needed"
		}
	];

	it.each(cases)('$name', ({ nodes, bound, incoming, node, note }) => {
		const { got, binding } = run('table', nodes, bound, incoming);
		expect(got.spec.nodeName).toBe(node);
		expect(got.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
		expect(binding).toBe(`kube-scheduler → kube-apiserver: POST /api/v1/namespaces/default/pods/web/binding (${note})`);
	});

	it('a tolerated taint does not filter the node', () => {
		const tolerate: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' };
		const { binding } = run('table', [['node-1', { taints: [UNREACHABLE] }], ['node-2', { taints: [UNREACHABLE] }], ['node-3']], ONE_EACH, pod('web', {}, { tolerations: [tolerate] }));
		expect(binding).toContain('3/3 nodes fit');
	});
});

describe('ties are broken at random, by the seed', () => {
	const pick = (seed: string) => run(seed, THREE, ONE_EACH, pod('web'));

	it('three equal nodes with one Pod each: equal scores, the seed decides', () => {
		const first = pick('tie-0');
		expect(first.binding).toMatch(/3\/3 nodes fit; scores node-1 391, node-2 391, node-3 391; tie broken at random\)$/);
		// The same seed picks the same node, and the whole log is the same, byte for byte.
		const again = pick('tie-0');
		expect(again.got.spec.nodeName).toBe(first.got.spec.nodeName);
		expect(again.cp.sim.trace.text()).toBe(first.cp.sim.trace.text());
		// Other seeds pick other nodes: every node wins for some seed.
		const chosen = new Set(Array.from({ length: 12 }, (_, i) => pick(`tie-${i}`).got.spec.nodeName));
		expect([...chosen].sort()).toEqual(['node-1', 'node-2', 'node-3']);
	});
});

describe('a Pod that fits nowhere', () => {
	const big = withCpu('big', '4');
	const r = run('big', THREE, ONE_EACH, big);

	it('stays Pending with PodScheduled=False, Unschedulable and the FitError message; nothing is bound', () => {
		expect(r.got.spec.nodeName).toBeUndefined();
		expect(r.got.status?.phase).toBe('Pending');
		expect(r.got.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
			status: 'False',
			reason: 'Unschedulable',
			message: '0/3 nodes are available: 3 Insufficient cpu.'
		});
		expect(r.binding).toBeUndefined();
		expect(r.lines).toContain(
			'kube-scheduler → kube-apiserver: PATCH /api/v1/namespaces/default/pods/big/status (PodScheduled=False, Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.)'
		);
	});

	it('records a FailedScheduling Event (Warning) from default-scheduler', () => {
		const events = r.cp.apiserver.storage.list('/registry/events/');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ reason: 'FailedScheduling', type: 'Warning', involvedObject: { kind: 'Pod', name: 'big' }, source: { component: 'default-scheduler' } });
	});

	it('is scheduled once a bigger Node is added (after its 1 s back-off)', () => {
		r.cp.action('add node-4 (8 cpu)', () => r.cp.client('kubectl').create(nodeObj('node-4', { cpu: '8' })));
		r.cp.sim.queue.runUntilIdle();
		expect(ok(r.kubectl.get('Pod', { name: 'big' })).spec.nodeName).toBe('node-4');
		const line = r.cp.sim.trace.lines().find((l) => l.includes('pods/big/binding'));
		expect(line).toContain('bind Pod big to node-4: 1/4 nodes fit (others: 3 Insufficient cpu); no scoring needed');
		expect(r.scheduler.pending()).toEqual([]);
	});

	it('counts reasons per node, sorted as strings, as FitError does', () => {
		const { got } = run('mixed', [['node-1', { unschedulable: true }], ['node-2', { pods: '1' }], ['node-3', { memory: '1Gi' }]], ONE_EACH, withCpu('big', '4'));
		expect(got.status?.conditions?.[0]?.message).toBe('0/3 nodes are available: 1 Too many pods, 1 node(s) were unschedulable, 2 Insufficient cpu.');
	});

	it('is scheduled when a bound Pod is deleted and frees the room', () => {
		const full = run('full', [['node-1', { pods: '1' }]], [['a', 'node-1']], pod('web'));
		expect(full.got.status?.conditions?.[0]?.message).toBe('0/1 nodes are available: 1 Too many pods.');
		full.cp.action('kubectl delete pod a --grace-period=0', () => full.cp.client('kubectl').delete('Pod', { name: 'a' }, { gracePeriodSeconds: 0 }));
		full.cp.sim.queue.runUntilIdle();
		expect(ok(full.kubectl.get('Pod', { name: 'web' })).spec.nodeName).toBe('node-1');
	});
});

/** Three empty nodes, `schedulers` scheduler instances, and six Pods of one ReplicaSet created at once. */
function replicaSet(seed: string, schedulers: number) {
	const cp = new ControlPlane({ seed });
	const kubectl = syncClient(cp);
	for (const [name] of THREE) ok(kubectl.create(nodeObj(name)));
	startScheduler(cp.context('kube-scheduler'));
	// Another instance (as if leader election had failed) races for the same Pods with its own cache.
	for (let i = 1; i < schedulers; i++) startScheduler(cp.context(`kube-scheduler-${i}`, 'system:kube-scheduler'), { events: false });
	cp.sim.queue.runUntilIdle();
	const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-7d4b9', uid: 'rs-uid-1', controller: true };
	cp.action('ReplicaSet creates 6 Pods', () => {
		for (let i = 0; i < 6; i++) cp.client('kubectl').create({ ...pod('nginx-7d4b9-'), metadata: { generateName: 'nginx-7d4b9-', namespace: 'default', labels: { app: 'nginx' }, ownerReferences: [owner] } });
	});
	cp.sim.queue.runUntilIdle();
	return { cp, pods: cp.apiserver.storage.list('/registry/pods/') as Pod[], messages: cp.sim.trace.messages() };
}

describe('many Pods, one at a time', () => {
	// Each cycle sees the Pods assumed before it; PodTopologySpread (same owner, hostname maxSkew 3) and
	// LeastAllocated then spread six Pods 2/2/2.
	const { pods, messages } = replicaSet('spread', 1);

	it('binds every Pod once, spread 2/2/2', () => {
		expect(pods).toHaveLength(6);
		const perNode = new Map<string, number>();
		for (const p of pods) perNode.set(p.spec.nodeName ?? '', (perNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
		expect(Object.fromEntries(perNode)).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
		expect(messages.filter((m) => m.kind === 'request' && m.summary.includes('/binding'))).toHaveLength(6);
	});

	it('keeps the hub rule: every message has kube-apiserver at one end', () => {
		for (const m of messages) expect([m.from, m.to], `#${m.id}`).toContain('kube-apiserver');
	});
});

describe('two schedulers racing', () => {
	const { pods, messages } = replicaSet('race', 2);

	it('each Pod is bound once; the loser of a race gets 409 Conflict, forgets the Pod and does not retry', () => {
		expect(pods.every((p) => p.spec.nodeName)).toBe(true);
		const conflicts = messages.filter((m) => m.summary.startsWith('409 Conflict') && m.summary.includes('already assigned'));
		expect(conflicts.length).toBeGreaterThan(0);
		const bindings = messages.filter((m) => m.kind === 'request' && m.summary.includes('/binding'));
		expect(bindings).toHaveLength(6 + conflicts.length);
	});
});
