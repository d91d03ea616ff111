// The keys of graph travel (graph-travel.ts), loaded by the graph-keys action at the first C, U or D.
// On a focused part: C (Shift+C back) steps through its connections, Enter then crosses the chosen one,
// Escape lets it go; U goes up to the enclosing group, D down into a group. Each move is announced.
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

export interface TravelKeys {
	/** Handles a keydown on a part; true if the key was graph travel's (then it went no further). */
	keydown(event: KeyboardEvent): boolean;
	focusin(event: FocusEvent): void;
}

export function travelKeys(current: () => GraphKeysOptions): TravelKeys {
	let options = current();
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

	const keydown = (event: KeyboardEvent): boolean => {
		options = current();
		const id = partOf(event);
		const view = options.view();
		if (id === null || !view || event.ctrlKey || event.metaKey || event.altKey) return false;
		const key = event.key.toLowerCase();
		let used = false;
		const handled = () => {
			used = true;
			event.preventDefault();
			event.stopPropagation();
		};
		if (key === 'c') {
			handled();
			const list = neighbours(options.scene, id, options.onStage());
			if (!list.length) {
				options.announce(`${describeArrival(options.scene, view, id, options.onStage())} Nothing to travel to.`);
				return used;
			}
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
		return used;
	};
	// Moving on by other means (arrow keys, Tab, a click) lets a chosen connection go.
	const focusin = (event: FocusEvent) => {
		if (chosen && partOf(event) !== chosen.part) choose(null, null);
	};
	return { keydown, focusin };
}
