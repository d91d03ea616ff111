// Inside a sandboxed or partitioned LMS iframe, merely touching localStorage can throw. It is only ever
// a cache of preferences here; state that matters lives in the URL.

export function readPreference(key: string): string | null {
	try {
		return globalThis.localStorage?.getItem(`wheelhouse:${key}`) ?? null;
	} catch {
		return null;
	}
}

export function writePreference(key: string, value: string): void {
	try {
		globalThis.localStorage?.setItem(`wheelhouse:${key}`, value);
	} catch {
		/* storage unavailable: the preference simply is not remembered */
	}
}

export function removePreference(key: string): void {
	try {
		globalThis.localStorage?.removeItem(`wheelhouse:${key}`);
	} catch {
		/* storage unavailable: there was nothing remembered to forget */
	}
}
