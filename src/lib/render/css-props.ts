// Sets CSS properties on an element through the CSSOM (element.style.setProperty). The site's CSP has
// no 'unsafe-inline' for styles, which blocks a style="" attribute in the served HTML (and Svelte's
// `style:` directive writes one when prerendering); the CSSOM is not governed by style-src, so this is
// how a component gives an element a computed style. Values that are undefined or '' are removed.

export type CssProps = Record<string, string | undefined>;

export function applyCssProps(node: ElementCSSInlineStyle, next: CssProps, previous: CssProps = {}): void {
	for (const name of Object.keys(previous)) if (!next[name]) node.style.removeProperty(name);
	for (const [name, value] of Object.entries(next)) if (value) node.style.setProperty(name, value);
}

/** A Svelte action: `use:cssProps={{ '--column': '120px', transform: t || undefined }}`. */
export function cssProps(node: ElementCSSInlineStyle, props: CssProps) {
	let current = props;
	applyCssProps(node, current);
	return {
		update(next: CssProps) {
			applyCssProps(node, next, current);
			current = next;
		}
	};
}
