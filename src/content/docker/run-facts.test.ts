import { describe, expect, it } from 'vitest';
import type { Step, StateTable, Walkthrough } from '$lib/model/types';
import { inspectContainers } from './inspect-containers';
import { pullAndRun, WEB_ID } from './pull-and-run';
import { IDS } from './tables';

// Facts fixed in issue 12 for docker/pull-and-run and docker/inspect-containers, pinned as a learner would
// notice them. Sources: docker/cli (run.go, stop.go, commit.go, exec.go, formatter/container.go), moby
// (daemon/start.go, daemon/stop.go, the vendored containerd resolver), Docker Hub's pull-limit docs, and
// nginx/docker-nginx mainline/debian/Dockerfile (7 layers for linux/amd64, STOPSIGNAL SIGQUIT).

const both = [pullAndRun, inspectContainers];
const step = (w: Walkthrough, id: string) => {
	const s = w.steps.find((x) => x.id === id);
	if (!s) throw new Error(`${w.id} has no step ${id}`);
	return s;
};
const texts = (s: Step): string[] => [
	s.narration,
	s.terminal?.command ?? '',
	s.terminal?.output ?? '',
	s.terminal?.api ?? '',
	...(s.messages ?? []).map((m) => m.summary),
	...(s.tables ?? []).flatMap((t) => t.rows.flat())
];
/** Tables as they stand at a step: its own, or carried forward from the nearest earlier step in the list. */
const tablesAt = (w: Walkthrough, s: Step): StateTable[] => {
	const i = w.steps.indexOf(s);
	for (let j = i; j >= 0; j--) if (w.steps[j]!.tables) return w.steps[j]!.tables!;
	return [];
};
const containerTable = (w: Walkthrough, s: Step) => tablesAt(w, s).find((t) => t.title.startsWith('Containers'))!;
/** Parses `docker ps` output into rows keyed by header, using the header's column positions. */
const parsePs = (out: string) => {
	const [header, ...lines] = out.split('\n');
	const names = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'].filter((n) => header!.includes(n));
	const starts = names.map((n) => header!.indexOf(n));
	return lines.map((l) => Object.fromEntries(names.map((n, i) => [n, l.slice(starts[i], starts[i + 1]).trim()])));
};

describe('container IDs', () => {
	it('every full container or image ID shown is 64 hex characters (a short ID is 12)', () => {
		for (const w of both)
			for (const s of w.steps)
				for (const t of texts(s))
					for (const hex of t.match(/\b[0-9a-f]{13,}\b/g) ?? []) expect(hex.length, `${w.id}/${s.id}: ${hex}`).toBe(64);
		expect(WEB_ID).toMatch(/^[0-9a-f]{64}$/);
		expect(WEB_ID.startsWith(IDS.web)).toBe(true);
	});
	it('docker run -d prints the full ID of web, the one create returned', () => {
		for (const id of ['create', 'start', 'nginx-starts']) expect(step(pullAndRun, id).terminal?.output).toBe(WEB_ID);
	});
});

