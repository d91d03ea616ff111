// A container as the daemon keeps it: its config (from the image and the create request), its state
// (created → running → exited, and running again on start), its writable layer (the files written in
// it, gone with the container) and its log. IDs are 64 hex characters from the run's PRNG; a name not
// given is drawn like docker's names-generator (adjective_surname).
import type { Prng } from '../../core/prng';
import type { Timer } from '../../core/queue';
import type { Program } from './programs';

export type State = 'created' | 'running' | 'exited';

export interface PortBinding {
	host: number;
	/** 80/tcp */
	container: string;
}

export interface Container {
	id: string;
	name: string;
	/** The image as the user named it (docker ps shows this): nginx, docker-whale. */
	image: string;
	imageTarget: string;
	argv: string[];
	stopSignal: string;
	exposed: string[];
	ports: PortBinding[];
	init: boolean;
	interactive: boolean;
	created: number;
	startedAt?: number;
	finishedAt?: number;
	state: State;
	exitCode: number;
	/** The process has ended and the shim's exit event is on its way to the daemon. */
	exiting?: boolean;
	ip?: string;
	pid?: number;
	/** Files written inside the container: path → contents. */
	writable: Map<string, string>;
	logs: string[];
	program?: Program;
	/** The process's own exit (a sleep ending), cancelled when a signal ends it first. */
	exitTimer?: Timer;
	/** Clients waiting for the next exit (POST /containers/{id}/wait, and attach when it ends). */
	waiters: ((code: number) => void)[];
	/** Attached clients (docker run without -d): each line the process prints is streamed to them. */
	attached: ((line: string) => void)[];
}

const LEFT = ['admiring', 'brave', 'eager', 'focused', 'happy', 'jolly', 'nifty', 'quirky', 'vibrant', 'zealous'];
const RIGHT = ['babbage', 'curie', 'hopper', 'knuth', 'lamport', 'lovelace', 'ritchie', 'torvalds', 'turing', 'wozniak'];

export function newId(rng: Prng): string {
	let hex = '';
	while (hex.length < 64) hex += rng.nextUint32().toString(16).padStart(8, '0');
	return hex;
}

export function newName(rng: Prng, taken: (name: string) => boolean): string {
	for (;;) {
		const name = `${rng.pick(LEFT)}_${rng.pick(RIGHT)}`;
		if (!taken(name)) return name;
	}
}

/** The command as `docker ps` has it: arguments with spaces in single quotes. */
export const commandLine = (argv: string[]) => argv.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ');

/** docker/cli formatter.Ellipsis: at most n characters, the last one an ellipsis when cut. */
export function ellipsis(s: string, n: number): string {
	const chars = [...s];
	return chars.length <= n ? s : chars.slice(0, n - 1).join('') + '…';
}

/** The PORTS column: published ports on IPv4 and IPv6, exposed ones alone; only while running. */
export function portsText(c: Container): string {
	if (c.state !== 'running') return '';
	const published = c.ports.flatMap((p) => [`0.0.0.0:${p.host}->${p.container}`, `[::]:${p.host}->${p.container}`]);
	const bare = c.exposed.filter((e) => !c.ports.some((p) => p.container === e));
	return [...bare, ...published].join(', ');
}
