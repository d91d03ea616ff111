// One Pod's life on its node, as the kubelet's pod worker and kuberuntime drive it: report that it is
// taken, RunPodSandbox, then for each container ImageStatus / PullImage (with back-off on failure),
// CreateContainer, StartContainer, then report Running and Ready. A container exit seen by PLEG is
// reported, then restarted in the same sandbox: at once the first time, then after 10, 20 … 300 s.
import { defaultPullPolicy } from '../apiserver/defaults';
import type { Pod } from '../types';
import { shortId, type ContainerInfo } from './cri';
import { parseImage } from './images';
import type { KubeletDeps } from './kubelet-deps';
import { statusPatch, type ContainerRecord, type PodRecord } from './pod-status';
import { Terminator } from './terminate';

/** A whole number of seconds as Go's time.Duration prints it, as the kubelet's message does: 10s, 1m20s, 5m0s. */
export const goDuration = (ms: number) => {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
};

export class PodWorker {
	readonly rec: PodRecord;
	sandbox?: string;
	/** Set when the Pod is being deleted: every step that finishes hands over to the terminator. */
	readonly end: Terminator;

	constructor(
		public pod: Pod,
		private readonly k: KubeletDeps
	) {
		this.rec = {
			hostIP: k.hostIP,
			startTime: k.timestamp(),
			sandboxReady: false,
			phase: 'Pending',
			containers: pod.spec.containers.map((c) => ({ name: c.name, image: c.image, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } }, ready: false }))
		};
		this.end = new Terminator(this, k);
	}

	get name(): string {
		return this.pod.metadata.name;
	}

	/** K1 step 7 onwards. */
	start(): void {
		this.report('Pending, hostIP, startTime');
		this.end.cri({ op: 'RunPodSandbox', pod: { name: this.name, namespace: this.pod.metadata.namespace ?? 'default', uid: this.pod.metadata.uid } }, `CRI RunPodSandbox(${this.name}) over gRPC (/run/containerd/containerd.sock)`, (res) => {
			if (!res.ok || !res.id) return this.k.events.record(this.pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${res.error ?? ''}`);
			this.sandbox = res.id;
			Object.assign(this.rec, { podIP: res.ip, sandboxReady: true });
			this.startContainer(0, true);
		});
	}

	/** Ensures the image, creates and starts container i; on first start goes on to the next one. */
	startContainer(i: number, chain: boolean): void {
		const c = this.pod.spec.containers[i];
		const rec = this.rec.containers[i];
		if (!c || !rec) return chain ? this.running() : undefined;
		this.ensureImage(i, () =>
			this.end.cri({ op: 'CreateContainer', sandbox: this.sandbox ?? '', name: c.name, image: c.image, attempt: rec.restartCount }, `CRI CreateContainer(${c.name}) in sandbox ${shortId(this.sandbox ?? '')}`, (created) => {
				if (!created.ok || !created.id) return this.k.events.record(this.pod, 'Warning', 'Failed', `Error: ${created.error ?? ''}`);
				const id = created.id;
				rec.id = id;
				this.k.events.record(this.pod, 'Normal', 'Created', `Created container ${c.name}`);
				this.end.cri({ op: 'StartContainer', id }, `CRI StartContainer(${shortId(id)})`, () => {
					this.k.events.record(this.pod, 'Normal', 'Started', `Started container ${c.name}`);
					Object.assign(rec, { state: { running: { startedAt: this.k.timestamp() } }, ready: true });
					this.k.watchContainer(id, this);
					if (chain) this.startContainer(i + 1, true);
					else this.report(`running, lastState terminated (exit ${rec.lastState?.terminated?.exitCode}), restartCount ${rec.restartCount}, Ready=${this.ready()}`);
				});
			})
		);
	}

	/** pkg/kubelet/images: ImageStatus, then a pull if the policy says so, with back-off after a failure. */
	private ensureImage(i: number, then: () => void): void {
		const c = this.pod.spec.containers[i];
		const rec = this.rec.containers[i];
		if (!c || !rec) return;
		const full = parseImage(c.image).full;
		const policy = c.imagePullPolicy ?? defaultPullPolicy(c.image);
		this.end.cri({ op: 'ImageStatus', image: full }, `CRI ImageStatus(${full})`, (status) => {
			if (status.present && policy !== 'Always') {
				this.k.events.record(this.pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
				return then();
			}
			const key = `${this.pod.metadata.uid}_${c.image}`;
			const failedAt = this.k.pullFailures.get(key);
			if (failedAt !== undefined && this.k.now() < this.k.pullBackoff.until(key, failedAt)) {
				this.k.events.record(this.pod, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
				this.k.events.record(this.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
				const waiting = rec.state.waiting;
				rec.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}": ErrImagePull: ${waiting?.message ?? ''}` } };
				this.report(`${c.name} waiting, reason ImagePullBackOff`);
				return this.end.later(this.k.pullBackoff.until(key, failedAt) - this.k.now(), () => this.ensureImage(i, then), `retry pulling ${c.image}`);
			}
			this.k.events.record(this.pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
			const asked = this.k.now();
			// serializeImagePulls (the default): one pull at a time per node, in order.
			this.k.pulls.run((free) =>
				this.end.cri({ op: 'PullImage', image: full }, `CRI PullImage(${full})`, (pulled) => {
					free();
					if (pulled.ok) {
						this.k.pullFailures.delete(key);
						this.k.events.record(this.pod, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${((this.k.now() - asked) / 1000).toFixed(3)}s`);
						return then();
					}
					this.k.pullBackoff.next(key, this.k.now());
					this.k.pullFailures.set(key, this.k.now());
					this.k.events.record(this.pod, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${pulled.error ?? ''}`);
					this.k.events.record(this.pod, 'Warning', 'Failed', 'Error: ErrImagePull');
					rec.state = { waiting: { reason: 'ErrImagePull', message: pulled.error ?? '' } };
					this.report(`${c.name} waiting, reason ErrImagePull`);
					// The pod worker syncs again after an error (10–15 s in the kubelet; 1 s here): now inside the back-off.
					this.end.later(1000, () => this.ensureImage(i, then), `sync Pod ${this.name} again`);
				})
			);
		});
	}

	/** Every container started: K1 step 11. */
	private running(): void {
		this.rec.phase = 'Running';
		this.report(`Running, podIP ${this.rec.podIP ?? ''}, Ready=${this.ready()}`);
	}

	/** PLEG saw container `info` exit (K5). */
	exited(info: ContainerInfo): void {
		const i = this.rec.containers.findIndex((c) => c.id === info.id);
		const rec = this.rec.containers[i];
		if (!rec || this.end.started) return;
		const finishedAt = info.finishedAt ?? this.k.now();
		const terminated = { exitCode: info.exitCode ?? 0, reason: info.reason ?? 'Error', startedAt: rec.state.running?.startedAt, finishedAt: this.k.timestamp(finishedAt - this.k.now()) };
		Object.assign(rec, { lastState: { terminated }, ready: false });
		const policy = this.pod.spec.restartPolicy ?? 'Always';
		if (policy === 'Never' || (policy === 'OnFailure' && terminated.exitCode === 0)) {
			rec.state = { terminated };
			this.rec.phase = terminated.exitCode === 0 ? 'Succeeded' : 'Failed';
			return this.report(`${rec.name} terminated (exit ${terminated.exitCode}), ${this.rec.phase}`);
		}
		const key = `${this.pod.metadata.uid}_${rec.name}`;
		const backoff = this.k.crashBackoff;
		if (!backoff.inBackOffSince(key, finishedAt, this.k.now())) {
			backoff.next(key, finishedAt);
			rec.state = { terminated };
			this.report(`${rec.name} terminated (exit ${terminated.exitCode}), Ready=False`);
			return this.restart(i);
		}
		const wait = backoff.get(key);
		const pod = `${this.name}_${this.pod.metadata.namespace ?? 'default'}(${this.pod.metadata.uid})`;
		rec.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(wait)} restarting failed container=${rec.name} pod=${pod}` } };
		this.report(`${rec.name} waiting, reason CrashLoopBackOff (back-off ${goDuration(wait)}); Ready=False`);
		this.k.events.record(this.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${rec.name} in pod ${pod}`);
		this.end.later(backoff.until(key, finishedAt) - this.k.now(), () => {
			backoff.next(key, finishedAt);
			this.restart(i);
		}, `back-off over: restart ${rec.name} in ${this.name}`);
	}

	private restart(i: number): void {
		const rec = this.rec.containers[i];
		if (!rec) return;
		rec.restartCount++;
		this.startContainer(i, false);
	}

	ready(): string {
		return this.rec.containers.every((c) => c.ready) ? 'True' : 'False';
	}

	/** PATCH pods/<name>/status with the whole status; `note` is what the log line says changed. */
	/** PATCHes the Pod's status; `done` runs when the API server has answered. */
	report(note: string, done?: () => void): void {
		const body = statusPatch(this.pod, this.rec, this.k.epochMs, this.k.now());
		this.k.client.patch('Pod', { name: this.name, namespace: this.pod.metadata.namespace }, body, { subresource: 'status', note, done: done && (() => done()) });
	}

	records(): ContainerRecord[] {
		return this.rec.containers;
	}
}
