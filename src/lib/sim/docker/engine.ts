// A whole Docker setup, simulated: the docker CLI on your machine, dockerd (with containerd, runc,
// the docker0 bridge and BuildKit) on a Docker host, Docker Hub, and any Azure Container Registries.
// Components reach each other only through HTTP links (the CLI → the daemon's socket; the daemon →
// registries) or the messages of the API they model (dockerd → containerd → runc).
import { Sim } from '../core/sim';
import { BuildKit } from './buildkit/buildkit';
import { buildRoute } from './buildkit/route';
import { build } from './cli/build';
import { AzureCli } from './cli/az';
import { entraId } from './registry/entra';
import { EngineClient } from './cli/api';
import { Cli } from './cli/cli';
import type { CommandResult } from './cli/output';
import type { DaemonContext } from './daemon/context';
import { Daemon } from './daemon/daemon';
import { ImageStore } from './daemon/images';
import { HttpLink } from './http';
import type { Platform } from './oci';
import { azureContainerRegistry, type AcrOptions } from './registry/acr';
import { dockerHub, type HubOptions } from './registry/hub';
import type { Registry } from './registry/registry';
import { defaultImageComponent, viaOf } from './topology';

export interface EngineOptions {
	seed: string | number;
	hub?: HubOptions;
	/** Azure Container Registries (the scene draws one, `acr`). */
	acr?: AcrOptions;
	platform?: Platform;
	/** The host's wall clock at t = 0 (default 2026-11-29T09:00:00Z), for CREATED columns. */
	epochMs?: number;
	/** The Entra ID user `az login` signs in as (ACR roles name it). */
	azureUser?: string;
	/** The scene component for an image by its familiar name; default img-<last path part>. */
	imageComponent?: (familiar: string) => string;
	/** The scene component for a container by its name; default ctr-<name>. */
	containerComponent?: (name: string) => string;
}

/** Latency (ms) of a link: the local socket and in-host gRPC are quick, the internet is not. */
const LOCAL = { min: 1, max: 2 };
const INTERNET = { min: 20, max: 40 };

export interface Typed {
	line: string;
	/** What the terminal shows so far (progress lines updated in place). */
	output: readonly string[];
	/** Undefined while the command runs (a foreground container that has not exited). */
	result?: CommandResult;
}

export class DockerEngine {
	readonly sim: Sim;
	readonly hub: Registry;
	readonly acr?: Registry;
	readonly daemon: Daemon;
	readonly cli: Cli;
	readonly buildkit: BuildKit;
	readonly az: AzureCli;
	readonly epochMs: number;
	/** The files in the directory you type commands in: the build context of `docker build .`. */
	readonly files = new Map<string, string>();

	constructor(options: EngineOptions) {
		this.sim = new Sim(options.seed);
		this.epochMs = options.epochMs ?? Date.parse('2026-11-29T09:00:00Z');
		this.hub = dockerHub(options.hub);
		if (options.acr) this.acr = azureContainerRegistry(options.acr);
		const registries = new Map<string, [string, Registry]>([['docker.io', ['hub', this.hub]]]);
		if (this.acr) registries.set(this.acr.host, ['acr', this.acr]);
		const links = new Map<string, HttpLink>();
		const linkTo = (from: string, domain: string) => {
			const entry = registries.get(domain);
			if (!entry) return undefined;
			const key = `${from}→${domain}`;
			if (!links.has(key)) links.set(key, new HttpLink(this.sim, from, entry[0], viaOf(from, entry[0]), entry[1].handle, INTERNET));
			return links.get(key);
		};
		const channels = new Map<string, ReturnType<Sim['net']['channel']>>();
		const ctx: DaemonContext = {
			sim: this.sim,
			self: 'dockerd',
			store: new ImageStore(options.platform ?? { architecture: 'amd64', os: 'linux' }),
			registry: (domain) => linkTo('dockerd', domain),
			send: (from, to, kind, summary, then) => {
				const key = `${from}→${to}`;
				if (!channels.has(key)) channels.set(key, this.sim.net.channel(from, to, viaOf(from, to), LOCAL));
				channels.get(key)!.send(kind, summary, then ? () => then() : undefined);
			},
			imageComponent: options.imageComponent ?? defaultImageComponent,
			containerComponent: options.containerComponent ?? ((name) => `ctr-${name}`),
			clock: () => this.epochMs + this.sim.now
		};
		this.daemon = new Daemon(ctx);
		this.buildkit = new BuildKit({ ...ctx, self: 'buildkit', registry: (domain) => linkTo('buildkit', domain) });
		this.daemon.routes.push(buildRoute(ctx, this.buildkit));
		this.daemon.keep = () => this.buildkit.pinned();
		const socket = new HttpLink(this.sim, 'cli', 'dockerd', viaOf('cli', 'dockerd'), this.daemon.handle, LOCAL);
		this.cli = new Cli(this.sim, new EngineClient(socket), () => this.epochMs + this.sim.now);
		this.cli.extra.set('build', build(() => Object.fromEntries(this.files)));
		const acrName = options.acr?.name.toLowerCase();
		this.az = new AzureCli({
			entra: new HttpLink(this.sim, 'az', 'entra', viaOf('az', 'entra'), entraId(options.azureUser ?? 'student@school.edu'), INTERNET),
			...(this.acr && acrName ? { acr: { name: acrName, link: new HttpLink(this.sim, 'az', 'acr', viaOf('az', 'acr'), this.acr.handle, INTERNET) } } : {}),
			toCli: this.sim.net.channel('az', 'cli', viaOf('az', 'cli'), LOCAL),
			docker: (line, done) => this.cli.run(line, done)
		});
	}

	/** Types a command now, as a user action; the returned record fills in when the command ends. */
	type(line: string): Typed {
		const typed: Typed = { line, output: [] };
		const done = (r: CommandResult) => {
			typed.result = r;
			typed.output = r.output;
		};
		this.sim.action(line, () => {
			if (/^\s*az\b/.test(line)) this.az.run(line, done);
			else if (!typed.result) typed.output = this.cli.run(line, done).lines;
		});
		return typed;
	}

	/** Types a command and runs the clock until it ends (or nothing is left to do): the terminal's view. */
	run(line: string, limit = 200_000): Typed {
		const typed = this.type(line);
		let n = 0;
		while (!typed.result && this.sim.queue.step()) if (++n > limit) throw new Error(`${line}: still running after ${limit} events`);
		return typed;
	}

	/** Lets simulated time pass (running whatever falls due), as a user waiting between commands. */
	wait(ms: number): void {
		this.sim.queue.runUntil(this.sim.now + ms);
	}
}
