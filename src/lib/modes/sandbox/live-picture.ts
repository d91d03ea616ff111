// The live cluster as the renderer draws it: the sandbox scene with its occupied Pod slots named after
// their Pods, a view made at run time from the build's layout of every slot minus the empty ones (the
// diagram morphs between such views, so Pods fade in and out where they stand), STATUS badges, and the
// simulator's messages re-addressed to the slots their Pods are drawn on. Pure.
import type { SceneLayout, ViewLayout } from '$lib/layout/types';
import type { Message, Scene, Step, View } from '$lib/model/types';
import type { SlotPlan } from './display-slots';
import type { LiveMessage, PodState } from './live-run';

export interface LivePicture {
	scene: Scene;
	/** The view for this occupancy, by id (`live:pod-1a,pod-2a`). */
	viewId: string;
	layout: ViewLayout;
	step: Step;
}

const isSlot = (id: string) => /^pod-\d+[a-z]$/.test(id);

/**
 * A Pod's label: the 5-character suffix of a generated name (nginx-799cfcc968-5bfnw → 5bfnw), else the
 * name, or its last 8 characters; always part of the name, so the drawn text is in the accessible name.
 */
export function podLines(name: string): string[] {
	const suffix = /-([a-z0-9]{5})$/.exec(name)?.[1];
	return [suffix && name.length > 8 ? suffix : name.length > 8 ? name.slice(-8) : name];
}

/** `base`: the sandbox scene; `full`: its one view's layout, every slot drawn. */
export function livePicture(base: Scene, full: ViewLayout, plan: SlotPlan, pods: PodState[], nodes: { name: string; status: string }[]): LivePicture {
	const podOfSlot = new Map([...plan.slotOf].map(([pod, slot]) => [slot, pod]));
	const occupied = [...podOfSlot.keys()].sort();
	const viewId = `live:${occupied.join(',')}`;
	const keep = (id: string) => !isSlot(id) || podOfSlot.has(id);
	const nodesOut: ViewLayout['nodes'] = {};
	for (const [id, n] of Object.entries(full.nodes)) if (keep(id)) nodesOut[id] = podOfSlot.has(id) ? { ...n, lines: podLines(podOfSlot.get(id)!) } : n;
	const edges = Object.fromEntries(Object.entries(full.edges).filter(([, e]) => keep(e.from) && keep(e.to)));
	const layout: ViewLayout = { ...full, view: viewId, nodes: nodesOut, edges };
	const baseView = base.views[0]!;
	const view: View = { ...baseView, id: viewId, name: 'The live cluster', components: baseView.components.filter(keep) };
	const scene: Scene = {
		...base,
		components: base.components.map((c) => (podOfSlot.has(c.id) ? { ...c, name: podOfSlot.get(c.id)!, label: podOfSlot.get(c.id)! } : c)),
		views: [view]
	};
	const badges: Record<string, string> = {};
	const status = new Map(pods.map((p) => [p.name, p.status]));
	for (const [slot, pod] of podOfSlot) badges[slot] = status.get(pod) ?? '';
	for (const n of nodes) {
		const more = plan.unslotted.get(n.name);
		const text = [n.status === 'Ready' ? '' : n.status, more ? `+${more} more Pod${more === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ');
		if (text) badges[n.name] = text;
	}
	return { scene, viewId, layout, step: { id: 'live', title: 'The live cluster', view: viewId, narration: '', badges } };
}

/** Keeps the layouts a diagram needs: the one it came from (its edges blend away) and the new one. */
export function withView(layouts: SceneLayout, previous: string, picture: LivePicture): SceneLayout {
	const out: SceneLayout = { [picture.viewId]: picture.layout };
	if (layouts[previous] && previous !== picture.viewId) out[previous] = layouts[previous]!;
	return out;
}

export interface Shown {
	/** For the log and the announcer: components by scene id, a Pod with no slot by its name. */
	message: Message;
	/** Whether a token can travel it: both ends drawn and a connection between them. */
	drawable: boolean;
}

/** Connection ids by their two ends, either way round. */
export function connectionIndex(scene: Scene): Map<string, string> {
	const out = new Map<string, string>();
	for (const c of scene.connections) {
		out.set(`${c.from}|${c.to}`, c.id);
		out.set(`${c.to}|${c.from}`, c.id);
	}
	return out;
}

export function shownMessage(m: LiveMessage, plan: SlotPlan, connections: Map<string, string>): Shown {
	const end = (id: string, pod: string | undefined) => (pod ? (plan.slotOf.get(pod) ?? pod) : id);
	const from = end(m.from, m.fromPod);
	const to = end(m.to, m.toPod);
	const via = connections.get(`${from}|${to}`);
	return { message: { from, to, via: via ?? '', kind: m.kind, summary: m.summary }, drawable: via !== undefined };
}
