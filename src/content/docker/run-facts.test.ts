import { describe, expect, it } from 'vitest';
import type { Step, StateTable, Walkthrough } from '$lib/model/types';
import { buildAndPush } from './build-and-push';
import { inspectContainers } from './inspect-containers';
import { d1Recording, d1Scenario, pullAndRun, WEB_ID } from './pull-and-run';
import { pushToAcr } from './push-to-acr';
import { dockerScene } from './scene';
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
		const layers = all.findIndex((t) => /^GET \/v2\/library\/nginx\/blobs\/.*layer/.test(t));
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

// Second review: one host, one story across pull-and-run → build-and-push → push-to-acr → inspect-containers;
// docker/cli v29.0.0 (c41815f) prints a tree for a plain `docker images`, so the tables name --format.
describe('continuity across the Docker walkthroughs (one host, one story)', () => {
	const story = [pullAndRun, buildAndPush, pushToAcr, inspectContainers];
	const later = story.slice(1);
	const imageTable = (w: Walkthrough, s: Step) => tablesAt(w, s).find((t) => t.title.startsWith('Images'));
	/** "45 minutes ago" → 45; go-units wording as docker ps prints it. */
	const minutes = (ago: string): number => {
		const t = ago.replace(/ ago$/, '');
		if (t === 'Less than a second') return 0;
		if (t === 'About a minute') return 1;
		if (t === 'About an hour') return 60;
		const [n, unit] = t.split(' ');
		return Number(n) * ({ second: 1 / 60, seconds: 1 / 60, minutes: 1, hours: 60 } as Record<string, number>)[unit!]!;
	};

	it('web, created in pull-and-run, is in every later containers table, running until inspect-containers stops it', () => {
		const created: number[][] = [];
		for (const w of later) {
			const times: number[] = [];
			for (const s of w.steps) {
				const row = containerTable(w, s)?.rows.find((r) => r[6] === 'web');
				if (w === inspectContainers && ['stop', 'start', 'commit', 'remove'].includes(s.id)) continue;
				expect(row, `${w.id}/${s.id}: web is missing`).toBeDefined();
				expect(row![0]).toBe(IDS.web);
				expect(row![4], `${w.id}/${s.id}`).toMatch(/^Up /);
				times.push(minutes(row![3]!));
			}
			created.push(times);
		}
		for (let i = 1; i < created.length; i++) expect(Math.min(...created[i]!), later[i]!.id).toBeGreaterThanOrEqual(Math.max(...created[i - 1]!));
	});

	it('nginx:latest, pulled in the first walkthrough, is in every later images table', () => {
		for (const w of later)
			for (const s of w.steps) {
				const rows = imageTable(w, s)?.rows ?? [];
				expect(rows.some((r) => r[0] === 'nginx' && r[1] === 'latest' && r[2] === IDS.nginx), `${w.id}/${s.id}`).toBe(true);
			}
	});

	it('inspect-containers lists every name docker-whale was given: student/docker-whale and myreg v1 and v2', () => {
		const finalAcr = imageTable(pushToAcr, pushToAcr.steps.at(-1)!)!.rows.map((r) => r.join(' '));
		const ps = imageTable(inspectContainers, step(inspectContainers, 'ps'))!.rows.map((r) => r.join(' '));
		for (const name of ['student/docker-whale latest', 'myreg.azurecr.io/docker-whale v1', 'myreg.azurecr.io/docker-whale v2']) expect(ps.some((r) => r.startsWith(name))).toBe(true);
		expect(ps).toEqual(expect.arrayContaining(finalAcr));
	});

	it('jolly_lovelace is the container docker run docker-whale (without --rm) left behind in build-and-push', () => {
		const runs = buildAndPush.steps.filter((s) => /^docker run\b.*docker-whale/.test(s.terminal?.command ?? ''));
		expect(runs.length).toBeGreaterThan(0);
		for (const s of runs) expect(s.terminal!.command).not.toMatch(/--rm/);
		const first = buildAndPush.steps.indexOf(runs[0]!);
		for (const w of later)
			w.steps.forEach((s, i) => {
				if (w === buildAndPush && i < first) return;
				const row = containerTable(w, s)?.rows.find((r) => r[6] === 'jolly_lovelace');
				expect(row, `${w.id}/${s.id}`).toBeDefined();
				expect([row![0], row![1]]).toEqual([IDS.old, 'docker-whale']);
				expect(row![4]).toMatch(/^Exited \(0\)/);
			});
	});

	it('every images table says it is docker images --format table, and a teacher note says plain docker images prints a tree', () => {
		for (const w of story) for (const s of w.steps) for (const t of s.tables ?? []) if (t.title.startsWith('Images')) expect(t.title, `${w.id}/${s.id}`).toMatch(/docker images --format/);
		const firstWithImages = pullAndRun.steps.find((s) => s.tables?.some((t) => t.rows.length > 0 && t.title.startsWith('Images')))!;
		expect(firstWithImages.notes).toMatch(/tree/);
	});
});

