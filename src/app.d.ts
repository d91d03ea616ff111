// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface PageState {
			/** 1-based step number carried in shallow-routing history entries. */
			step?: number;
		}
	}
}
export {};
