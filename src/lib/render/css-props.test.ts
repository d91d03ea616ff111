import { describe, expect, it } from 'vitest';
import { cssProps } from './css-props';

/** Just enough of CSSStyleDeclaration to watch what is set and removed. */
function fakeNode() {
	const set = new Map<string, string>();
	return { set, style: { setProperty: (k: string, v: string) => set.set(k, v), removeProperty: (k: string) => set.delete(k) } } as unknown as ElementCSSInlineStyle & { set: Map<string, string> };
}

describe('cssProps', () => {
	it('sets properties, updates them and removes the ones that become empty', () => {
		const node = fakeNode();
		const action = cssProps(node, { '--column': '120px', transform: 'scale(2)' });
		expect([...node.set]).toEqual([['--column', '120px'], ['transform', 'scale(2)']]);
		action.update({ '--column': '80px', transform: undefined });
		expect([...node.set]).toEqual([['--column', '80px']]);
		action.update({ '--column': '80px', transform: '' });
		expect(node.set.has('transform')).toBe(false);
	});
});
