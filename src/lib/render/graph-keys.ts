// The keys of graph travel (graph-travel.ts), as an action on the layer that holds the parts. On a
// focused part: C (Shift+C back) steps through its connections, Enter then crosses the chosen one,
// Escape lets it go; U goes up to the enclosing group, D down into a group. Each move is announced.
// Runs in the capture phase, before part-keys.ts, so Enter crosses a chosen connection instead of
// opening the inspector; keys it handles go no further.
import type { Action } from 'svelte/action';
import type { Box } from '$lib/layout/types';
import { parentIn } from '$lib/model/scene';
import type { Scene, View } from '$lib/model/types';
import { describeArrival, describeNeighbour, membersOf, neighbours } from './graph-travel';

export interface GraphKeysOptions {
	scene: Scene;
	view: () => View | undefined;
	/** Ids of the parts on stage now. */
	onStage: () => ReadonlySet<string>;
	boxOf: (id: string) => Box | undefined;
	/** Moves keyboard focus to a part. */
	focus: (id: string) => void;
	announce: (text: string) => void;
	/** The connection being pointed at (drawn emphasised), or null. */
	choose: (connection: string | null) => void;
}

/** Reading order: top to bottom, then left to right. */
const byReadingOrder = (boxOf: (id: string) => Box | undefined) => (a: string, b: string) => {
	const p = boxOf(a);
	const q = boxOf(b);
	return !p || !q ? 0 : p.y - q.y || p.x - q.x;
};

export const graphKeys: Action<SVGGElement, GraphKeysOptions> = (node, initial) => {
	let options = initial;
	/** The connection chosen with C: on which part, and which of its connections. */
	let chosen: { part: string; index: number } | null = null;
	const choose = (next: typeof chosen, connection: string | null) => {
		chosen = next;
		options.choose(connection);
	};
	const partOf = (event: Event) => (event.target as Element | null)?.closest?.('[data-part]')?.getAttribute('data-part') ?? null;
	const arrive = (id: string) => {
		choose(null, null);
		options.focus(id);
		const view = options.view();
		if (view) options.announce(describeArrival(options.scene, view, id, options.onStage()));
	};

	const onKeydown = (event: KeyboardEvent) => {
		const id = partOf(event);
		const view = options.view();
		if (id === null || !view || event.ctrlKey || event.metaKey || event.altKey) return;
		const key = event.key.toLowerCase();
		const handled = () => {
			event.preventDefault();
			event.stopPropagation();
		};
		if (key === 'c') {
			handled();
			const list = neighbours(options.scene, id, options.onStage());
			if (!list.length) return options.announce(`${describeArrival(options.scene, view, id, options.onStage())} Nothing to travel to.`);
			const step = event.shiftKey ? -1 : 1;
			const index = chosen?.part === id ? (chosen.index + step + list.length) % list.length : event.shiftKey ? list.length - 1 : 0;
			choose({ part: id, index }, list[index]!.connection);
			options.announce(describeNeighbour(options.scene, list[index]!, index, list.length));
		} else if (event.key === 'Enter' && chosen?.part === id) {
			handled();
			const target = neighbours(options.scene, id, options.onStage())[chosen.index];
			if (target) arrive(target.other);
		} else if (event.key === 'Escape' && chosen) {
			handled();
			choose(null, null);
			options.announce('Connection let go.');
		} else if (key === 'u') {
			handled();
			const parent = parentIn(options.scene, view, id);
			if (parent && options.onStage().has(parent)) arrive(parent);
			else options.announce('Already at the top: not inside a group.');
		} else if (key === 'd') {
			handled();
			const members = membersOf(options.scene, view, id, options.onStage()).sort(byReadingOrder(options.boxOf));
			if (members.length) arrive(members[0]!);
			else options.announce('Not a group: nothing inside.');
		}
	};
	// Moving on by other means (arrow keys, Tab, a click) lets a chosen connection go.
	const onFocusin = (event: FocusEvent) => {
		if (chosen && partOf(event) !== chosen.part) choose(null, null);
	};
	node.addEventListener('keydown', onKeydown, true);
	node.addEventListener('focusin', onFocusin);
	return {
		update: (next) => void (options = next),
		destroy() {
			node.removeEventListener('keydown', onKeydown, true);
			node.removeEventListener('focusin', onFocusin);
		}
	};
};
