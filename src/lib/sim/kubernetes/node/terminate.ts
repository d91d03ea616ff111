// Graceful termination of one Pod (flows.md K2 down): once the Pod has a deletionTimestamp, the
// kubelet lets the CRI call in flight finish, starts nothing new, posts Killing, stops every running
// container with the grace period (the runtime sends the image's stop signal, SIGKILL at the end),
// stops the sandbox (CNI DEL frees the IP), reports the final status, and removes the Pod with a
// DELETE of grace 0. A Pod removed from the API without that (a forced delete) is stopped silently.
import type { Timer } from '../../core/queue';
import { shortId, type CriRequest, type CriResponse } from './cri';
import type { KubeletDeps } from './kubelet-deps';
import type { PodWorker } from './pod-worker';

export class Terminator {
	/** The deletion has been seen; nothing new is started. */
	started = false;
	private silent = false;
	private killing = false;
	private pending = 0;
	private readonly timers = new Set<Timer>();

	constructor(
		private readonly w: PodWorker,
		private readonly k: KubeletDeps
	) {}

	/** A CRI call of the start-up path: its answer is handled only if the Pod is not being deleted meanwhile. */
	cri(req: CriRequest, summary: string, done: (res: CriResponse) => void, always?: () => void): void {
		if (this.started) {
			always?.();
			return this.kill();
		}
		this.pending++;
		this.k.cri.call(req, summary, (res) => {
			this.pending--;
			always?.();
			if (this.started) return this.kill();
			done(res);
		});
	}

	/** A timer of the start-up path (a back-off), cancelled by the deletion. */
	later(ms: number, fn: () => void, note: string): void {
		const t = this.k.after(Math.max(0, ms), () => {
			this.timers.delete(t);
			fn();
		}, note);
		this.timers.add(t);
	}

	/** The Pod got a deletionTimestamp (or, `silent`, vanished from the API). */
	begin(silent = false): void {
		if (this.started) return;
		this.started = true;
		this.silent = silent;
		for (const t of this.timers) t.cancel();
		this.timers.clear();
		this.kill();
	}

	private kill(): void {
		if (this.killing || this.pending > 0) return;
		this.killing = true;
		const { pod } = this.w;
		const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
		const running = this.w.rec.containers.filter((c) => c.id && c.state.running);
		let left = running.length;
		if (left === 0) return this.stopSandbox();
		for (const c of running) {
			const id = c.id ?? '';
			this.k.watchContainer(id, undefined);
			if (!this.silent) this.k.events.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
			this.k.cri.call({ op: 'StopContainer', id, timeoutSeconds: grace }, `CRI StopContainer(${shortId(id)}, timeout ${grace} s)`, (res) => {
				const exitCode = res.exitCode ?? 0;
				c.state = { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: c.state.running?.startedAt, finishedAt: this.k.timestamp() } };
				c.ready = false;
				if (--left === 0) this.stopSandbox();
			});
		}
	}

	private stopSandbox(): void {
		const finish = () => {
			if (this.silent) return this.k.forget(this.w);
			const { name, namespace } = this.w.pod.metadata;
			const remove = () => this.k.client.delete('Pod', { name, namespace }, { gracePeriodSeconds: 0 });
			// The real kubelet deletes only once its last status write has landed; sent together, the two
			// race in etcd and the API server has to retry the delete.
			if (this.w.sandbox) this.w.report('containers terminated, Ready=False', remove);
			else remove();
		};
		const sandbox = this.w.sandbox;
		if (!sandbox) return finish();
		this.k.cri.call({ op: 'StopPodSandbox', sandbox }, `CRI StopPodSandbox(${shortId(sandbox)})`, () => {
			this.w.rec.sandboxReady = false;
			finish();
		});
	}
}
