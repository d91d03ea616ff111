// How the daemon runs containers: dockerd → containerd (gRPC) → the shim → runc, which makes the
// namespaces, cgroup and root filesystem and starts the process; the daemon's libnetwork wires the
// network between runc create and the start (moby daemon/start.go), and POST …/start answers only once
// the task runs. Stop sends the image's STOPSIGNAL (SIGTERM by default), waits 10 s, then SIGKILL.
import type { DaemonContext } from './context';
import { commandLine, type Container } from './container';
import { programFor, type Signal } from './programs';

const GRACE_MS = 10_000;

export class Runtime {
	private nextPid = 4242;

	constructor(
		private readonly ctx: DaemonContext,
		private readonly all: () => Container[]
	) {}

	start(c: Container, done: (error?: string) => void): void {
		const { send, self } = this.ctx;
		const ctr = this.ctx.containerComponent(c.name);
		const busy = c.ports.find((p) => this.all().some((o) => o !== c && o.state === 'running' && o.ports.some((q) => q.host === p.host)));
		if (busy) return done(`driver failed programming external connectivity on endpoint ${c.name}: Bind for 0.0.0.0:${busy.host} failed: port is already allocated`);
		const program = programFor(c.argv, { init: c.init, interactive: c.interactive });
		send(self, 'containerd', 'request', `gRPC: create container ${c.name} and its task (OCI spec: namespaces, cgroup, mounts)`, () =>
			send('containerd', 'runc', 'request', 'shim → runc create: namespaces, cgroup, root filesystem (image layers + writable layer)', () => {
				if ('notFound' in program) {
					const error = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${program.notFound}: unknown`;
					c.exitCode = 127;
					return send('containerd', self, 'response', `error: ${program.notFound}`, () => done(error));
				}
				const pid = this.nextPid++;
				send('runc', ctr, 'request', 'first process created, waiting to be started', () =>
					send('containerd', self, 'response', `task created (pid ${pid})`, () => this.network(c, () => this.run(c, pid, program, done)))
				);
			})
		);
	}

	private network(c: Container, then: () => void): void {
		const { send, self } = this.ctx;
		const taken = new Set(this.all().flatMap((o) => (o.ip ? [o.ip] : [])));
		let n = 2;
		while (taken.has(`172.17.0.${n}`)) n++;
		const ip = (c.ip = `172.17.0.${n}`);
		const steps = [
			`libnetwork: veth pair, one end on docker0, the other into ${c.name}'s namespace as eth0`,
			`libnetwork: eth0 = ${ip}/16, gateway 172.17.0.1 (docker0)`,
			...c.ports.map((p) => `libnetwork: publish ${p.host}, NAT rule host:${p.host} → ${ip}:${p.container.split('/')[0]}; docker-proxy listens on 0.0.0.0:${p.host} and [::]:${p.host}`)
		];
		// The channel is FIFO: when the last step has arrived, all have.
		steps.forEach((text, i) =>
			send(self, 'bridge', 'request', text, i < steps.length - 1 ? undefined : () => send('bridge', this.ctx.containerComponent(c.name), 'data', `eth0 (${ip}) is up inside ${c.name}`, then))
		);
	}

	private run(c: Container, pid: number, program: Exclude<ReturnType<typeof programFor>, { notFound: string }>, done: (error?: string) => void): void {
		const { send, self, sim } = this.ctx;
		const shown = c.init ? `docker-init (tini) as PID 1, which starts ${commandLine(c.argv)}` : `${commandLine(c.argv)} as PID 1`;
		send(self, 'containerd', 'request', `gRPC: start task ${c.name}`, () =>
			send('containerd', 'runc', 'request', 'shim → runc start', () =>
				send('runc', this.ctx.containerComponent(c.name), 'request', `exec ${shown}`, () => {
					Object.assign(c, { state: 'running', startedAt: sim.now, pid, program, exiting: false });
					c.logs.push(...program.logs);
					for (const line of program.logs) for (const a of c.attached) a(line);
					if (program.exitAfter !== undefined) c.exitTimer = sim.queue.schedule({ after: program.exitAfter }, () => this.processExit(c, program.exitCode));
					send('containerd', self, 'response', `task ${c.name} started`, () => done());
				})
			)
		);
	}

	/** Stops a running container: its stop signal, then SIGKILL after the grace period. `done` on exit. */
	stop(c: Container, done: () => void): void {
		if (c.state !== 'running') return done();
		const signal = (c.stopSignal as Signal) ?? 'SIGTERM';
		const why = signal === 'SIGTERM' ? '' : " (the image's STOPSIGNAL)";
		c.waiters.push(() => done());
		const kill = this.ctx.sim.queue.schedule({ after: GRACE_MS }, () => {
			if (c.state === 'running' && !c.exiting) this.signal(c, 'SIGKILL', `kill task ${c.name} with SIGKILL (still running after 10 s)`);
		});
		c.waiters.push(() => kill.cancel());
		this.signal(c, signal, `kill task ${c.name} with ${signal}${why}; SIGKILL after 10 s`);
	}

	/** `docker kill`: a signal (SIGKILL by default) at once; `done` when it has been delivered. */
	kill(c: Container, signal: Signal, done: () => void): void {
		if (signal === 'SIGKILL') c.waiters.push(() => done());
		this.signal(c, signal, `kill task ${c.name} with ${signal}`, signal === 'SIGKILL' ? undefined : done);
	}

	private signal(c: Container, signal: Signal, summary: string, delivered?: () => void): void {
		const { send, self } = this.ctx;
		const ctr = this.ctx.containerComponent(c.name);
		send(self, 'containerd', 'request', summary, () =>
			send('containerd', 'runc', 'request', `shim → runc kill: ${signal} to PID 1`, () => {
				const result = signal === 'SIGKILL' ? 137 : (c.program?.onSignal(signal) ?? 'ignore');
				const who = c.program?.name ?? 'the process';
				const effect = result === 'ignore' ? `${who} is PID 1 and has no handler for it: ignored` : signal === 'SIGKILL' ? `the kernel kills ${who}` : `${who} exits ${result}`;
				send('runc', ctr, 'request', `${signal}: ${effect}`, () => {
					if (result !== 'ignore') this.processExit(c, result);
					delivered?.();
				});
			})
		);
	}

	/** The process ended (by itself or by a signal): the shim reports it, and the daemon records the exit. */
	processExit(c: Container, code: number): void {
		if (c.state !== 'running' || c.exiting) return;
		c.exiting = true;
		c.exitTimer?.cancel();
		this.ctx.send('containerd', this.ctx.self, 'event', `task exit: ${c.name}, status ${code}`, () => {
			Object.assign(c, { state: 'exited', exitCode: code, finishedAt: this.ctx.sim.now, ip: undefined, pid: undefined, exiting: false });
			const waiters = c.waiters;
			c.waiters = [];
			c.attached = [];
			for (const w of waiters) w(code);
		});
	}
}
