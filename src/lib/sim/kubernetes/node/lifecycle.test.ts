import { describe, expect, it } from 'vitest';
import { INITIAL_MS, MAX_MS } from './backoff';
import { clusterWithNodes, inOrder, runPod, shape, stored } from './testing';

describe('graceful delete (K2 down)', () => {
	it.each([
		// nginx's image stops on SIGQUIT and exits at once; busybox sleep ignores SIGTERM and is killed at the deadline.
		['nginx', 'SIGQUIT to nginx', 'StopContainer: nginx exited (code 0)', 30_000],
		['busybox', 'SIGTERM to nginx', 'StopContainer: nginx killed (exit code 137)', 30_000]
	])('%s: Killing, StopContainer with the grace period, StopPodSandbox (CNI DEL), final DELETE grace 0', (image, signal, stopped, grace) => {
		const env = clusterWithNodes(`delete-${image}`);
		env.cp.sim.queue.runUntil(1000);
		runPod(env, 'web', 'node-1', image);
		env.cp.sim.queue.runUntil(10_000);
		const start = env.cp.sim.trace.entries.length;
		const t0 = env.cp.sim.now;
		env.cp.action('kubectl delete pod web', () => env.cp.client('kubectl').delete('Pod', { name: 'web' }));
		env.cp.sim.queue.runUntil(t0 + grace + 5000);
		const lines = shape(env.cp).slice(start);
		inOrder(lines, [
			'kube-apiserver → kubelet-1: watch: Pod web MODIFIED',
			'Killing: Stopping container nginx',
			'timeout 30 s)',
			signal,
			stopped,
			'kubelet-1 → runtime-1: CRI StopPodSandbox(',
			'runtime-1 → pod-1a: CNI DEL → IP 10.244.1.2 released',
			'StopPodSandbox: OK',
			'kubelet-1 → kube-apiserver: DELETE /api/v1/namespaces/default/pods/web?gracePeriodSeconds=0',
			'kube-apiserver → kubelet-1: watch: Pod web DELETED'
		]);
		expect(stored(env, 'web')).toBeUndefined();
		const killed = env.cp.sim.trace.messages().find((m) => m.summary.startsWith('StopContainer:'));
		if (image === 'busybox') expect(Math.round(((killed?.time ?? 0) - t0) / 1000)).toBe(30);
		else expect((killed?.time ?? Infinity) - t0).toBeLessThan(1000);
	});
});

describe('crash loop (K5)', () => {
	const env = clusterWithNodes('crash');
	env.cp.sim.queue.runUntil(1000);
	runPod(env, 'web');
	env.cp.sim.queue.runUntil(10_000);
	// A bug that hits every start: the process exits with code 1 half a second after it starts.
	env.cp.action('nginx in web exits with code 1', () => env.nodes['node-1']?.crash('web', 1, 500));
	env.cp.sim.queue.runUntil(20 * 60_000);
	const messages = env.cp.sim.trace.messages();
	const exits = messages.filter((m) => m.from === 'pod-1a' && m.summary.includes('exited with code 1'));
	const starts = messages.filter((m) => m.to === 'runtime-1' && m.summary.startsWith('CRI StartContainer')).slice(1);
	// A restart begins with the image check (ImageStatus, then PullImage for :latest) before CreateContainer.
	const restarts = exits.map((e) => messages.find((m) => m.time >= e.time && m.summary.startsWith('CRI ImageStatus')));

	it('PLEG notices each exit within a second and reports it', () => {
		for (const e of exits.slice(0, 5)) {
			const relist = messages.find((m) => m.time >= e.time && m.summary === 'PLEG relist: CRI ListContainers');
			expect((relist?.time ?? Infinity) - e.time).toBeLessThanOrEqual(1000);
		}
	});

	it('restarts at once, then waits 10, 20, 40, 80, 160, 300, 300 s after each exit', () => {
		const waits = restarts.map((s, i) => Math.round(((s?.time ?? Infinity) - (exits[i]?.time ?? 0)) / 1000));
		expect(waits.slice(0, 8)).toEqual([1, 10, 20, 40, 80, 160, 300, 300]);
		expect(INITIAL_MS).toBe(10_000);
		expect(MAX_MS).toBe(300_000);
	});

	it('shows CrashLoopBackOff while waiting, with a BackOff Event whose count grows', () => {
		const lines = shape(env.cp);
		inOrder(lines, [
			'(nginx terminated (exit 1), Ready=False)',
			'(running, lastState terminated (exit 1), restartCount 1, Ready=True)',
			'(nginx waiting, reason CrashLoopBackOff (back-off 10s); Ready=False)',
			'BackOff: Back-off restarting failed container nginx in pod web_default(',
			'restartCount 2, Ready=True',
			'(back-off 20s)',
			'(BackOff, count 2)'
		]);
	});

	it('restarts in the same sandbox: one RunPodSandbox, same IP, restartCount counts, phase stays Running', () => {
		expect(messages.filter((m) => m.summary.startsWith('CRI RunPodSandbox'))).toHaveLength(1);
		const p = stored(env, 'web');
		expect(p?.status?.podIP).toBe('10.244.1.2');
		expect(p?.status?.phase).toBe('Running');
		expect(p?.status?.containerStatuses?.[0]?.restartCount).toBe(starts.length);
		expect(p?.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(1);
	});

	it('why() leads from a restart back to the crash action', () => {
		const chain = env.cp.sim.trace.why(starts[2]?.id ?? 0);
		expect(chain.at(-1)).toMatchObject({ type: 'note', text: 'nginx in web exits with code 1' });
	});
});

describe('bad image', () => {
	it.each([
		['nginxx', 'pull access denied, repository does not exist or may require authorization'],
		['nginx:nope', 'docker.io/library/nginx:nope: not found']
	])('%s → ErrImagePull, then ImagePullBackOff, retried after 10, 20, 40 s', (image, error) => {
		const env = clusterWithNodes(`bad-${image}`);
		env.cp.sim.queue.runUntil(1000);
		runPod(env, 'web', 'node-1', image);
		env.cp.sim.queue.runUntil(120_000);
		const lines = shape(env.cp);
		inOrder(lines, [
			`Failed: Failed to pull image "${image}": rpc error`,
			'Failed: Error: ErrImagePull',
			'(nginx waiting, reason ErrImagePull)',
			`BackOff: Back-off pulling image "${image}"`,
			'Failed: Error: ImagePullBackOff',
			'(nginx waiting, reason ImagePullBackOff)'
		]);
		expect(lines.find((l) => l.includes('PullImage failed'))).toContain(error);
		const pulls = env.cp.sim.trace.messages().filter((m) => m.summary.startsWith('CRI PullImage'));
		const fails = env.cp.sim.trace.messages().filter((m) => m.summary.startsWith('PullImage failed'));
		const gaps = pulls.slice(1).map((p, i) => Math.round((p.time - (fails[i]?.time ?? 0)) / 1000));
		expect(gaps.slice(0, 3)).toEqual([10, 20, 40]);
		expect(stored(env, 'web')?.status?.phase).toBe('Pending');
	});
});
