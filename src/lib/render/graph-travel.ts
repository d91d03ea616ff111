// Travelling the diagram as a graph, for keyboard and screen-reader users (issue 19, after the
// data-navigator pattern): a part's connections one by one, across a connection to its other end, up
// to the enclosing group and down into a group. Pure: what to move to and what to announce.
import { displayName, parentIn } from '$lib/model/scene';
import type { ConnectionKind, Scene, View } from '$lib/model/types';

export interface Neighbour {
	connection: string;
	/** The part at the other end. */
	other: string;
	kind: ConnectionKind;
	/** Whether the connection's arrow points away from the part or towards it. */
	direction: 'outgoing' | 'incoming';
}

/** What each kind of connection is called, as in the legend. */
export const KIND_WORDS: Record<ConnectionKind, string> = { call: 'network call', watch: 'event stream', data: 'data path', local: 'local call' };

/** The part's connections whose other end is on stage, in the scene's order. */
export function neighbours(scene: Scene, id: string, onStage: ReadonlySet<string>): Neighbour[] {
	return scene.connections.flatMap((c): Neighbour[] => {
		if (c.from === id && onStage.has(c.to)) return [{ connection: c.id, other: c.to, kind: c.kind ?? 'call', direction: 'outgoing' }];
		if (c.to === id && onStage.has(c.from)) return [{ connection: c.id, other: c.from, kind: c.kind ?? 'call', direction: 'incoming' }];
		return [];
	});
}

/** The members of a group shown in this view (components and groups directly inside it). */
export function membersOf(scene: Scene, view: View, group: string, onStage: ReadonlySet<string>): string[] {
	return [...scene.groups.map((g) => g.id), ...scene.components.map((c) => c.id)].filter((id) => onStage.has(id) && parentIn(scene, view, id) === group);
}

/** "3 of 9: etcd, network call, outgoing." */
export function describeNeighbour(scene: Scene, n: Neighbour, index: number, total: number): string {
	return `${index + 1} of ${total}: ${displayName(scene, n.other)}, ${KIND_WORDS[n.kind]}, ${n.direction}. Enter goes there.`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What is said on arriving at a part: its name, its connections, and for a group its members. */
export function describeArrival(scene: Scene, view: View, id: string, onStage: ReadonlySet<string>): string {
	const isGroup = scene.groups.some((g) => g.id === id);
	const parts = [displayName(scene, id)];
	if (isGroup) parts.push(`group of ${count(membersOf(scene, view, id, onStage).length, 'part', 'parts')}`);
	parts.push(count(neighbours(scene, id, onStage).length, 'connection', 'connections'));
	return `${parts.join(', ')}.`;
}
