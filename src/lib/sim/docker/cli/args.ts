// Parsing a docker command line: the subcommand, its flags and its arguments, as docker/cli (cobra and
// pflag) reads them: `--name web` or `--name=web`, short flags combined (`-it`), flags after the image
// of `docker run` belong to the command run in the container. A flag docker has but the simulator
// does not model is refused with a message naming what is supported, never silently ignored.
import { words } from '../daemon/shell';

type Kind = 'bool' | 'value' | 'multi';

interface Spec {
	usage: string;
	flags: Record<string, Kind>;
	/** Short flag → long flag. */
	short?: Record<string, string>;
	min: number;
	max?: number;
	/** Arguments after this many positionals are the container's command (run, create, exec). */
	commandAfter?: number;
}

const CREATE_FLAGS: Record<string, Kind> = { name: 'value', publish: 'multi', interactive: 'bool', tty: 'bool', init: 'bool', entrypoint: 'value' };
const RUN_FLAGS: Record<string, Kind> = { detach: 'bool', ...CREATE_FLAGS };
const RUN_SHORT = { d: 'detach', p: 'publish', i: 'interactive', t: 'tty' };

export const COMMANDS: Record<string, Spec> = {
	pull: { usage: 'docker pull NAME[:TAG]', flags: {}, min: 1, max: 1 },
	run: { usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]', flags: RUN_FLAGS, short: RUN_SHORT, min: 1, commandAfter: 1 },
	create: { usage: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]', flags: CREATE_FLAGS, short: { p: 'publish', i: 'interactive', t: 'tty' }, min: 1, commandAfter: 1 },
	start: { usage: 'docker start CONTAINER [CONTAINER...]', flags: {}, min: 1 },
	stop: { usage: 'docker stop CONTAINER [CONTAINER...]', flags: {}, min: 1 },
	restart: { usage: 'docker restart CONTAINER [CONTAINER...]', flags: {}, min: 1 },
	kill: { usage: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]', flags: { signal: 'value' }, short: { s: 'signal' }, min: 1 },
	rm: { usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]', flags: { force: 'bool' }, short: { f: 'force' }, min: 1 },
	exec: { usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]', flags: { interactive: 'bool', tty: 'bool' }, short: { i: 'interactive', t: 'tty' }, min: 2, commandAfter: 1 },
	logs: { usage: 'docker logs CONTAINER', flags: {}, min: 1, max: 1 },
	ps: { usage: 'docker ps [OPTIONS]', flags: { all: 'bool', quiet: 'bool' }, short: { a: 'all', q: 'quiet' }, min: 0, max: 0 },
	images: { usage: 'docker images [OPTIONS]', flags: { quiet: 'bool', format: 'value', filter: 'value' }, short: { q: 'quiet', f: 'filter' }, min: 0, max: 0 },
	history: { usage: 'docker history IMAGE', flags: {}, min: 1, max: 1 },
	rmi: { usage: 'docker rmi [OPTIONS] IMAGE [IMAGE...]', flags: { force: 'bool' }, short: { f: 'force' }, min: 1 },
	tag: { usage: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', flags: {}, min: 2, max: 2 },
	commit: { usage: 'docker commit CONTAINER [REPOSITORY[:TAG]]', flags: {}, min: 1, max: 2 },
	push: { usage: 'docker push NAME[:TAG]', flags: {}, min: 1, max: 1 },
	login: { usage: 'docker login [OPTIONS] [SERVER]', flags: { username: 'value', password: 'value' }, short: { u: 'username', p: 'password' }, min: 0, max: 1 },
	build: { usage: 'docker build [OPTIONS] PATH', flags: { tag: 'multi', file: 'value', 'build-arg': 'multi', 'no-cache': 'bool', provenance: 'value' }, short: { t: 'tag', f: 'file' }, min: 1, max: 1 }
};

/** Two-word forms that mean the same as a one-word command. */
const ALIASES: Record<string, string> = { 'image ls': 'images', 'image list': 'images', 'image rm': 'rmi', 'image pull': 'pull', 'image push': 'push', 'image tag': 'tag', 'image history': 'history', 'image build': 'build', 'container ls': 'ps', 'container run': 'run', 'container rm': 'rm', 'container stop': 'stop', 'container start': 'start', 'container exec': 'exec', 'container commit': 'commit', 'container logs': 'logs', 'container kill': 'kill', 'container create': 'create', 'container restart': 'restart', 'container list': 'ps' };

export interface Parsed {
	command: string;
	flags: Record<string, string | string[] | true>;
	args: string[];
	/** The container's command (run, create, exec). */
	rest: string[];
}

export const SUPPORTED = Object.keys(COMMANDS).join(', ');

/** Parses `docker …`; a string is the error the CLI prints (exit status 125 for a usage error, as docker's). */
export function parseDocker(line: string): Parsed | { error: string; status: number } {
	const w = words(line.trim());
	if (w[0] !== 'docker') return { error: `The simulator runs docker commands (and az login, az acr login); "${w[0] ?? ''}" is not one.`, status: 127 };
	let [, command = '', ...tokens] = w;
	const two = `${command} ${tokens[0] ?? ''}`;
	if (ALIASES[two]) [command, tokens] = [ALIASES[two]!, tokens.slice(1)];
	if (command === 'image' && tokens[0] === 'ls') command = 'images';
	const spec = COMMANDS[command];
	if (!spec) return { error: `docker: '${command}' is not a docker command the simulator knows.\nSupported: ${SUPPORTED} (and image ls, container ls …).`, status: 1 };
	const see = `See 'docker ${command} --help'.`;
	const flags: Parsed['flags'] = {};
	const positionals: string[] = [];
	let rest: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (spec.commandAfter !== undefined && positionals.length >= spec.commandAfter) {
			rest = tokens.slice(i);
			break;
		}
		if (!t.startsWith('-') || t === '-') {
			positionals.push(t);
			continue;
		}
		const names: [string, string | undefined][] = t.startsWith('--')
			? [[t.slice(2).split('=')[0]!, t.includes('=') ? t.slice(t.indexOf('=') + 1) : undefined]]
			: [...t.slice(1)].map((ch): [string, string | undefined] => [spec.short?.[ch] ?? `-${ch}`, undefined]);
		for (const [name, inline] of names) {
			const kind = spec.flags[name];
			if (!kind) {
				const shown = name.startsWith('-') ? `shorthand flag: '${name.slice(1)}' in ${t}` : `flag: --${name}`;
				const known = Object.keys(spec.flags).map((f) => `--${f}`);
				return { error: `unknown ${shown}\n${see}\nThe simulator supports for docker ${command}: ${known.length ? known.join(', ') : 'no flags'}.`, status: 125 };
			}
			if (kind === 'bool') {
				flags[name] = true;
				continue;
			}
			const value = inline ?? tokens[++i];
			if (value === undefined) return { error: `flag needs an argument: --${name}\n${see}`, status: 125 };
			flags[name] = kind === 'multi' ? [...((flags[name] as string[] | undefined) ?? []), value] : value;
		}
	}
	// For exec, the command counts as the second argument.
	const tooFew = positionals.length + (rest.length ? 1 : 0) < spec.min;
	const tooMany = spec.max !== undefined && positionals.length > spec.max;
	if (tooFew || tooMany) {
		const n = spec.max === spec.min ? `exactly ${spec.min} argument${spec.min === 1 ? '' : 's'}` : tooFew ? `at least ${spec.min} argument${spec.min === 1 ? '' : 's'}` : `at most ${spec.max} argument${spec.max === 1 ? '' : 's'}`;
		return { error: `"docker ${command}" requires ${n}.\n${see}\n\nUsage:  ${spec.usage}`, status: 1 };
	}
	return { command, flags, args: positionals, rest };
}
