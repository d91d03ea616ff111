// Facts about docker build / docker push that a learner would notice, pinned against the walkthrough data.
// Sources: OCI distribution spec ("Checking if content exists", "Mounting a blob from another repository");
// containerd core/remotes/docker/pusher.go and moby distribution/push_v2.go (HEAD first; "Mounted from" only
// after a mount POST answered 201; "Layer already exists" after a HEAD answered 200); moby
// daemon/containerd push progress; docker/docs#13279 (BuildKit keeps the FROM image out of docker images);
// docker/cli cli/command/registry/login.go (device-code login unless -u is given).
import { describe, expect, it } from 'vitest';
import type { Message, Step, Walkthrough } from '$lib/model/types';
import { buildAndPush, dockerfileLines } from './build-and-push';
import { pushToAcr } from './push-to-acr';
import { dockerScene } from './scene';

const walkthroughs = [buildAndPush, pushToAcr];
const step = (w: Walkthrough, id: string): Step => {
	const s = w.steps.find((x) => x.id === id);
	if (!s) throw new Error(`${w.id} has no step ${id}`);
	return s;
};
/** Every message of a walkthrough in story order, with the step it belongs to. */
const flat = (w: Walkthrough) => w.steps.flatMap((s, i) => (s.messages ?? []).map((m) => ({ ...m, step: s.id, at: i })));
const isRegistry = (id: string) => id === 'hub' || id === 'acr';
/** Layer lines of `docker push` output: "<12 hex>: <status>". */
const layerLines = (output = '') => output.split('\n').filter((l) => /^[0-9a-f]{12}: /.test(l));
const mountAnswered = (messages: (Message & { at: number })[], from: string, upTo: number) =>
	messages.some(
		(m, i) =>
			m.at <= upTo &&
			m.kind === 'request' &&
			isRegistry(m.to) &&
			new RegExp(`^POST \\S*/blobs/uploads/\\?mount=sha256:[^&\\s]+&from=${from.replace('/', '\\/')}(\\s|$)`).test(m.summary) &&
			/^201\b/.test(messages[i + 1]?.summary ?? '') &&
			messages[i + 1]?.from === m.to
	);

describe.each(walkthroughs.map((w) => [w.id, w] as const))('%s: what a push prints matches the requests', (_id, w) => {
	const messages = flat(w);

	it('no HEAD answered 200 is followed by "Mounted from"', () => {
		messages.forEach((m, i) => {
			if (m.kind !== 'response' || !isRegistry(m.from) || !/^200\b/.test(m.summary)) return;
			expect(m.summary, `${m.step}: a 200 is "already exists", never a mount`).not.toMatch(/mount/i);
			const request = messages.slice(0, i).reverse().find((r) => r.kind === 'request' && r.to === m.from);
			if (request && /^HEAD /.test(request.summary)) {
				const next = messages[i + 1];
				if (next) expect(next.summary, `${m.step}: after a HEAD answered 200`).not.toMatch(/mounted from/i);
			}
		});
	});

	it('"Mounted from" appears only after a ?mount=…&from= request answered 201 Created', () => {
		messages.forEach((m) => {
			const said = /mounted from (\S+)/i.exec(m.summary);
			if (said) expect(mountAnswered(messages, said[1]!, m.at), `${m.step}: ${m.summary}`).toBe(true);
		});
		w.steps.forEach((s, at) => {
			for (const line of layerLines(s.terminal?.output)) {
				const said = /Mounted from (\S+)/.exec(line);
				if (said) expect(mountAnswered(messages, said[1]!, at), `${s.id}: ${line}`).toBe(true);
			}
		});
	});

	it('no step lists the debian base in docker images: BuildKit keeps it in the build cache', () => {
		for (const s of w.steps)
			for (const t of s.tables ?? []) {
				if (!t.title.includes('docker images')) continue;
				expect(t.rows.map((r) => r[0]), s.id).not.toContainEqual(expect.stringMatching(/(^|\/)debian$/));
			}
	});
});

