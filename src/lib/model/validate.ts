// Content is data written by people; this catches the mistakes before a learner does.
// Every problem names where it is (scene or walkthrough, step, id) so it can be fixed from the message alone.
import { checkpointProblems } from './checkpoint';
import { defaultNext, reachableSteps } from './graph';
import type { Scene, Walkthrough } from './types';

export interface ContentProblem {
	/** "scene stacks" or "walkthrough stacks/overview". */
	where: string;
	step?: string;
	id?: string;
	message: string;
}

export function formatProblem(p: ContentProblem): string {
	const parts = [p.where];
	if (p.step) parts.push(`step "${p.step}"`);
	if (p.id) parts.push(`id "${p.id}"`);
	return `${parts.join(', ')}: ${p.message}`;
}

export class ContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(`Invalid content:\n${problems.map((p) => '  - ' + formatProblem(p)).join('\n')}`);
		this.name = 'ContentError';
	}
}

export function validateScene(scene: Scene): ContentProblem[] {
	const where = `scene ${scene.id}`;
	const problems: ContentProblem[] = [];
	const add = (id: string | undefined, message: string) => problems.push({ where, id, message });

	const seen = new Set<string>();
	for (const item of [...scene.components, ...scene.groups, ...scene.connections]) {
		if (!item.id) add(undefined, 'an entry has an empty id');
		else if (seen.has(item.id)) add(item.id, 'duplicate id');
		seen.add(item.id);
	}
	const componentIds = new Set(scene.components.map((c) => c.id));
	const groupIds = new Set(scene.groups.map((g) => g.id));

	for (const c of scene.components)
		if (c.label !== undefined && !c.name.includes(c.label)) add(c.id, `label "${c.label}" must be part of the name "${c.name}"`);
	for (const item of [...scene.components, ...scene.groups]) {
		if (item.parent !== undefined && !groupIds.has(item.parent))
			add(item.id, `parent "${item.parent}" is not a group of this scene`);
	}
	for (const g of scene.groups) {
		let at: string | undefined = g.parent;
		const chain = new Set([g.id]);
		while (at) {
			if (chain.has(at)) {
				add(g.id, 'groups nest in a cycle');
				break;
			}
			chain.add(at);
			at = scene.groups.find((x) => x.id === at)?.parent;
		}
	}
	for (const c of scene.connections) {
		for (const end of [c.from, c.to])
			if (!componentIds.has(end)) add(c.id, `connection end "${end}" is not a component`);
		if (c.from === c.to) add(c.id, 'connection joins a component to itself');
	}

	const viewIds = new Set<string>();
	const inSomeView = new Set<string>();
	if (scene.views.length === 0) add(undefined, 'scene has no views');
	for (const v of scene.views) {
		if (viewIds.has(v.id)) add(v.id, 'duplicate view id');
		viewIds.add(v.id);
		if (v.components.length === 0) add(v.id, 'view shows no components');
		for (const id of [...Object.keys(v.place ?? {}), ...Object.keys(v.partitions ?? {}), ...(v.unlinked ?? []).filter((x) => x !== 'top')])
			if (!componentIds.has(id) && !groupIds.has(id)) add(id, `view "${v.id}" arranges an unknown component or group`);
		for (const [id, parent] of Object.entries(v.place ?? {}))
			if (parent !== null && !groupIds.has(parent)) add(id, `view "${v.id}" places it in unknown group "${parent}"`);
		for (const id of v.components) {
			if (!componentIds.has(id)) add(id, `view "${v.id}" lists an unknown component`);
			inSomeView.add(id);
		}
	}
	for (const c of scene.components)
		if (!inSomeView.has(c.id)) add(c.id, 'component is outside every view');
	return problems;
}

