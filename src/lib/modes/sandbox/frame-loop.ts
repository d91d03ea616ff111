// Calls `frame` with the wall clock on every animation frame until destroyed. Framework-free.
export function frameLoop(frame: (wallMs: number) => void): { destroy(): void } {
	let id = requestAnimationFrame(function tick(t) {
		frame(t);
		id = requestAnimationFrame(tick);
	});
	return { destroy: () => cancelAnimationFrame(id) };
}
