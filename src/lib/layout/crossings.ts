// Where drawn edges run through boxes they should go around: a segment through the interior of a box
// that is neither one of its ends nor a group holding an end. Used by tests and by the layout's checks.
import { segmentEntersBox } from './route-nudge';
import type { ViewLayout } from './types';

export interface Crossing {
	edge: string;
	box: string;
}

export function edgeCrossings(layout: ViewLayout, parentOf: (id: string) => string | undefined): Crossing[] {
	const out: Crossing[] = [];
	const chain = (id: string) => {
		const ids = [id];
		for (let at = parentOf(id); at && !ids.includes(at); at = parentOf(at)) ids.push(at);
		return ids;
	};
	for (const e of Object.values(layout.edges)) {
		const allowed = new Set([...chain(e.from), ...chain(e.to)]);
		for (const box of Object.values(layout.nodes)) {
			if (allowed.has(box.id)) continue;
			for (let k = 0; k + 1 < e.points.length; k++)
				if (segmentEntersBox(e.points[k]!, e.points[k + 1]!, box)) {
					out.push({ edge: e.id, box: box.id });
					break;
				}
		}
	}
	return out;
}
