// A binary min-heap of integers by priority, ties broken by insertion order (so routing is deterministic).

export class Heap {
	private items: [number, number, number][] = [];
	private seq = 0;
	get size() {
		return this.items.length;
	}
	push(priority: number, value: number) {
		const a = this.items;
		a.push([priority, this.seq++, value]);
		let i = a.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!less(a[i]!, a[p]!)) break;
			[a[i], a[p]] = [a[p]!, a[i]!];
			i = p;
		}
	}
	pop(): number {
		const a = this.items;
		const top = a[0]!;
		const last = a.pop()!;
		if (a.length) {
			a[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let s = i;
				if (l < a.length && less(a[l]!, a[s]!)) s = l;
				if (r < a.length && less(a[r]!, a[s]!)) s = r;
				if (s === i) break;
				[a[i], a[s]] = [a[s]!, a[i]!];
				i = s;
			}
		}
		return top[2];
	}
}
const less = (p: [number, number, number], q: [number, number, number]) => p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);
