// What the process in a container does, for the few programs the simulator knows: what it prints,
// when it exits by itself, and how it answers a signal. As PID 1 a process gets no default signal
// action: a signal it does not handle is ignored, so `docker stop` waits 10 s and sends SIGKILL (137).
// Under `--init` (tini as PID 1) the program is a child with default actions: SIGTERM kills it and
// tini exits 128 + 15 = 143.

export type Signal = 'SIGTERM' | 'SIGQUIT' | 'SIGINT' | 'SIGKILL';
const NUMBER: Record<Signal, number> = { SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

export interface Program {
	/** What it is called in the log: nginx, sleep. */
	name: string;
	/** What it prints when it starts. */
	logs: string[];
	/** Exits by itself after this many ms, with `exitCode`; never if undefined. */
	exitAfter?: number;
	exitCode: number;
	/** The exit code a signal leads to, or 'ignore'. SIGKILL always kills (137). */
	onSignal(signal: Signal): number | 'ignore';
}

const basename = (p: string) => p.split('/').pop() ?? p;

/** Signals with default actions: death by signal n is exit code 128 + n. Only under --init (not PID 1). */
const defaultAction = (init: boolean) => (s: Signal) => (init ? 128 + NUMBER[s] : 'ignore');

const NGINX_LOGS = [
	'/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
	'/docker-entrypoint.sh: Configuration complete; ready for start up',
	'nginx: [notice] start worker processes'
];

const COW = [' _______', '< Moo. >', ' -------', '        \\   ^__^', '         \\  (oo)\\_______', '            (__)\\       )\\/\\', '                ||----w |', '                ||     ||'];

/** The program for a command line, or the error runc gives when it cannot find it. */
export function programFor(argv: string[], options: { init: boolean; interactive: boolean }): Program | { notFound: string } {
	const [cmd = '', ...args] = argv;
	const otherwise = defaultAction(options.init);
	const name = basename(cmd);
	const quick = (logs: string[], exitCode = 0): Program => ({ name, logs, exitAfter: 5, exitCode, onSignal: otherwise });
	switch (basename(cmd)) {
		case 'docker-entrypoint.sh': {
			// nginx's entrypoint script ends with exec "$@": a command it cannot find fails inside the
			// running container (the shell's message, 127), not in runc.
			const next = args.length ? programFor(args, options) : quick([]);
			return 'notFound' in next ? quick([`/docker-entrypoint.sh: exec: line 47: ${args[0]}: not found`], 127) : next;
		}
		case 'nginx':
			// nginx handles SIGQUIT (graceful) and SIGTERM (fast) and exits 0, even as PID 1.
			return { name: 'nginx', logs: NGINX_LOGS, exitCode: 0, onSignal: (s) => (s === 'SIGQUIT' || s === 'SIGTERM' ? 0 : otherwise(s)) };
		case 'echo':
			return quick([args.join(' ')]);
		case 'true':
			return quick([]);
		case 'false':
			return quick([], 1);
		case 'sleep': {
			const seconds = Number(args[0]);
			return { name, logs: [], exitAfter: Number.isFinite(seconds) ? seconds * 1000 : undefined, exitCode: 0, onSignal: otherwise };
		}
		case 'sh':
		case 'bash':
			// `sh -c 'fortune | cowsay'`: what a pipeline prints is what its last command prints.
			if (args[0] === '-c' && args[1]) return programFor((args[1].split('|').pop() ?? '').trim().split(/\s+/), options);
			// A shell reads its standard input: with -i it waits for you; without, it reads nothing and exits 0.
			return options.interactive ? { name, logs: [], exitCode: 0, onSignal: otherwise } : quick([]);
		case 'fortune':
			return quick(['Moo.']);
		case 'cowsay':
			return quick(COW);
		default:
			return { notFound: `exec: "${cmd}": executable file not found in $PATH` };
	}
}

