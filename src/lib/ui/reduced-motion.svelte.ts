// Follows the system's prefers-reduced-motion setting live, as a rune-backed value.
export class ReducedMotion {
	current = $state(false);
	#query: MediaQueryList | undefined;
	#listen = (e: MediaQueryListEvent) => (this.current = e.matches);

	start() {
		if (this.#query) return;
		this.#query = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
		this.current = this.#query?.matches ?? false;
		this.#query?.addEventListener('change', this.#listen);
	}
	stop() {
		this.#query?.removeEventListener('change', this.#listen);
		this.#query = undefined;
	}
}
