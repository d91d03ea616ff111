import { describe, expect, it } from 'vitest';
import type { Walkthrough } from '$lib/model/types';
import { d4Recording, d4Scenario, HELLO_ID, inspectContainers } from './inspect-containers';
import { humanDuration } from '$lib/sim/docker/daemon/duration';
import { IDS } from './tables';

// Facts of the recorded docker/inspect-containers run (issue 16), as a learner would notice them. Sources:
// docker/cli (ps, exec, commit.go prints the new ID), moby daemon/commit.go (pause, commit, unpause),
// daemon/delete.go (rm -f kills with SIGKILL first), nginx's /docker-entrypoint.sh (exec "$@").
const step = (w: Walkthrough, id: string) => {
	const s = w.steps.find((x) => x.id === id);
	if (!s) throw new Error(`${w.id} has no step ${id}`);
	return s;
};
/** Parses `docker ps` output into rows keyed by header, using the header's column positions. */
const parsePs = (out: string) => {
	const [header, ...lines] = out.split('\n');
	const names = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'].filter((n) => header!.includes(n));
	const starts = names.map((n) => header!.indexOf(n));
	return lines.map((l) => Object.fromEntries(names.map((n, i) => [n, l.slice(starts[i], starts[i + 1]).trim()])));
};
describe('inspect-containers is recorded from the simulator', () => {
	it('every step with traffic is a step of the scenario, and its terminal output is the run\'s', () => {
		const recorded = new Set(d4Scenario.steps.map((s) => s.step));
		for (const s of inspectContainers.steps) if (s.messages?.length) expect(recorded.has(s.id), s.id).toBe(true);
		for (const r of d4Recording.steps) if (r.output !== undefined) expect(step(inspectContainers, r.step).terminal?.output).toBe(r.output);
	});
	it('tables.ts names the runs\' containers and images: admiring_hopper killed (137), jolly_lovelace, nginx-hello', () => {
		const ps = parsePs(step(inspectContainers, 'ps-a').terminal!.output!);
		expect(ps.map((r) => [r['CONTAINER ID'], r.NAMES, r.STATUS?.replace(/ .*/, '')])).toEqual([
			[IDS.killed, 'admiring_hopper', 'Exited'],
			[IDS.old, 'jolly_lovelace', 'Exited'],
			[IDS.web, 'web', 'Up']
		]);
		expect(ps[0]!.STATUS).toMatch(/^Exited \(137\)/);
		expect(step(inspectContainers, 'ps-aq').terminal!.output).toBe([IDS.killed, IDS.old, IDS.web].join('\n'));
		expect(HELLO_ID).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(IDS.hello).toBe(HELLO_ID.slice(7, 19));
	});
	it('exec starts /bin/sh beside nginx (PID 1 is nginx, the entrypoint script exec\'d it); web stays up', () => {
		const m = step(inspectContainers, 'exec').messages!.map((x) => x.summary);
		expect(m[0]).toBe('GET /containers/web/json (does web exist?)');
		expect(m).toContain('start /bin/sh beside nginx (not PID 1)');
		expect(m.at(-1)).toMatch(/"ExitCode": 0.*web still Up/);
	});
	it('commit pauses web, writes one layer on nginx\'s seven, resumes, answers 201 with the ID the client prints', () => {
		const m = step(inspectContainers, 'commit').messages!.map((x) => x.summary);
		const at = (re: RegExp) => m.findIndex((x) => re.test(x));
		expect(at(/^pause task web/)).toBeGreaterThan(at(/^POST \/commit\?container=web&repo=nginx-hello&tag=v1$/));
		expect(at(/1 new layer [0-9a-f]{12} on the image's 7/)).toBeGreaterThan(at(/^pause/));
		expect(at(/^resume task web/)).toBeGreaterThan(at(/1 new layer/));
		expect(m.at(-1)).toBe(`201 Created {"Id":"${HELLO_ID.slice(0, 19)}…"}`);
	});
	it('rm -f kills with SIGKILL (137) without the stop signal, then deletes the container and its writable layer', () => {
		const m = step(inspectContainers, 'remove').messages!.map((x) => x.summary);
		expect(m).toContain('kill task web with SIGKILL');
		expect(m.some((x) => /SIGQUIT/.test(x))).toBe(false);
		expect(m).toContain('delete container web and its writable layer');
	});
});

describe("web's STATUS in the tables is the run's at each step's end", () => {
	const recorded = (id: string) => d4Recording.steps.find((r) => r.step === id)!;
	const when = (id: string, line: RegExp) => recorded(id).shown.find((x) => line.test(x.line))!.time;
	const status = (id: string) => step(inspectContainers, id).tables!.find((t) => t.title.startsWith('Containers'))!.rows.find((r) => r[6] === 'web')![4];
	it('stopped: Exited (0) since the task exit; started: Up since runc started nginx; still up at the commit', () => {
		expect(status('stop')).toBe(`Exited (0) ${humanDuration(recorded('stop').time - when('stop', /task exit: web/))} ago`);
		const started = when('start', /runc → ctr-web: exec /);
		expect(status('start')).toBe(`Up ${humanDuration(recorded('start').time - started)}`);
		expect(status('commit')).toBe(`Up ${humanDuration(recorded('commit').time - started)}`);
	});
});
