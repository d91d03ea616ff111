// Which Pod a container runtime's sandbox messages belong to. The simulator's runtime draws each Pod
// sandbox it creates on the next of its scene slots (pod-1a, pod-1b, … pod-1z, pod-1a1 …; never
// reused), in the order the kubelet's RunPodSandbox calls reach it; a channel delivers in the order
// sent, so counting the calls in the trace names each slot's Pod. (A call lost to a node powered off
// before it arrived would shift the count on that node; the kubelet goes off with its node, so it
// sends none then.) Pure.
const CALL = /^CRI RunPodSandbox\(([^)]+)\)/;

/** The runtime's i-th slot name on node n, as runtime.ts freeSlot names it. */
export const runtimeSlot = (n: string, i: number) => `pod-${n}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;

export class RuntimeSlots {
	private readonly calls = new Map<string, number>();
	private readonly pods = new Map<string, string>();

	/** Notes a message of the trace (every one, in order). */
	observe(from: string, to: string, summary: string): void {
		const call = CALL.exec(summary);
		const n = /^runtime-(\d+)$/.exec(to)?.[1];
		if (!call || !n || !from.startsWith('kubelet-')) return;
		const i = this.calls.get(n) ?? 0;
		this.calls.set(n, i + 1);
		this.pods.set(runtimeSlot(n, i), call[1]!);
	}

	/** The Pod drawn on the runtime's slot `id` (undefined for any other component). */
	podOf(id: string): string | undefined {
		return this.pods.get(id);
	}
}
