// Facts about docker build / docker push that a learner would notice, pinned against the walkthrough data.
// Sources: OCI distribution spec ("Checking if content exists", "Mounting a blob from another repository");
// containerd core/remotes/docker/pusher.go and moby distribution/push_v2.go (HEAD first; "Mounted from" only
// after a mount POST answered 201; "Layer already exists" after a HEAD answered 200); moby
// daemon/containerd push progress; docker/docs#13279 (BuildKit keeps the FROM image out of docker images);
// docker/cli cli/command/registry/login.go (device-code login unless -u is given).
// Second review (Engine 29, containerd image store): docker/buildx build/opt.go and driver/docker/driver.go
// (provenance attestation by default with the containerd store); moby/buildkit exporter/containerimage
// (exporting manifest / config / attestation manifest / manifest list, naming to, unpacking to); moby
// daemon/containerd/image_list.go (IMAGE ID = target digest), image_push.go and progress.go (Waiting, no
// progress line for configs or manifests, "Already exists" for a non-layer blob, the index digest printed last);
// containerd v2.1 client/pull.go (schema 1 refused: "not implemented: media type … no longer supported");
// docker/cli cli/config/credentials/file_store.go (the unencrypted-credentials warning); azure-cli
// acr/custom.py acr_login and get_docker_command (docker ps, then docker login --username 0000… --password);
// moby daemon/pkg/registry/auth.go loginV2 (GET /v2/ → 401 challenge → token from the realm → GET /v2/).
import { describe, expect, it } from 'vitest';
import type { Message, Step, Walkthrough } from '$lib/model/types';
import { buildAndPush, dockerfileLines, WHALE_DIGESTS } from './build-and-push';
import { pushToAcr } from './push-to-acr';
import { dockerScene } from './scene';
import { IDS } from './tables';

const walkthroughs = [buildAndPush, pushToAcr];
const LAYER_IDS = { base: '8b296f486960', ours: '3c1e9ae0b0f2' };
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
		expect(layerLines(step(buildAndPush, 'manifest').terminal?.output)).toEqual([
			'3c1e9ae0b0f2: Pushed',
			'8b296f486960: Mounted from library/debian',
			`${WHALE_DIGESTS.provenance}: Pushed`
		]);
		const manifestPut = messages.findIndex((m) => m.summary.startsWith('PUT /v2/student/docker-whale/manifests/latest'));
		expect(manifestPut).toBeGreaterThanOrEqual(0);
		const blobOps = messages.map((m, i) => (m.to === 'hub' && /\/blobs\//.test(m.summary) && m.step !== 'push-again' ? i : -1));
		expect(manifestPut, 'the manifest goes last, after every blob').toBeGreaterThan(Math.max(...blobOps));
	});

	it('a second push: every HEAD answers 200 and the client prints "Layer already exists"', () => {
		const again = step(buildAndPush, 'push-again');
		expect(again.narration).toMatch(/Layer already exists/);
		expect(layerLines(again.terminal?.output)).toEqual([
			'3c1e9ae0b0f2: Layer already exists',
			'8b296f486960: Layer already exists',
			`${WHALE_DIGESTS.provenance}: Already exists`
		]);
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

	it('its push uploads no layer blob: each layer "Layer already exists"; only the config, the attestation and the manifests travel', () => {
		const layers = (out?: string) => layerLines(out).filter((l) => Object.values(LAYER_IDS).includes(l.slice(0, 12)));
		const lines = layers(pushV2.terminal?.output);
		expect(lines.map((l) => l.slice(0, 12))).toEqual(layers(step(pushToAcr, 'upload-v1').terminal?.output).map((l) => l.slice(0, 12)));
		expect(lines).toHaveLength(2);
		for (const l of lines) expect(l).toMatch(/: Layer already exists$/);
		const uploads = pushV2.messages!.filter((m) => /blobs\/uploads\/|\?digest=|the same for/.test(m.summary));
		expect(uploads.length).toBe(2);
		expect(uploads[0]!.summary).toMatch(/\(config\)$/);
		expect(uploads[1]!.summary).toMatch(/attestation/);
		for (const m of pushV2.messages!) expect(m.summary).not.toMatch(/upload.*layer|Pushed/i);
		expect(pushV2.messages!.some((m) => m.summary.startsWith('PUT /v2/docker-whale/manifests/v2 (the index'))).toBe(true);
	});
});