describe('pull-and-run: the no-image branch and the shim', () => {
	it('the no-image branch shows the image it pulls: the registry answers and the layers are unpacked into nginx:latest', () => {
		const s = step(pullAndRun, 'no-image');
		const view = dockerScene.views.find((v) => v.id === s.view)!;
		expect(view.components).toContain('img-nginx');
		const m = s.messages ?? [];
		m.forEach((r, i) => {
			if (r.from === 'dockerd' && r.to === 'hub') expect(m.slice(i + 1).some((x) => x.from === 'hub' && x.to === 'dockerd'), r.summary).toBe(true);
		});
		expect(m.some((x) => x.from === 'dockerd' && x.to === 'img-nginx' && /unpack/.test(x.summary))).toBe(true);
	});

	it('the shim is explained in the sentence that first names it', () => {
		const n = step(pullAndRun, 'runtime').narration;
		const first = n.split(/(?<=\.) /).find((sentence) => /shim/.test(sentence))!;
		expect(first).toMatch(/parent/);
	});
});

// Issue 16: pull-and-run is a recorded run of the Docker simulator; the shared names agree with it.
describe('pull-and-run is recorded from the simulator', () => {
	it('every step with traffic is a step of the scenario, and its terminal output is the run\'s', () => {
		const recorded = new Set(d1Scenario.steps.map((s) => s.step));
		for (const s of pullAndRun.steps) if (s.messages?.length) expect(recorded.has(s.id), s.id).toBe(true);
		for (const r of d1Recording.steps) if (r.output !== undefined) expect(step(pullAndRun, r.step).terminal?.output).toBe(r.output);
		expect(pullAndRun.steps.every((s) => s.terminal === undefined || s.terminal.output !== '')).toBe(true);
	});
	it('tables.ts names the run\'s container and image: IDS.web is web\'s ID, IDS.nginx the digest nginx:latest points to', () => {
		expect(WEB_ID).toMatch(/^[0-9a-f]{64}$/);
		expect(IDS.web).toBe(WEB_ID.slice(0, 12));
		const digest = step(pullAndRun, 'unpack').terminal!.output!.match(/^Digest: sha256:([0-9a-f]{64})$/m)![1]!;
		expect(IDS.nginx).toBe(digest.slice(0, 12));
	});
	it('docker ps in the summary prints the table\'s row for web, from the run', () => {
		const ps = parsePs(step(pullAndRun, 'summary').terminal!.output!);
		expect(ps).toHaveLength(1);
		expect(ps[0]).toMatchObject({ 'CONTAINER ID': IDS.web, NAMES: 'web', STATUS: 'Up 5 seconds', CREATED: '6 seconds ago' });
	});
	it('no step shows a message between components or along a connection the scene lacks', () => {
		const ids = new Set(dockerScene.components.map((c) => c.id));
		const vias = new Set(dockerScene.connections.map((c) => c.id));
		for (const s of pullAndRun.steps) for (const m of s.messages ?? []) expect(ids.has(m.from) && ids.has(m.to) && vias.has(m.via), `${s.id}: ${m.via}`).toBe(true);
	});
});

