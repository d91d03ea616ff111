// d3-zoom (with d3-transition, d3-drag and d3-color behind it) is a third of the page's JavaScript, and
// most visitors never pan or zoom. It loads when the pointer or keyboard first reaches the diagram, or
// when a zoom control is used, so first load stays light.
import type { ZoomControl } from './zoom';

export interface LazyZoom {
	/** Runs `f` with the zoom once it has loaded (not at all if it cannot load, e.g. offline). */
	use(f: (zoom: ZoomControl) => void): void;
	destroy(): void;
}

export function lazyZoom(svg: SVGSVGElement, layers: SVGGElement[]): LazyZoom {
	let zoom: ZoomControl | undefined;
	let loading: Promise<ZoomControl | undefined> | undefined;
	let destroyed = false;
	const ensure = (): Promise<ZoomControl | undefined> => {
		loading ??= import('./zoom')
			.then(({ attachZoom }) => {
				if (!destroyed) zoom ??= attachZoom(svg, layers);
				return zoom;
			})
			.catch(() => {
				// Offline: the picture still works without pan and zoom; a later zoom control tries again.
				loading = undefined;
				return undefined;
			});
		return loading;
	};
	const early = () => void ensure();
	for (const type of ['pointerenter', 'pointerdown', 'focusin']) svg.addEventListener(type, early, { once: true });
	return {
		use: (f) => void ensure().then((z) => z && f(z)),
		destroy() {
			destroyed = true;
			for (const type of ['pointerenter', 'pointerdown', 'focusin']) svg.removeEventListener(type, early);
			zoom?.destroy();
		}
	};
}