describe('corrections of the deck are visible to learners', () => {
	it.each([
		['docker/build-and-push', 'deck-dockerfile', /whalesay/],
		['docker/build-and-push', 'build', /classic builder/],
		['docker/push-to-acr', 'acr-login', /its own step; it is a wrapper round docker login/]
	])('%s/%s says "The deck says …" in its narration', (wid, sid, topic) => {
		const s = step(walkthroughs.find((w) => w.id === wid)!, sid);
		const aside = s.narration.slice(s.narration.indexOf('The deck says'));
		expect(s.narration).toContain('The deck says');
		expect(aside).toMatch(topic);
	});
});

describe('Engine 29 (containerd image store): what docker build and docker push print', () => {
	const cmd = step(buildAndPush, 'cmd');
	const out = cmd.terminal?.output ?? '';
	const digestAfter = (text: string, label: string) => new RegExp(`${label} sha256:([0-9a-f]{12})`).exec(text)?.[1];

	it('the build exports a manifest, a config, a provenance attestation and an index, then names and unpacks it', () => {
		expect(out).not.toMatch(/writing image/);
		const order = ['exporting layers', 'exporting manifest sha256:', 'exporting config sha256:', 'exporting attestation manifest sha256:', 'exporting manifest list sha256:', 'naming to docker.io/library/docker-whale:latest', 'unpacking to docker.io/library/docker-whale:latest'];
		const at = order.map((o) => out.indexOf(o));
		for (const [i, a] of at.entries()) expect(a, order[i]).toBeGreaterThanOrEqual(0);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(cmd.narration).toMatch(/provenance attestation/);
		const v2 = step(pushToAcr, 'v2').terminal?.output ?? '';
		expect(v2).not.toMatch(/writing image/);
		expect(digestAfter(v2, 'exporting manifest list')).toBe(IDS.whale2);
	});

	it('the IMAGE ID is the index digest, not the config digest; the config has its own digest in the push', () => {
		expect(digestAfter(out, 'exporting manifest list')).toBe(IDS.whale);
		const config = digestAfter(out, 'exporting config')!;
		expect(config).not.toBe(IDS.whale);
		for (const w of walkthroughs)
			for (const m of flat(w).filter((x) => /\(config\)|\(the new config\)/.test(x.summary)))
				expect(m.summary, `${m.step}: ${m.summary}`).not.toMatch(new RegExp(`sha256:(${IDS.whale.slice(0, 4)}|${IDS.whale2.slice(0, 4)})`));
		expect(step(buildAndPush, 'manifest').messages!.some((m) => m.summary.includes(`sha256:${config.slice(0, 4)}… (config)`))).toBe(true);
		expect(step(buildAndPush, 'manifest').notes).not.toMatch(/config's digest \(7e2f…\) is the IMAGE ID/);
	});

	it('the digest a push prints is the index digest, the IMAGE ID of that tag', () => {
		const printed = (s: Step) => /: digest: sha256:([0-9a-f]{12})/.exec(s.terminal?.output ?? '')?.[1];
		expect(printed(step(buildAndPush, 'manifest'))).toBe(IDS.whale);
		expect(printed(step(buildAndPush, 'push-again'))).toBe(IDS.whale);
		expect(printed(step(pushToAcr, 'upload-v1'))).toBe(IDS.whale);
		expect(printed(step(pushToAcr, 'push-v2'))).toBe(IDS.whale2);
	});

	it('push progress says Waiting, not the classic store\'s Preparing, and shows no line for a config or manifest', () => {
		for (const w of walkthroughs)
			for (const s of w.steps) {
				if (!/^docker push /.test(s.terminal?.command ?? '')) continue;
				expect(s.terminal!.output, `${w.id}/${s.id}`).not.toMatch(/Preparing/);
				const ids = layerLines(s.terminal!.output).map((l) => l.slice(0, 12));
				for (const id of ids) expect([...Object.values(LAYER_IDS), WHALE_DIGESTS.provenance, '7a4e1d0c5b93'], `${w.id}/${s.id}`).toContain(id);
			}
	});

	it('the manifests go after every blob, and the index under the tag goes last', () => {
		const m = step(buildAndPush, 'manifest').messages!.map((x) => x.summary);
		const blobs = Math.max(...m.map((x, i) => (/blobs|attestation's config/.test(x) ? i : -1)));
		const manifests = m.findIndex((x) => /manifests\/sha256:.*\(image manifest\)/.test(x));
		const index = m.findIndex((x) => /manifests\/latest \(the index/.test(x));
		expect(manifests).toBeGreaterThan(blobs);
		expect(index).toBeGreaterThan(manifests);
	});
});

describe('build-and-push: the smaller fixes of the second review', () => {
	it('the deck\'s Dockerfile is labelled as the classic whalesay tutorial, and the pull error is the daemon\'s', () => {
		const s = step(buildAndPush, 'deck-dockerfile');
		expect(s.file?.name).toBe('Dockerfile (the classic whalesay tutorial)');
		const lines = (s.terminal?.output ?? '').split('\n');
		expect(lines[0]).toBe('Using default tag: latest');
		expect(lines[1]).toMatch(/^Error response from daemon: not implemented: media type "application\/vnd\.docker\.distribution\.manifest\.v1\+prettyjws" is no longer supported since containerd v2\.1/);
	});

	it('docker login -u without a credential helper warns that the token is stored unencrypted, before Login Succeeded', () => {
		const out = step(buildAndPush, 'login').terminal?.output ?? '';
		const warning = out.indexOf("WARNING! Your credentials are stored unencrypted in '/home/student/.docker/config.json'.");
		expect(warning).toBeGreaterThan(out.indexOf('Password:'));
		expect(out.indexOf('Configure a credential helper to remove this warning.')).toBeGreaterThan(warning);
		expect(out.trimEnd().endsWith('Login Succeeded')).toBe(true);
	});
});

describe('push-to-acr: az acr login and the last push', () => {
	it('az acr login checks the daemon with docker ps, then docker login meets a 401 challenge, fetches a token and retries', () => {
		const m = step(pushToAcr, 'acr-login').messages!;
		expect(m[0]).toMatchObject({ from: 'az', to: 'cli' });
		expect(m[0]!.summary).toMatch(/^docker ps/);
		expect(m[1]!.summary).toBe('GET /containers/json');
		const login = m.findIndex((x) => x.from === 'az' && /^docker login --username 00000000-0000-0000-0000-000000000000 --password <token> myreg\.azurecr\.io$/.test(x.summary));
		expect(login).toBeGreaterThan(1);
		const toAcr = m.filter((x) => (x.from === 'dockerd' && x.to === 'acr') || (x.from === 'acr' && x.to === 'dockerd')).map((x) => x.summary);
		expect(toAcr[0]).toBe('GET /v2/');
		expect(toAcr[1]).toMatch(/^401 Unauthorized, WWW-Authenticate: Bearer realm="https:\/\/myreg\.azurecr\.io\/oauth2\/token"/);
		expect(toAcr[2]).toMatch(/^GET \/oauth2\/token\?service=myreg\.azurecr\.io/);
		expect(toAcr[3]).toMatch(/^200/);
		expect(toAcr[4]).toMatch(/^GET \/v2\/ \(Authorization: Bearer/);
		expect(toAcr[5]).toBe('200 OK');
	});

	it('a step shows only the traffic of the commands in its terminal: push-v2 has no az messages', () => {
		for (const w of walkthroughs)
			for (const s of w.steps) {
				const cmd = s.terminal?.command ?? '';
				if (!/^docker /.test(cmd)) continue;
				for (const m of s.messages ?? []) expect([m.from, m.to], `${w.id}/${s.id}: ${m.summary}`).not.toContain('az');
			}
	});
});
