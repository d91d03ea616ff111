// The Kubernetes scene as the sandbox draws it (/sandbox/kubernetes/). In a walkthrough each Pod slot is
// named after the one Pod the recorded run puts there; in the sandbox Pods come and go under any name,
// so each node has SANDBOX_SLOTS anonymous slots (pod-1a … pod-1c) that the page fills at run time with
// whichever Pods are on that node (their names, short labels and STATUS badges), hiding empty ones.
// A slot is drawn as narrow as the Pod's 5-character suffix (the full name is its accessible name, in
// its menu, the log and the tables): three slots a node keep the picture as wide as a walkthrough's.
// No kube-proxy → Pod data links: the sandbox sends no end-user requests yet, and they crossed every slot.
// A function, not an exported Scene: the registry lists every exported Scene as a walkthrough scene.
import type { Component, Connection, Scene } from '$lib/model/types';
import { kubernetesScene } from './scene';

/** Pod slots drawn per node; a node's further Pods are in the tables and the log only. */
export const SANDBOX_SLOTS = 3;
export const SANDBOX_VIEW = 'sandbox';
const NODES = [1, 2, 3];
const LETTERS = 'abcdefgh'.slice(0, SANDBOX_SLOTS);

/** A generated Pod name's suffix, so the layout sizes slots for the label the page draws (live-picture.ts). */
const SIZING_LABEL = '5bfnw';

export function kubernetesSandboxScene(): Scene {
	const base = kubernetesScene;
	const slots: Component[] = NODES.flatMap((n) =>
		[...LETTERS].map((l) => ({
			id: `pod-${n}${l}`,
			name: `Pod slot ${l} on node-${n}, sized for ${SIZING_LABEL}`,
			label: SIZING_LABEL,
			kind: 'pod' as const,
			parent: `node-${n}`,
			description: 'A Pod on this node: one or more containers sharing an IP address on the cluster network. Pods are disposable: a replacement is a new Pod with a new name and IP.'
		}))
	);
	const slotConnections: Connection[] = slots.map((s) => ({ id: `runtime-${s.id}`, from: `runtime-${s.parent!.replace('node-', '')}`, to: s.id }));
	const notPods = base.components.filter((c) => c.kind !== 'pod');
	const notPodLinks = base.connections.filter((c) => !/pod-/.test(c.from) && !/pod-/.test(c.to));
	const full = base.views.find((v) => v.id === 'full')!;
	return {
		...base,
		id: 'kubernetes-sandbox',
		title: 'Kubernetes sandbox: a live cluster',
		summary: 'A live cluster: break it, and watch it heal.',
		components: [...notPods, ...slots],
		connections: [...notPodLinks, ...slotConnections],
		views: [
			{
				...full,
				id: SANDBOX_VIEW,
				name: 'The live cluster',
				components: [...full.components.filter((c) => !c.startsWith('pod-')), ...slots.map((s) => s.id)]
			}
		]
	};
}