describe('pull-and-run: the registry traffic', () => {
	const msgs = (s: Step) => s.messages ?? [];
	it('every layer blob response is preceded, in its step, by a GET of the layer blobs', () => {
		let seen = 0;
		for (const s of pullAndRun.steps) {
			// and the number of layers stated is the real one for nginx:latest on linux/amd64
			for (const t of texts(s)) for (const [, n] of t.matchAll(/(\d+|seven) (?:image )?layer/gi)) expect(n, `${s.id}: ${t}`).toMatch(/^(7|seven)$/);
			msgs(s).forEach((m, i) => {
				if (m.from !== 'hub' || !/layer blob/i.test(m.summary)) return;
				seen++;
				const before = msgs(s).slice(0, i);
				expect(
					before.some((r) => r.from === 'dockerd' && r.kind === 'request' && /^GET \/v2\/library\/nginx\/blobs\/sha256:.*layer/.test(r.summary)),
					`${s.id}: "${m.summary}" has no GET …/blobs/ request for the layers before it`
				).toBe(true);
			});
		}
		expect(seen).toBeGreaterThan(0);
	});
	it('the config blob is requested before the layers, and only after the platform manifest', () => {
		const all = pullAndRun.steps.flatMap(msgs).map((m) => m.summary);
		const config = all.findIndex((t) => /^GET \/v2\/library\/nginx\/blobs\/.*config/.test(t));
		const layers = all.findIndex((t) => /^GET \/v2\/library\/nginx\/blobs\/.*layers/.test(t));
		const manifest = all.findIndex((t) => /^GET \/v2\/library\/nginx\/manifests\/sha256:.*linux\/amd64/.test(t));
		expect(manifest).toBeGreaterThanOrEqual(0);
		expect(config).toBeGreaterThan(manifest);
		expect(layers).toBeGreaterThan(config);
	});
	it('on Engine 29 (containerd image store) the first registry request is HEAD of the tag, not a GET /v2/ ping', () => {
		const toHub = pullAndRun.steps.flatMap(msgs).filter((m) => m.to === 'hub');
		expect(toHub[0]!.summary).toBe('HEAD /v2/library/nginx/manifests/latest');
		expect(toHub.some((m) => /^GET \/v2\/$/.test(m.summary))).toBe(false);
	});
	it('the token step tells the teacher the anonymous limit is per IP address, shared behind one NAT', () => {
		const notes = step(pullAndRun, 'token').notes ?? '';
		expect(notes).toMatch(/IPv4/);
		expect(notes).toMatch(/\/64/);
		expect(notes).toMatch(/NAT/);
		expect(notes).not.toMatch(/counted against (it|the token)/);
	});
});

describe('pull-and-run: the runtime and the network', () => {
	const all = pullAndRun.steps.flatMap((s) => (s.messages ?? []).map((m) => ({ step: s.id, ...m })));
	it('the network setup (veth, docker0, NAT) is done by the daemon, not by runc', () => {
		const net = all.filter((m) => /veth|docker0|NAT|172\.17/.test(m.summary));
		expect(net.length).toBeGreaterThan(0);
		for (const m of net) expect(['dockerd', 'bridge'], `${m.step}: ${m.from} → ${m.to}: ${m.summary}`).toContain(m.from);
		for (const m of all.filter((x) => x.from === 'runc' || x.from === 'containerd')) expect(m.summary).not.toMatch(/veth|docker0|NAT/);
		const network = pullAndRun.steps.find((s) => s.messages?.some((m) => /veth/.test(m.summary)))!;
		expect(network.roles?.dockerd).toMatch(/libnetwork/);
		expect(network.narration).toMatch(/daemon/);
		expect(network.roles?.runc ?? '').not.toMatch(/veth|NAT/);
	});
	it('the old runtime step is split: create (runc), network (daemon), start (nginx as PID 1) are separate steps', () => {
		const ids = pullAndRun.steps.map((s) => s.id);
		expect(ids.indexOf('runtime')).toBeLessThan(ids.indexOf('network'));
		expect(ids.indexOf('network')).toBeLessThan(ids.indexOf('nginx-starts'));
		expect(step(pullAndRun, 'runtime').messages!.some((m) => /runc create/.test(m.summary))).toBe(true);
		expect(step(pullAndRun, 'nginx-starts').messages!.some((m) => /runc start/.test(m.summary))).toBe(true);
	});
	it('start answers 204 only after runc has started nginx, not before the runtime steps', () => {
		const at = (re: RegExp) => all.findIndex((m) => re.test(m.summary));
		expect(at(/runc start/)).toBeGreaterThanOrEqual(0);
		expect(at(/^204 No Content$/)).toBeGreaterThan(at(/runc start/));
	});
	it('the writable layer is prepared at create; runc does not add it', () => {
		expect(step(pullAndRun, 'create').messages!.some((m) => m.to === 'img-nginx' && /writable layer/.test(m.summary))).toBe(true);
		expect(step(pullAndRun, 'runtime').narration).not.toMatch(/adds a thin writable layer/);
	});
});

