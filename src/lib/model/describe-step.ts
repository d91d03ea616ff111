// A step in words (issue 19): what the picture carries, as structured text a screen reader can read at
// its own pace: what is shown (groups and their members), what changed since the step before, and the
// step's messages in order with their kinds. Pure.
import { stepById } from './graph';
import { displayName, parentIn, visibleIds } from './scene';
import type { Message, Scene, Step, Walkthrough } from './types';

export interface StepDescription {
	title: string;
	/** The view's name ("Virtual machines"). */
	view: string;
	/** Each group drawn, with the parts directly inside it ("node-1: kubelet (node-1), …"). */
	groups: { name: string; members: string[] }[];
	/** Parts drawn outside any group. */
	outside: string[];
	/** The statuses drawn on parts ("Server: Running"). */
	statuses: string[];
	/** What differs from the step before: parts shown or gone, statuses set, changed or cleared. */
	changes: string[];
	/** "1. kubectl to kube-apiserver, request: POST …" */
	messages: string[];
}

const shown = (scene: Scene, step: Step | undefined) => {
	const view = scene.views.find((v) => v.id === step?.view);
	return view ? visibleIds(scene, view) : { components: [], groups: [] };
};

const list = (names: string[]) => names.join(', ');

/** A message in words for a listener: "kubectl to kube-apiserver, request: POST …" (an arrow is read
 *  as "right arrow", or not at all). The Describe dialog and the live announcements both say it so. */
export function messageInWords(scene: Scene, m: Message): string {
	return `${displayName(scene, m.from)} to ${displayName(scene, m.to)}, ${m.kind}: ${m.summary}`;
}

export function describeMessage(scene: Scene, m: Message, n: number): string {
	return `${n}. ${messageInWords(scene, m)}`;
}

/** `history`: the steps walked before the current one, in order (the last is "the step before"). */
export function describeStep(scene: Scene, w: Walkthrough, history: readonly string[], currentId: string): StepDescription {
	const step = stepById(w, currentId)!;
	const view = scene.views.find((v) => v.id === step.view)!;
	const now = shown(scene, step);
	const before = history.length ? stepById(w, history.at(-1)!) : undefined;
	const then = shown(scene, before);
	const ids = [...now.groups, ...now.components];
	const groups = now.groups.map((g) => ({ name: displayName(scene, g), members: ids.filter((id) => parentIn(scene, view, id) === g).map((id) => displayName(scene, id)) }));
	const outside = now.components.filter((id) => !parentIn(scene, view, id)).map((id) => displayName(scene, id));

	const changes: string[] = [];
	if (before) {
		const appeared = now.components.filter((id) => !then.components.includes(id)).map((id) => displayName(scene, id));
		const gone = then.components.filter((id) => !now.components.includes(id)).map((id) => displayName(scene, id));
		if (appeared.length) changes.push(`Now shown: ${list(appeared)}.`);
		if (gone.length) changes.push(`No longer shown: ${list(gone)}.`);
	}
	const was = before?.badges ?? {};
	const is = step.badges ?? {};
	const statuses = Object.entries(is).map(([id, text]) => `${displayName(scene, id)}: ${text}`);
	for (const id of before ? new Set([...Object.keys(was), ...Object.keys(is)]) : []) {
		if (was[id] === is[id]) continue;
		const name = displayName(scene, id);
		if (!is[id]) changes.push(`${name}: ${was[id]} no longer shown.`);
		else changes.push(was[id] ? `${name}: ${was[id]} → ${is[id]}.` : `${name}: ${is[id]}.`);
	}
	if (before && !changes.length) changes.push('Nothing in the picture changed; the messages below are new.');

	return { title: step.title, view: view.name, groups, outside, statuses, changes, messages: (step.messages ?? []).map((m, i) => describeMessage(scene, m, i + 1)) };
}
