import { describe, expect, it } from 'vitest';
import type { Message, StateTable, Step, Walkthrough } from '$lib/model/types';
import { architecture, architectureRecording } from './architecture';
import { createDeployment, k1Recording } from './create-deployment';
import { crashLoop } from './crash-loop';
import { exposeService } from './expose-service';
import { managedAks } from './managed-aks';
import { nodeFailure } from './node-failure';
import { scale } from './scale';
import { kubernetesScene } from './scene';

// Facts fixed in the accuracy pass (issue 12) for the architecture tour, create-deployment and the
// Kubernetes scene, written as what a learner would notice.

const step = (w: Walkthrough, id: string): Step => {
	const s = w.steps.find((x) => x.id === id);
	if (!s) throw new Error(`${w.id} has no step ${id}`);
	return s;
};
const index = (w: Walkthrough, id: string) => w.steps.findIndex((s) => s.id === id);

/** The tables as they stand after step i (tables are carried forward from the last step that set them). */
function tablesAt(w: Walkthrough, i: number): StateTable[] {
	for (let k = i; k >= 0; k--) if (w.steps[k]!.tables) return w.steps[k]!.tables!;
	return [];
}
const podTable = (w: Walkthrough, i: number) => tablesAt(w, i).find((t) => t.title === 'Pods');

describe('architecture: nothing is used before it is introduced', () => {
	// term → the step that introduces it (and says what it is)
	const INTRODUCED: [term: string, pattern: RegExp, stepId: string][] = [
		['Pod', /\bpods?\b/i, 'pods'],
		['Deployment', /\bdeployments?\b/i, 'pods'],
		['ReplicaSet', /\breplicasets?\b/i, 'controllers'],
		['taint', /\btaint/i, 'scheduler'],
		['affinity', /\baffinity\b/i, 'scheduler'],
		['Service', /\bservices?\b/i, 'kube-proxy'],
		['EndpointSlice', /\bendpointslices?\b/i, 'kube-proxy']
	];

	it('no term (Pod, Deployment, ReplicaSet, taint, affinity, Service, EndpointSlice) appears in a narration before the step that introduces it', () => {
		const early: string[] = [];
		for (const [term, pattern, stepId] of INTRODUCED) {
			const at = index(architecture, stepId);
			expect(at, stepId).toBeGreaterThanOrEqual(0);
			expect(step(architecture, stepId).narration, `${stepId} introduces ${term}`).toMatch(pattern);
			for (const s of architecture.steps.slice(0, at)) if (pattern.test(s.narration)) early.push(`${term} in "${s.id}" before "${stepId}"`);
		}
		expect(early).toEqual([]);
	});

	it('opens by calling Kubernetes an orchestrator and explaining the name', () => {
		const opening = architecture.steps[0]!.narration;
		expect(opening).toMatch(/orchestrator/);
		expect(opening).toMatch(/helmsman/);
	});
});

// The dated points of the deck (flows.md, "Where the deck is dated"), as they are spoken of.
const DECK_TOPICS: [topic: string, pattern: RegExp][] = [
	['rkt', /\brkt\b/i],
	['the token controller', /token controller/i],
	['Docker as the runtime (dockershim)', /dockershim|cri-dockerd|using Docker/i],
	['the replication controller', /replication ?controller/i],
	['the Endpoints controller', /endpoints controller/i],
	['kube-proxy being optional', /kube-proxy[^.]*optional|optional[^.]*kube-proxy/i],
	['the cloud-controller-manager on-premises', /on-?prem/i]
];

describe.each([architecture, createDeployment].map((w) => [w.id, w] as const))('%s: deck corrections reach learners', (_id, w) => {
	const asides = w.steps.map((s) => s.narration).filter((n) => n.includes('The deck says'));
	it('every dated point a teacher note corrects is also corrected in a "The deck says" aside', () => {
		const missing: string[] = [];
		for (const [topic, pattern] of DECK_TOPICS) {
			const inNotes = w.steps.filter((s) => pattern.test(s.notes ?? '')).map((s) => s.id);
			if (inNotes.length && !asides.some((n) => pattern.test(n))) missing.push(`${topic} (notes of ${inNotes.join(', ')})`);
		}
		expect(missing).toEqual([]);
	});
});