describe('docker ps as docker prints it', () => {
	const psSteps = both.flatMap((w) => w.steps.filter((s) => /^docker ps( -a)?$/.test(s.terminal?.command ?? '')).map((s) => [w, s] as const));
	it('has the CREATED and COMMAND columns, in the table too', () => {
		expect(psSteps.length).toBeGreaterThanOrEqual(3);
		for (const [w, s] of psSteps) {
			expect(s.terminal!.output!.split('\n')[0]).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/);
			expect(containerTable(w, s).columns).toEqual(['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']);
		}
	});
	it('a table and a terminal of the same step agree on uptime, creation time and ports', () => {
		for (const [w, s] of psSteps) {
			const table = containerTable(w, s);
			const col = (n: string) => table.columns.indexOf(n);
			const shown = parsePs(s.terminal!.output!);
			const expected = table.rows.filter((r) => s.terminal!.command.includes('-a') || r[col('STATUS')]!.startsWith('Up'));
			expect(shown.map((r) => r['CONTAINER ID']), `${w.id}/${s.id}`).toEqual(expected.map((r) => r[col('CONTAINER ID')]));
			shown.forEach((r, i) => {
				for (const n of ['STATUS', 'CREATED', 'PORTS', 'NAMES'].filter((c) => c in r && col(c) >= 0)) expect(r[n], `${w.id}/${s.id} ${n}`).toBe(expected[i]![col(n)]);
			});
			for (const m of s.messages ?? [])
				for (const [up] of m.summary.matchAll(/Up [\w ]+?(?=,|\]|$)/g)) expect(shown.map((r) => r.STATUS), `${s.id}: ${m.summary}`).toContain(up);
		}
	});
	it('durations are worded as docker words them ("About an hour", never "1 hour")', () => {
		for (const w of both) for (const s of w.steps) for (const t of texts(s)) expect(t, `${w.id}/${s.id}`).not.toMatch(/\b1 (hour|minute)\b/);
	});
});

describe('inspect-containers: stop, start and commit', () => {
	it('docker stop sends the image stop signal (SIGQUIT for nginx), waits 10 s, then SIGKILL; nginx exits 0', () => {
		const s = step(inspectContainers, 'stop');
		expect(s.terminal).toMatchObject({ command: 'docker stop web', output: 'web' });
		expect(s.terminal!.api).toMatch(/^POST \/containers\/web\/stop → 204/);
		expect(s.narration).toMatch(/SIGTERM/);
		expect(s.narration).toMatch(/SIGQUIT/);
		expect(s.narration).toMatch(/10 seconds/);
		expect(s.narration).toMatch(/SIGKILL/);
		const webRow = containerTable(inspectContainers, s).rows.find((r) => r[6] === 'web')!;
		expect(webRow[4]).toMatch(/^Exited \(0\)/);
		expect(webRow[5]).toBe('');
	});
	it('docker start brings back the same container, with the change still in it', () => {
		const s = step(inspectContainers, 'start');
		expect(s.terminal).toMatchObject({ command: 'docker start web', output: 'web' });
		expect(s.terminal!.api).toMatch(/^POST \/containers\/web\/start → 204/);
		expect(s.badges?.['ctr-web']).toBe('index.html changed');
		const webRow = containerTable(inspectContainers, s).rows.find((r) => r[6] === 'web')!;
		expect(webRow[0]).toBe(IDS.web);
		expect(webRow[4]).toMatch(/^Up /);
	});
	it('docker commit calls POST /commit, gets 201 and prints the new image ID; the image outlives the container', () => {
		const s = step(inspectContainers, 'commit');
		expect(s.terminal!.command).toBe('docker commit web nginx-hello:v1');
		expect(s.terminal!.api).toBe('POST /commit?container=web&repo=nginx-hello&tag=v1 → 201 Created');
		expect(s.terminal!.output).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(s.messages!.some((m) => /^201 Created/.test(m.summary))).toBe(true);
		const last = inspectContainers.steps.at(-1)!;
		expect(last.id).toBe('remove');
		expect(last.tables!.find((t) => t.title.startsWith('Images'))!.rows.map((r) => r[0])).toContain('nginx-hello');
		expect(last.tables!.find((t) => t.title.startsWith('Containers'))!.rows.map((r) => r[6])).not.toContain('web');
	});
	it('stop, start and commit come after the edit and before the removal', () => {
		const ids = inspectContainers.steps.map((s) => s.id);
		expect(ids.slice(ids.indexOf('write'))).toEqual(['write', 'stop', 'start', 'commit', 'remove']);
	});
});
