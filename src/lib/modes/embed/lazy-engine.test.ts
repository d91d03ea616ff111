import { describe, expect, it, vi } from 'vitest';
import type { Session } from '$lib/engine/session';
import { lazyEngine } from './lazy-engine';

const fakeSession = (log: string[]) => ({ next: () => log.push('next') }) as unknown as Session;

describe('lazyEngine', () => {
	it('loads once, after the start is known, and runs queued commands in order', async () => {
		const log: string[] = [];
		let started: Session | undefined;
		let release = () => {};
		const ready = new Promise<void>((r) => (release = r));
		const load = vi.fn(async () => (() => fakeSession(log)) as never);
		const engine = lazyEngine({ ready, load, start: (e) => (started = (e as unknown as () => Session)()), current: () => started, onFailure: () => {} });
		engine.withSession((s) => s.next());
		engine.withSession((s) => s.next());
		expect(load).not.toHaveBeenCalled();
		release();
		await engine.wake();
		expect(load).toHaveBeenCalledTimes(1);
		expect(log).toEqual(['next', 'next']);
	});

	it('says when the load fails, and tries again on the next use', async () => {
		const failures: boolean[] = [];
		let attempts = 0;
		let started: Session | undefined;
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const engine = lazyEngine({
			ready: Promise.resolve(),
			load: async () => {
				if (++attempts === 1) throw new Error('offline');
				return (() => fakeSession([])) as never;
			},
			start: (e) => (started = (e as unknown as () => Session)()),
			current: () => started,
			onFailure: (f) => failures.push(f)
		});
		expect(await engine.wake()).toBeUndefined();
		expect(await engine.wake()).toBeDefined();
		expect(failures).toEqual([true, false]);
	});
});
