import { describe, expect, it, vi } from 'vitest';
import { partKeys, type PartKeysOptions } from './part-keys';

// Just enough of the DOM for the action: a layer holding parts, and key and focus events aimed at them.
function fakeLayer(ids: string[]) {
	const listeners = new Map<string, (e: Event) => void>();
	const focused: string[] = [];
	const parts = new Map(ids.map((id) => [id, { getAttribute: () => id, focus: () => focused.push(id) }]));
	const node = {
		addEventListener: (type: string, f: (e: Event) => void) => listeners.set(type, f),
		removeEventListener: (type: string) => listeners.delete(type),
		contains: (el: unknown) => [...parts.values()].includes(el as never),
		querySelector: (sel: string) => parts.get(/data-part="(.*)"/.exec(sel)![1]!) ?? null
	};
	const fire = (type: string, on: string | null, key = '') => {
		const event = { key, target: { closest: () => (on ? parts.get(on) : null) }, preventDefault: vi.fn(), stopPropagation: vi.fn() };
		listeners.get(type)?.(event as unknown as Event);
		return event;
	};
	return { node: node as unknown as SVGGElement, fire, focused, listeners };
}

const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {
	a: { x: 0, y: 0, width: 100, height: 50 },
	right: { x: 300, y: 0, width: 100, height: 50 },
	below: { x: 0, y: 200, width: 100, height: 50 }
};

function setup() {
	const layer = fakeLayer(Object.keys(boxes));
	const onInspect = vi.fn();
	const onFocus = vi.fn();
	const options: PartKeysOptions = {
		boxOf: (id) => boxes[id],
		targets: () => Object.entries(boxes).map(([id, box]) => ({ id, box })),
		onInspect,
		onFocus
	};
	const action = partKeys(layer.node, options) as { update(o: PartKeysOptions): void; destroy(): void };
	return { ...layer, onInspect, onFocus, action, options };
}

describe('partKeys', () => {
	it('arrow keys move focus to the nearest part that way, and keep the key from the page', () => {
		const { fire, focused, onFocus } = setup();
		const event = fire('keydown', 'a', 'ArrowRight');
		expect(focused).toEqual(['right']);
		expect(onFocus).toHaveBeenCalledWith('right');
		expect(event.preventDefault).toHaveBeenCalled();
		expect(event.stopPropagation).toHaveBeenCalled();
		fire('keydown', 'a', 'ArrowDown');
		expect(focused).toEqual(['right', 'below']);
	});

	it('an arrow with nothing that way stays put but is still kept from the page', () => {
		const { fire, focused } = setup();
		expect(fire('keydown', 'a', 'ArrowLeft').stopPropagation).toHaveBeenCalled();
		expect(focused).toEqual([]);
	});

	it('Enter and Space inspect the part', () => {
		const { fire, onInspect } = setup();
		fire('keydown', 'below', 'Enter');
		fire('keydown', 'a', ' ');
		expect(onInspect.mock.calls).toEqual([['below'], ['a']]);
	});

	it('other keys, and keys outside a part, pass through', () => {
		const { fire, onInspect } = setup();
		expect(fire('keydown', 'a', 'k').stopPropagation).not.toHaveBeenCalled();
		expect(fire('keydown', null, 'ArrowRight').stopPropagation).not.toHaveBeenCalled();
		expect(onInspect).not.toHaveBeenCalled();
	});

	it('reports the focused part (the roving tab stop), follows new options, and lets go on destroy', () => {
		const { fire, onFocus, action, options, listeners } = setup();
		fire('focusin', 'below');
		expect(onFocus).toHaveBeenCalledWith('below');
		const onInspect = vi.fn();
		action.update({ ...options, onInspect });
		fire('keydown', 'a', 'Enter');
		expect(onInspect).toHaveBeenCalledWith('a');
		action.destroy();
		expect(listeners.size).toBe(0);
	});
});