describe('architecture: every dated point of the deck is corrected where the learner sees it', () => {
	it.each(DECK_TOPICS)('%s', (_topic, pattern) => {
		const hits = architecture.steps.filter((s) => s.narration.includes('The deck says') && pattern.test(s.narration));
		expect(hits.length).toBeGreaterThan(0);
	});
});

describe('no Pod appears without a cause', () => {
	// Hand-written: the POST names the Pod ("named … by the API server"); recorded: the API server's 201 does.
	const POST_POD = /^POST Pod(?: ×\d+)? generateName=nginx-799cfcc968-, named (nginx-[\w-]+)/;
	const NAMED = /^201 Created: (nginx-[\w-]+)/;
	const CAUSE = /^DELETE Pod |^DELETE \S+\/pods\/|ReplicaSet \S+ ADDED|replicas \d/;

	const all = (w: Walkthrough): { i: number; m: Message }[] => w.steps.flatMap((s, i) => (s.messages ?? []).map((m) => ({ i, m })));

	it('every Pod a controller creates has a cause shown at or before that step, and is in that step\'s Pods table', () => {
		for (const w of [architecture, createDeployment]) {
			const messages = all(w);
			const created = messages.filter(({ m }) => (m.from === 'kube-controller-manager' && POST_POD.test(m.summary)) || (m.to === 'kube-controller-manager' && NAMED.test(m.summary)));
			expect(created.length).toBeGreaterThan(0);
			for (const { i, m } of created) {
				const name = (POST_POD.exec(m.summary) ?? NAMED.exec(m.summary))![1]!.replace(/,$/, '');
				const before = messages.filter((x) => x.i <= i && x.m !== m).map((x) => x.m.summary);
				expect(before.some((t) => CAUSE.test(t) || /deletionTimestamp/.test(t)), `${w.steps[i]!.id}: why is ${name} created?`).toBe(true);
				const rows = podTable(w, i)?.rows ?? [];
				expect(rows.map((r) => r[0]), `${w.steps[i]!.id}: Pods table lists ${name}`).toContain(name);
				const live = rows.filter((r) => !/Terminating/.test(r[1] ?? '')).length;
				const desired = Number(tablesAt(w, i).find((t) => t.title === 'ReplicaSets')?.rows[0]?.[1] ?? NaN);
				expect(live, `${w.steps[i]!.id}: more live Pods than the ReplicaSet wants`).toBeLessThanOrEqual(desired);
			}
		}
	});

	it('a Pod announced as "no nodeName" is shown without a node just before', () => {
		for (const w of [architecture, createDeployment])
			for (const { i, m } of all(w)) {
				const match = /Pod (nginx-[\w-]+) ADDED, no nodeName/.exec(m.summary);
				if (!match) continue;
				const row = podTable(w, i - 1)?.rows.find((r) => r[0] === match[1]);
				expect(row?.[2], `${w.steps[i]!.id}: ${match[1]} before scheduling`).toBe('<none>');
			}
	});
});