describe('docker/build-and-push: the push to a new repository', () => {
	const messages = flat(buildAndPush);

	it("mounts Debian's layer after a HEAD answered 404, and uploads our own layer (POST 202, PUT ?digest= 201)", () => {
		const mount = step(buildAndPush, 'mount').messages!;
		expect(mount[0]!.summary).toMatch(/^HEAD \/v2\/student\/docker-whale\/blobs\/sha256:8b29/);
		expect(mount[1]!.summary).toMatch(/^404\b/);
		expect(mount[2]!.summary).toMatch(/^POST \/v2\/student\/docker-whale\/blobs\/uploads\/\?mount=sha256:8b29\S*&from=library\/debian$/);
		expect(mount[3]!.summary).toMatch(/^201 Created/);
		const upload = step(buildAndPush, 'upload').messages!.map((m) => m.summary);
		expect(upload.slice(0, 6).map((s) => s.split(' ')[0])).toEqual(['HEAD', '404', 'POST', '202', 'PUT', '201']);
		expect(upload[4]).toMatch(/\?digest=sha256:3c1e/);
		expect(layerLines(step(buildAndPush, 'manifest').terminal?.output)).toEqual(['3c1e9ae0b0f2: Pushed', '8b296f486960: Mounted from library/debian']);
		const manifestPut = messages.findIndex((m) => m.summary === 'PUT /v2/student/docker-whale/manifests/latest');
		const blobOps = messages.map((m, i) => (m.to === 'hub' && /\/blobs\//.test(m.summary) && m.step !== 'push-again' ? i : -1));
		expect(manifestPut, 'the manifest goes last, after every blob').toBeGreaterThan(Math.max(...blobOps));
	});

	it('a second push: every HEAD answers 200 and the client prints "Layer already exists"', () => {
		const again = step(buildAndPush, 'push-again');
		expect(again.narration).toMatch(/Layer already exists/);
		expect(layerLines(again.terminal?.output)).toEqual(['3c1e9ae0b0f2: Layer already exists', '8b296f486960: Layer already exists']);
		expect(again.messages!.filter((m) => /blobs\/uploads\/|\?digest=/.test(m.summary))).toEqual([]);
	});

	it('the base is debian:trixie-slim (current stable) in the Dockerfile, the scene and the build output', () => {
		expect(dockerfileLines[0]).toBe('FROM debian:trixie-slim');
		expect(dockerScene.components.find((c) => c.id === 'img-base')?.name).toBe('debian:trixie-slim');
		expect(JSON.stringify([buildAndPush, pushToAcr, dockerScene])).not.toMatch(/bookworm/);
	});

	it('docker login shows the Password prompt only with -u (plain docker login is the web device-code login)', () => {
		const login = step(buildAndPush, 'login');
		expect(login.terminal?.command).toBe('docker login -u student');
		expect(login.terminal?.output).not.toMatch(/Username:/);
		expect(login.narration).toMatch(/device code/);
		expect(login.narration).toMatch(/personal access token/);
	});
});

describe('docker/push-to-acr: v2 changes only CMD, which is metadata', () => {
	const v2 = step(pushToAcr, 'v2');
	const pushV2 = step(pushToAcr, 'push-v2');

	it('the v2 Dockerfile differs from v1 only in its CMD line', () => {
		const lines = v2.file?.lines ?? [];
		expect(lines).toHaveLength(dockerfileLines.length);
		const changed = lines.filter((l, i) => l !== dockerfileLines[i]);
		expect(changed).toHaveLength(1);
		expect(changed[0]).toMatch(/^CMD /);
	});

	it('the CMD-only rebuild creates no new layer: RUN is CACHED and the image keeps its size', () => {
		const runs = (v2.terminal?.output ?? '').split('\n').filter((l) => / RUN /.test(l));
		expect(runs.length).toBeGreaterThan(0);
		for (const l of runs) expect(l).toMatch(/=> CACHED \[2\/2\] RUN /);
		for (const m of v2.messages ?? []) expect(m.summary).not.toMatch(/new (top )?layer/i);
		const rows = v2.tables?.find((t) => t.title.includes('docker images'))?.rows ?? [];
		const tagged = (tag: string) => rows.find((r) => r[0] === 'myreg.azurecr.io/docker-whale' && r[1] === tag)!;
		expect(tagged('v2')[2], 'a new config is a new image ID').not.toBe(tagged('v1')[2]);
		expect(tagged('v2')[3], 'same layers, same size').toBe(tagged('v1')[3]);
	});

	it('its push uploads no layer blob: each layer "Layer already exists", only a config and a manifest travel', () => {
		const lines = layerLines(pushV2.terminal?.output);
		const v1Layers = layerLines(step(pushToAcr, 'upload-v1').terminal?.output).map((l) => l.slice(0, 12));
		expect(lines.map((l) => l.slice(0, 12))).toEqual(v1Layers);
		for (const l of lines) expect(l).toMatch(/: Layer already exists$/);
		const uploads = pushV2.messages!.filter((m) => /blobs\/uploads\/|\?digest=/.test(m.summary));
		expect(uploads.length).toBe(1);
		expect(uploads[0]!.summary).toMatch(/\(config\)$/);
		for (const m of pushV2.messages!) expect(m.summary).not.toMatch(/upload.*layer|Pushed/i);
		expect(pushV2.messages!.some((m) => m.summary === 'PUT /v2/docker-whale/manifests/v2')).toBe(true);
	});
});

describe('corrections of the deck are visible to learners', () => {
	it.each([
		['docker/build-and-push', 'deck-dockerfile', /whalesay/],
		['docker/build-and-push', 'build', /classic builder/],
		['docker/push-to-acr', 'acr-login', /wrapper round docker login/]
	])('%s/%s says "The deck says …" in its narration', (wid, sid, topic) => {
		const s = step(walkthroughs.find((w) => w.id === wid)!, sid);
		const aside = s.narration.slice(s.narration.indexOf('The deck says'));
		expect(s.narration).toContain('The deck says');
		expect(aside).toMatch(topic);
	});
});
