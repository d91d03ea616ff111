// What each Dockerfile instruction does to the image being built, without any traffic: RUN, COPY and
// ADD make a layer; the others only change the config (ENV, WORKDIR, EXPOSE, CMD, ENTRYPOINT, USER) or
// the build's variables (ARG). The cache key of a step is its parent's key and the instruction, with
// what else decides its result: the environment, working directory and user for RUN, the contents of
// the files for COPY and ADD. Same key → the cached result (BuildKit's llb cache, simplified).
import { digestOf } from '../sha256';
import { layerOf, type Layer, type RunConfig } from '../oci';
import { envPairs, substitute, type Instruction } from './dockerfile';

export interface BuildState {
	run: RunConfig;
	vars: Map<string, string>;
	/** Cache key of the result so far (starts as the base manifest's digest). */
	key: string;
	/** diff_id of the top layer so far. */
	top: string;
}

export interface StepResult {
	key: string;
	/** The history entry's created_by. */
	createdBy: string;
	/** The layer's contents and size, for RUN/COPY/ADD; none for config-only instructions. */
	layer?: { description: string; size: number };
	/** Shown as a numbered step ([2/5] …) in BuildKit's progress: FROM, RUN, COPY, ADD, WORKDIR. */
	numbered: boolean;
}

const shellOf = (i: Instruction) => (i.shellForm ? ['/bin/sh', '-c', i.args[0]!] : i.args);
const goList = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;

/** The files a COPY source names in the build context ('.', a file, or a directory). */
export function contextFiles(files: Record<string, string>, src: string): string[] {
	const s = src.replace(/^\.\//, '').replace(/\/$/, '');
	if (s === '.' || s === '') return Object.keys(files).sort();
	return Object.keys(files)
		.filter((f) => f === s || f.startsWith(`${s}/`))
		.sort();
}

export class MissingFile extends Error {}

/** Applies one instruction to the state (mutating it) and returns its cache key and result. */
export function applyStep(state: BuildState, i: Instruction, files: Record<string, string>): StepResult {
	const sub = (t: string) => substitute(t, state.vars);
	const key = (extra: unknown) => digestOf(JSON.stringify({ parent: state.key, instruction: `${i.keyword} ${i.raw}`, extra }));
	const env = () => [...(state.run.Env ?? [])];
	switch (i.keyword) {
		case 'RUN': {
			const argv = shellOf(i);
			const k = key({ env: env(), workdir: state.run.WorkingDir, user: state.run.User, args: [...state.vars].filter(([n]) => i.raw.includes(n)) });
			const installs = /apt-get install|apk add|pip install|npm (ci|install)|dnf install|yum install/.test(i.raw);
			const size = installs ? 40_000_000 + (parseInt(k.slice(7, 13), 16) % 50_000_000) : 1_000 + (parseInt(k.slice(7, 12), 16) % 90_000);
			return { key: k, createdBy: `RUN ${i.shellForm ? argv.join(' ') : goList(argv)} # buildkit`, layer: { description: `RUN ${argv.join(' ')}`, size }, numbered: true };
		}
		case 'COPY':
		case 'ADD': {
			const srcs = i.args.slice(0, -1).map(sub);
			const dest = sub(i.args.at(-1)!);
			const chosen = srcs.map((s) => {
				const found = contextFiles(files, s);
				if (found.length === 0) throw new MissingFile(`"/${s.replace(/^\.\//, '')}": not found`);
				return found;
			});
			const contents = chosen.flat().map((f) => `${f} ${digestOf(files[f]!)}`);
			const k = key({ dest, workdir: state.run.WorkingDir, contents });
			const size = chosen.flat().reduce((n, f) => n + new TextEncoder().encode(files[f]!).length, 0);
			return { key: k, createdBy: `${i.keyword} ${srcs.join(' ')} ${dest} # buildkit`, layer: { description: `${i.keyword} to ${dest}\n${contents.join('\n')}`, size }, numbered: true };
		}
		case 'WORKDIR': {
			const dir = sub(i.raw);
			state.run.WorkingDir = dir.startsWith('/') ? dir : `${(state.run.WorkingDir ?? '/').replace(/\/$/, '')}/${dir}`;
			return { key: key(state.run.WorkingDir), createdBy: `WORKDIR ${state.run.WorkingDir}`, numbered: true };
		}
		case 'ENV': {
			const pairs = envPairs(sub(i.raw));
			for (const [k, v] of pairs) {
				state.run.Env = [...env().filter((e) => !e.startsWith(`${k}=`)), `${k}=${v}`];
				state.vars.set(k, v);
			}
			return { key: key(state.run.Env), createdBy: `ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, numbered: false };
		}
		case 'ARG': {
			const [name, value] = i.raw.split('=');
			if (!state.vars.has(name!)) state.vars.set(name!, value ?? '');
			return { key: state.key, createdBy: `ARG ${i.raw}`, numbered: false };
		}
		case 'EXPOSE': {
			const ports = sub(i.raw)
				.split(/\s+/)
				.map((p) => (p.includes('/') ? p : `${p}/tcp`));
			state.run.ExposedPorts = { ...state.run.ExposedPorts, ...Object.fromEntries(ports.map((p) => [p, {}])) };
			return { key: state.key, createdBy: `EXPOSE map[${ports.map((p) => `${p}:{}`).join(' ')}]`, numbered: false };
		}
		case 'CMD':
			state.run.Cmd = shellOf(i);
			return { key: state.key, createdBy: `CMD ${goList(state.run.Cmd)}`, numbered: false };
		case 'ENTRYPOINT':
			state.run.Entrypoint = shellOf(i);
			// A CMD inherited from the base is dropped when ENTRYPOINT is set (Dockerfile reference).
			delete state.run.Cmd;
			return { key: state.key, createdBy: `ENTRYPOINT ${goList(state.run.Entrypoint)}`, numbered: false };
		case 'USER':
			state.run.User = sub(i.raw);
			return { key: key(state.run.User), createdBy: `USER ${state.run.User}`, numbered: false };
		case 'FROM':
			throw new Error('FROM is handled by the build, not as a step');
	}
}

/** The layer a step makes: its contents name the parent, and a RUN's result differs from run to run. */
export function makeLayer(state: BuildState, step: StepResult, runNumber: number): Layer | undefined {
	if (!step.layer) return undefined;
	// A RUN writes timestamps, logs and caches: run again (not from the cache), it gives other bytes.
	const nonce = step.createdBy.startsWith('RUN') ? `\nrun ${runNumber}` : '';
	return layerOf(`parent ${state.top}\n${step.layer.description}${nonce}`, step.layer.size);
}