export function validateWalkthrough(w: Walkthrough, scene: Scene | undefined): ContentProblem[] {
	const where = `walkthrough ${w.id}`;
	const problems: ContentProblem[] = [];
	const add = (step: string | undefined, id: string | undefined, message: string) =>
		problems.push({ where, step, id, message });

	if (!scene) {
		add(undefined, w.scene, 'scene does not exist');
		return problems;
	}
	if (w.scene !== scene.id) add(undefined, w.scene, `belongs to scene "${w.scene}", not "${scene.id}"`);
	if (!w.id.startsWith(`${scene.id}/`)) add(undefined, w.id, `id must start with "${scene.id}/"`);
	if (w.steps.length === 0) {
		add(undefined, undefined, 'walkthrough has no steps');
		return problems;
	}

	const componentIds = new Set(scene.components.map((c) => c.id));
	const nodeIds = new Set([...componentIds, ...scene.groups.map((g) => g.id)]);
	const connections = new Map(scene.connections.map((c) => [c.id, c]));
	const views = new Map(scene.views.map((v) => [v.id, v]));
	const stepIds = new Set<string>();
	for (const s of w.steps) {
		// Step ids become state names and URL-safe keys, so keep them plain.
		if (!/^[a-z0-9][a-z0-9-]*$/.test(s.id)) add(s.id, s.id, 'step id must be lower-case letters, digits and dashes');
		if (stepIds.has(s.id)) add(s.id, s.id, 'duplicate step id');
		stepIds.add(s.id);
	}

	for (const s of w.steps) {
		const view = views.get(s.view);
		if (!view) add(s.id, s.view, 'unknown view');
		if (!s.narration.trim()) add(s.id, undefined, 'narration is empty');
		const visible = new Set(view?.components ?? []);
		for (const id of s.highlight ?? []) if (!nodeIds.has(id)) add(s.id, id, 'highlight names an unknown component or group');
		for (const id of Object.keys(s.badges ?? {})) if (!nodeIds.has(id)) add(s.id, id, 'badge on an unknown component or group');
		for (const n of s.file?.focus ?? [])
			if (!Number.isInteger(n) || n < 1 || n > (s.file?.lines.length ?? 0)) add(s.id, s.file?.name, `focus line ${n} is not a line of the file`);
		for (const t of s.tables ?? [])
			for (const row of t.rows) if (row.length !== t.columns.length) add(s.id, t.title, `table row has ${row.length} cells for ${t.columns.length} columns`);
		for (const id of Object.keys(s.roles ?? {})) if (!nodeIds.has(id)) add(s.id, id, 'role given for an unknown component or group');
		for (const m of s.messages ?? []) {
			for (const end of [m.from, m.to]) {
				if (!componentIds.has(end)) add(s.id, end, 'message end is not a component');
				else if (view && !visible.has(end)) add(s.id, end, `message end is not shown in view "${view.id}"`);
			}
			const c = connections.get(m.via);
			if (!c) add(s.id, m.via, 'message travels over a connection that does not exist');
			else if (!((c.from === m.from && c.to === m.to) || (c.from === m.to && c.to === m.from)))
				add(s.id, m.via, `connection does not join "${m.from}" and "${m.to}"`);
			if (!m.summary.trim()) add(s.id, m.via, 'message summary is empty');
		}
		for (const message of checkpointProblems(s, scene, visible)) add(s.id, 'checkpoint', message);
		for (const target of [s.next, ...(s.choices ?? []).map((c) => c.to)])
			if (target !== undefined && !stepIds.has(target)) add(s.id, target, 'leads to an unknown step');
	}

	// A dead-end side branch (a choice other than the first, ending the walkthrough) should only be
	// entered by choosing it. If Next also runs into it from the end of the main story, the story never
	// ends: the step before needs `end: true`. (A choice that rejoins the story is fine.)
	const endsHere = (id: string) => defaultNext(w, w.steps.findIndex((s) => s.id === id)) === undefined;
	const sideBranches = new Set(w.steps.flatMap((s) => (s.choices ?? []).slice(1).map((c) => c.to)).filter(endsHere));
	w.steps.forEach((s, i) => {
		const next = defaultNext(w, i);
		if (next && sideBranches.has(next) && !(s.choices ?? []).some((c) => c.to === next))
			add(s.id, next, `Next runs into the side branch "${next}"; end the main path here with \`end: true\``);
	});

	const reachable = reachableSteps(w);
	for (const s of w.steps) if (!reachable.has(s.id)) add(s.id, s.id, 'step cannot be reached from the first step');
	return problems;
}
