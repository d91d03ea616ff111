// Graph travel's keys (graph-travel-keys.ts) as an action on the layer that holds the parts. Few
// visitors use them, so their code loads at the first C, U or D pressed on a part; that key is then
// handled as soon as it has loaded. Runs in the capture phase, ahead of part-keys.ts, so Enter crosses
// a chosen connection instead of opening the inspector; keys it handles go no further.
import type { Action } from 'svelte/action';
import type { GraphKeysOptions, TravelKeys } from './graph-travel-keys';

export type { GraphKeysOptions } from './graph-travel-keys';

const STARTS = new Set(['c', 'u', 'd']);

export const graphKeys: Action<SVGGElement, GraphKeysOptions> = (node, initial) => {
	let options = initial;
	let keys: TravelKeys | undefined;
	let loading: Promise<TravelKeys> | undefined;
	const onKeydown = (event: KeyboardEvent) => {
		if (keys) return void keys.keydown(event);
		const onPart = (event.target as Element | null)?.closest?.('[data-part]');
		if (!onPart || !STARTS.has(event.key.toLowerCase()) || event.ctrlKey || event.metaKey || event.altKey) return;
		event.preventDefault();
		event.stopPropagation();
		loading ??= import('./graph-travel-keys').then((m) => (keys = m.travelKeys(() => options)));
		void loading.then((k) => k.keydown(event));
	};
	const onFocusin = (event: FocusEvent) => keys?.focusin(event);
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
