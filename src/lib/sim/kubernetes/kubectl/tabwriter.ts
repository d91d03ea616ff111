// Go's text/tabwriter as kubectl describe uses it (minwidth 0, padding 2): cells end at a tab; a
// column's width is set per block of consecutive lines that have a cell in that column, so each
// section of the output aligns on its own, exactly as `kubectl describe` prints.

export function tabwrite(text: string, padding = 2): string {
	const lines = text.split('\n').map((l) => l.split('\t'));
	const widths: number[][] = lines.map(() => []);
	const format = (from: number, to: number, col: number) => {
		for (let i = from; i < to; ) {
			if ((lines[i]?.length ?? 0) - 1 <= col) {
				i++;
				continue;
			}
			let j = i;
			let width = 0;
			for (; j < to && (lines[j]?.length ?? 0) - 1 > col; j++) width = Math.max(width, (lines[j]?.[col] ?? '').length + padding);
			for (let k = i; k < j; k++) (widths[k] as number[])[col] = width;
			format(i, j, col + 1);
			i = j;
		}
	};
	format(0, lines.length, 0);
	return lines.map((cells, i) => cells.map((c, k) => (k < cells.length - 1 ? c.padEnd(widths[i]?.[k] ?? 0) : c)).join('')).join('\n');
}