describe('create-deployment: admission, batches and the Pod template in plain words', () => {
	it('the replicaset-controller step gives both default tolerations, 300 s each', () => {
		const s = step(createDeployment, 'replicaset-controller');
		expect(s.narration).toMatch(/not-ready/);
		expect(s.narration).toMatch(/unreachable/);
		expect(s.narration).toMatch(/300/);
		expect(s.roles?.['kube-apiserver']).toMatch(/not-ready and unreachable tolerations \(300 s each\)/);
		// …and the recorded run did it: the API server's admission note for each Pod says so.
		const admitted = k1Recording.steps.find((r) => r.step === 'replicaset-controller')!.entries.filter((e) => e.type === 'note' && /DefaultTolerationSeconds added not-ready and unreachable \(NoExecute, 300 s\)/.test(e.text));
		expect(admitted).toHaveLength(3);
	});

	// Where a term is first used, the narration says what it is.
	const GLOSSED: [term: string, pattern: RegExp, gloss: RegExp][] = [
		['Pod template', /Pod template/, /Pod template: the part of the Deployment that describes each Pod/],
		['slow-start batches', /slow-start/, /slow-start batches: one Pod first/],
		['tolerations', /tolerat/, /tolerations to each Pod: permission to stay/]
	];
	it.each(GLOSSED)('%s is explained where it first appears', (_term, pattern, gloss) => {
		const first = createDeployment.steps.find((s) => pattern.test(s.narration));
		expect(first?.narration).toMatch(gloss);
	});

	it('the sandbox is told in three steps: the CRI call, the sandbox, then CNI', () => {
		const ids = createDeployment.steps.map((s) => s.id);
		expect(ids.indexOf('cri')).toBeGreaterThan(ids.indexOf('kubelet-hears'));
		expect(ids.indexOf('sandbox')).toBe(ids.indexOf('cri') + 1);
		expect(ids.indexOf('cni')).toBe(ids.indexOf('sandbox') + 1);
		expect(step(createDeployment, 'cri').messages!.map((m) => m.summary).join()).toMatch(/RunPodSandbox/);
		expect(step(createDeployment, 'cni').messages!.map((m) => m.summary).join()).toMatch(/CNI ADD/);
		expect(step(createDeployment, 'sandbox').messages!.map((m) => m.summary).join()).not.toMatch(/CNI/);
	});

	it('the kubelet records that it has taken the Pod before it calls the runtime', () => {
		const patch = index(createDeployment, 'kubelet-hears');
		expect(step(createDeployment, 'kubelet-hears').messages!.some((m) => m.from === 'kubelet-1' && /^PATCH \S+\/pods\/\S+\/status \(Pending/.test(m.summary))).toBe(true);
		expect(patch).toBeLessThan(index(createDeployment, 'cri'));
	});
});

describe('the cloud API has more than one caller', () => {
	const onlyCcm = /\bonly\b[^.]*cloud-controller-manager[^.]*calls|cloud-controller-manager[^.]*\bthe only\b/i;
	it('the scene does not call the cloud-controller-manager its only caller, and names the others', () => {
		const cloud = kubernetesScene.components.find((c) => c.id === 'cloud-api')!;
		expect(cloud.description).not.toMatch(/Only the cloud-controller-manager/i);
		expect(cloud.description).not.toMatch(onlyCcm);
		expect(cloud.description).toMatch(/CSI/);
		expect(cloud.description).toMatch(/autoscaler/);
		expect(cloud.description).toMatch(/credential provider/);
	});
	it('nor does the architecture tour', () => {
		const s = step(architecture, 'cloud-controller');
		expect(s.narration).not.toMatch(/only part of the cluster/i);
		expect(s.narration).toMatch(/not the cluster's only caller/);
		expect(s.narration).toMatch(/CSI/);
	});
});

const ALL_K8S = [architecture, createDeployment, scale, exposeService, nodeFailure, crashLoop, managedAks];
const summaries = (s: Step) => (s.messages ?? []).map((m) => m.summary);

describe('controllers do not name the Pods they create', () => {
	it('every Pod a controller POSTs carries generateName nginx-799cfcc968-, and the API server names it', () => {
		const posts = ALL_K8S.flatMap((w) => w.steps.flatMap((s) => (s.messages ?? []).filter((m) => m.from === 'kube-controller-manager' && /^POST (Pod\b|\S+\/pods )/.test(m.summary)).map((m) => `${w.id}/${s.id}: ${m.summary}`)));
		expect(posts.length).toBeGreaterThanOrEqual(5);
		for (const p of posts)
			expect(p).toMatch(/^\S+: (POST Pod(?: ×\d+)? generateName=nginx-799cfcc968-, named nginx-799cfcc968-\w{5}(?:, nginx-799cfcc968-\w{5})* by the API server|POST \/api\/v1\/namespaces\/default\/pods \(generateName nginx-799cfcc968-, batch \d\)(?: ×\d+)?$)/);
		// Recorded runs: the name comes back in the API server's answer.
		for (const w of [createDeployment, scale]) expect(w.steps.flatMap((s) => s.messages ?? []).some((m) => m.to === 'kube-controller-manager' && /^201 Created: nginx-799cfcc968-\w{5}/.test(m.summary)), w.id).toBe(true);
	});
	it('the architecture tour says so where the replacement is created', () => {
		expect(step(architecture, 'controllers').roles?.['kube-controller-manager']).toMatch(/generateName nginx-799cfcc968- and the API server adds a random suffix/);
	});
});

describe('architecture: the deleted Pod, told in the order it happens', () => {
	it('kubectl delete prints the namespace, as kubectl does since 1.34 (kubernetes/kubernetes#126619)', () => {
		expect(step(architecture, 'etcd').terminal?.output).toBe('pod "nginx-799cfcc968-bh954" deleted from default namespace');
	});
	it('node-2\'s kubelet hears of the deletion (at the DELETE) before the replacement exists, then of the replacement', () => {
		const at = (id: string) => architectureRecording.steps.find((r) => r.step === id)!;
		const kubelet = at('kubelet');
		const ms = kubelet.messages.map((m) => `${m.to}: ${m.summary}`);
		const deletion = ms.findIndex((m) => /^kubelet-2: watch: Pod nginx-799cfcc968-bh954 MODIFIED/.test(m));
		const bound = ms.findIndex((m) => /^kubelet-2: watch: Pod nginx-799cfcc968-dnn5t ADDED/.test(m));
		expect(deletion).toBeGreaterThanOrEqual(0);
		expect(bound).toBeGreaterThan(deletion);
		// Heard before the ReplicaSet controller even asked for the replacement.
		const controllers = at('controllers');
		const post = controllers.messages.findIndex((m) => /^POST \S+\/pods /.test(m.summary));
		expect(kubelet.times[deletion]!).toBeLessThan(controllers.times[post]!);
		expect(step(architecture, 'kubelet').narration).toMatch(/heard the first change as soon as the deletion was stored, before any replacement existed/);
	});
	it('once the kubelet has sent the final DELETE, the old Pod is neither listed nor badged as still stopping', () => {
		const finals = architecture.steps.filter((s) => (s.messages ?? []).some((m) => /^DELETE \S+\/pods\/\S+\?gracePeriodSeconds=0$/.test(m.summary)));
		expect(finals.map((s) => s.id)).toEqual(['runtime']);
		for (const s of architecture.steps) {
			const finalDelete = (s.messages ?? []).find((m) => /^DELETE \S+\/pods\/\S+\?gracePeriodSeconds=0$/.test(m.summary));
			if (!finalDelete) continue;
			const name = /\/pods\/([^/?]+)\?/.exec(finalDelete.summary)![1]!;
			const id = kubernetesScene.components.find((c) => c.name === name)!.id;
			expect(s.badges?.[id], s.id).toMatch(/^Deleted$/);
			expect(s.tables?.find((t) => t.title === 'Pods')?.rows.map((r) => r[0]), s.id).not.toContain(name);
		}
	});
});

describe('architecture: the words agree with the recorded run', () => {
	const recorded = (id: string) => architectureRecording.steps.find((r) => r.step === id)!;
	it('kubectl get nodes prints the Nodes\' AGE as the run has it (registered when the run began)', () => {
		const age = `${Math.floor(recorded('hub').time / 1000)}s`;
		const rows = step(architecture, 'hub').terminal!.output!.split('\n').slice(1);
		expect(rows.map((r) => r.split(/\s+/)[3])).toEqual(['node-1', 'node-2', 'node-3'].map(() => age));
	});
	it('the request goes through the node the narration names, to the new Pod on node-2', () => {
		const hops = step(architecture, 'traffic').messages!.filter((m) => m.kind === 'data').map((m) => `${m.from} → ${m.to}`);
		expect(hops.slice(0, 3)).toEqual(['end-user → load-balancer', 'load-balancer → kube-proxy-3', 'kube-proxy-3 → pod-2d']);
		expect(step(architecture, 'traffic').narration).toMatch(/chose node-3, whose rules sent the request on to the new Pod on node-2/);
		expect(kubernetesScene.components.find((c) => c.id === 'pod-2d')?.parent).toBe('node-2');
	});
	it('the scheduler\'s score for node-2, as the notes quote it, is the one in the binding', () => {
		const binding = step(architecture, 'scheduler').messages!.find((m) => /\/binding /.test(m.summary))!.summary;
		expect(binding).toMatch(/to node-2: .*scores node-1 491, node-2 591, node-3 491/);
		expect(step(architecture, 'scheduler').notes).toMatch(/591, against 491 for the others/);
	});
});

describe('architecture: what the hub does and does not do', () => {
	it('the hub note does not call kubectl logs the one outward call, and names the others', () => {
		const n = step(architecture, 'hub').notes ?? '';
		expect(n).not.toMatch(/the one call that goes from the hub outwards/);
		for (const w of ['logs', 'exec', 'attach', 'port-forward', 'admission webhooks', 'aggregated APIs']) expect(n).toContain(w);
	});
	it('the Endpoints controller is not said to be gone: it still fills the deprecated Endpoints for old clients', () => {
		const n = step(architecture, 'kube-proxy').narration;
		expect(n).not.toMatch(/EndpointSlices replaced them/);
		expect(n).toMatch(/still fills Endpoints for old clients/);
		expect(n).toMatch(/deprecated since 1\.33/);
	});
	it('the deck\'s "scheduler distributes containers" and "etcd talks with the API server" are corrected in narration', () => {
		expect(step(architecture, 'scheduler').narration).toMatch(/The deck says the scheduler distributes containers; it places whole Pods and starts nothing/);
		expect(step(architecture, 'etcd').narration).toMatch(/The deck says etcd talks with the API server[^.]*; etcd never calls anyone: the API server is its only client/);
	});
});

describe('one Kubernetes version everywhere', () => {
	it('the architecture tour\'s nodes run the same version as the AKS nodes', () => {
		const versions = (out: string | undefined) => [...(out ?? '').matchAll(/\bv\d+\.\d+\.\d+\b/g)].map((m) => m[0]);
		const arch = new Set(versions(step(architecture, 'hub').terminal?.output));
		const aks = new Set(managedAks.steps.filter((s) => s.terminal?.command === 'kubectl get nodes').flatMap((s) => versions(s.terminal?.output)));
		expect(arch.size).toBe(1);
		expect([...arch]).toEqual([...aks]);
	});
});

describe('Deployments tables use kubectl\'s columns', () => {
	it('no Deployments table has a REPLICAS column (READY already reads ready/desired)', () => {
		for (const w of ALL_K8S) for (const s of w.steps) for (const t of s.tables ?? []) if (t.title === 'Deployments') expect(t.columns, `${w.id}/${s.id}`).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE']);
	});
});

describe('create-deployment: where it starts, the sandbox and the pull', () => {
	it('says it starts on a fresh cluster, or after deleting what the tour left running', () => {
		expect(createDeployment.steps[0]!.narration).toMatch(/^On a fresh cluster \(or after kubectl delete deployment,service nginx/);
	});
	it('containerd creates and pins the network namespace itself; the pause container starts in it after CNI, not "holding it open"', () => {
		const sandbox = step(createDeployment, 'sandbox');
		expect(sandbox.narration).not.toMatch(/held open by/);
		expect(sandbox.narration).toMatch(/pins it with a bind mount under \/var\/run\/netns/);
		expect(summaries(sandbox).join('\n')).not.toMatch(/pause/);
		const cni = summaries(step(createDeployment, 'cni'));
		const add = cni.findIndex((m) => /CNI ADD/.test(m));
		const pause = cni.findIndex((m) => /pause container/.test(m));
		expect(add).toBeGreaterThanOrEqual(0);
		expect(pause).toBeGreaterThan(add);
	});
	it('the pull starts with a HEAD, gets a 401 and a token, and fetches the index by digest, as in pull-and-run', () => {
		const ms = (step(createDeployment, 'pull').messages ?? []).filter((m) => m.from === 'registry' || m.to === 'registry').map((m) => m.summary);
		expect(ms[0]).toMatch(/^HEAD \/v2\/library\/nginx\/manifests\/latest$/);
		expect(ms[1]).toMatch(/^401/);
		expect(ms[2]).toMatch(/token/);
		expect(ms.findIndex((m) => /^HEAD .*with the token/.test(m))).toBeGreaterThan(2);
		expect(ms.some((m) => /^GET \/v2\/library\/nginx\/manifests\/latest/.test(m))).toBe(false);
		expect(ms.some((m) => /^GET \/v2\/library\/nginx\/manifests\/sha256:\w*… \(the index, by digest\)/.test(m))).toBe(true);
	});
	it('the pull note asks how the three nodes count against Docker Hub\'s anonymous limit', () => {
		expect(step(createDeployment, 'pull').notes).toMatch(/How many pulls count against Docker Hub's anonymous limit, and from which address\? \(Three, usually from the cluster's one outbound IP\.\)/);
	});
});
