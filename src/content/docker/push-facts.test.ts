// Facts about docker build / docker push that a learner would notice, pinned against the walkthrough data.
// Sources: OCI distribution spec ("Checking if content exists", "Mounting a blob from another repository");
// containerd core/remotes/docker/pusher.go and moby distribution/push_v2.go (HEAD first; "Mounted from" only
// after a mount POST answered 201; "Layer already exists" after a HEAD answered 200); moby
// daemon/containerd push progress; docker/docs#13279 (BuildKit keeps the FROM image out of docker images);
// docker/cli cli/command/registry/login.go (device-code login unless -u is given).
// Second review (Engine 29, containerd image store): docker/buildx build/opt.go (a provenance attestation by
// default, none with --provenance=false, which the recorded builds use); moby daemon/containerd/image_list.go
// (IMAGE ID = target digest: here the manifest), progress.go (no progress line for a config or manifest);
// containerd core/remotes/docker/pusher.go selectRepositoryMountCandidate (which repository a mount names);
// Issue 16: build-and-push and push-to-acr are recorded runs of the simulator; these facts hold of the runs;
// containerd v2.1 client/pull.go (schema 1 refused: "not implemented: media type … no longer supported");
// docker/cli cli/config/credentials/file_store.go (the unencrypted-credentials warning); azure-cli
// acr/custom.py acr_login and get_docker_command (docker ps, then docker login --username 0000… --password);
// moby daemon/pkg/registry/auth.go loginV2 (GET /v2/ → 401 challenge → token from the realm → GET /v2/).
import { describe, expect, it } from 'vitest';
import type { Message, Step, Walkthrough } from '$lib/model/types';
import { buildAndPush, dockerfileLines } from './build-and-push';
import { pushToAcr } from './push-to-acr';
import { dockerScene } from './scene';
import { IDS } from './tables';

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
			const said = /mounted from ([\w./-]+)/i.exec(m.summary);
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

/** The layer lines a push printed at the step's end: "<12 hex>: <status>", in order. */
const lines = (w: Walkthrough, id: string) => layerLines(step(w, id).terminal?.output);
/** Short digests of the two layers, from the first push's output: ours (top, pushed first), then Debian's. */
const [OURS, BASE] = lines(buildAndPush, 'manifest').map((l) => l.slice(0, 12)) as [string, string];
const registryTraffic = (w: Walkthrough, ids: string[]) => ids.flatMap((id) => (step(w, id).messages ?? []).filter((m) => isRegistry(m.to) || isRegistry(m.from)).map((m) => m.summary));
const digestOf = (out: string, label: string) => new RegExp(`${label} sha256:([0-9a-f]{64})`).exec(out)?.[1];

describe('docker/build-and-push: the push to a new repository', () => {
	const first = registryTraffic(buildAndPush, ['push', 'upload', 'mount', 'manifest']);

	it('every HEAD with the token in a brand-new repository answers 404 (the first HEAD draws the 401 challenge)', () => {
		const heads = first.flatMap((m, i) => (/^HEAD \/v2\/student\/docker-whale\//.test(m) ? [first[i + 1]!] : []));
		expect(heads).toHaveLength(5);
		expect(heads[0]).toMatch(/^401 Unauthorized/);
		for (const answer of heads.slice(1)) expect(answer).toBe('404 Not Found');
	});

	it("uploads our layer (POST 202, PUT ?digest= 201) and mounts Debian's from library/nginx (POST ?mount=&from= 201)", () => {
		const upload = registryTraffic(buildAndPush, ['upload']);
		expect(upload.map((m) => m.split(' ')[0])).toEqual(['HEAD', '404', 'POST', '202', 'PUT', '201']);
		expect(upload[4]).toMatch(new RegExp(`\\?digest=sha256:${OURS}`));
		const mount = registryTraffic(buildAndPush, ['mount']);
		expect(mount[0]).toMatch(new RegExp(`^HEAD /v2/student/docker-whale/blobs/sha256:${BASE}`));
		expect(mount[1]).toBe('404 Not Found');
		expect(mount[2]).toMatch(new RegExp(`^POST /v2/student/docker-whale/blobs/uploads/\\?mount=sha256:${BASE}…&from=library/nginx$`));
		expect(mount[3]).toMatch(/^201 Created/);
		expect(lines(buildAndPush, 'manifest')).toEqual([`${OURS}: Pushed`, `${BASE}: Mounted from library/nginx`]);
		expect(step(buildAndPush, 'mount').narration).toMatch(/Mounted from library\/nginx/);
	});

	it('the manifest is PUT under the tag after every blob, once a HEAD of the tag answered 404', () => {
		const put = first.findIndex((m) => m.startsWith('PUT /v2/student/docker-whale/manifests/latest'));
		expect(put).toBeGreaterThan(Math.max(...first.map((m, i) => (/\/blobs\//.test(m) ? i : -1))));
		expect(first.slice(put - 2, put)).toEqual(['HEAD /v2/student/docker-whale/manifests/latest', '404 Not Found']);
		expect(first[put + 1]).toBe('201 Created');
	});

	it('a second push: every HEAD answers 200, the client prints "Layer already exists", nothing is uploaded', () => {
		const again = step(buildAndPush, 'push-again');
		expect(again.narration).toMatch(/Layer already exists/);
		expect(lines(buildAndPush, 'push-again')).toEqual([`${OURS}: Layer already exists`, `${BASE}: Layer already exists`]);
		const traffic = registryTraffic(buildAndPush, ['push-again']);
		const token = traffic.findIndex((m) => /^200: bearer token/.test(m));
		const answers = traffic.flatMap((m, i) => (i > token && /^HEAD /.test(m) ? [traffic[i + 1]!] : []));
		expect(answers, 'both layers, the config and the tag').toHaveLength(4);
		for (const a of answers) expect(a).toMatch(/^200\b/);
		expect(traffic.filter((m) => /^(POST|PUT) /.test(m))).toEqual([]);
	});

	it('the base is debian:trixie-slim (current stable) in the Dockerfile, the scene and the build output', () => {
		expect(dockerfileLines[0]).toBe('FROM debian:trixie-slim');
		expect(dockerScene.components.find((c) => c.id === 'img-base')?.name).toBe('debian:trixie-slim');
		expect(step(buildAndPush, 'cmd').terminal?.output).toMatch(/\[1\/2\] FROM docker\.io\/library\/debian:trixie-slim@sha256:/);
		expect(JSON.stringify([buildAndPush, pushToAcr, dockerScene])).not.toMatch(/bookworm/);
	});

	it('FROM fetches no layer: nginx, pulled before, has the same Debian layer', () => {
		const from = step(buildAndPush, 'from').messages!.map((m) => m.summary);
		expect(from.filter((m) => /^GET \/v2\/library\/debian\/blobs\//.test(m))).toEqual([expect.stringMatching(/\(the config\)$/)]);
		expect(step(buildAndPush, 'from').narration).toMatch(/not downloaded/);
	});

	it('docker login shows the Password prompt only with -u (plain docker login is the web device-code login)', () => {
		const login = step(buildAndPush, 'login');
		expect(login.terminal?.command).toBe('docker login -u student');
		expect(login.terminal?.output).not.toMatch(/Username:/);
		expect(login.narration).toMatch(/device code/);
		expect(login.narration).toMatch(/personal access token/);
		expect(login.messages!.map((m) => m.summary)).toContain('POST /auth (serveraddress docker.io)');
	});
});

describe('docker/push-to-acr: v2 changes only CMD, which is metadata', () => {
	const v2 = step(pushToAcr, 'v2');

	it('the v2 Dockerfile differs from v1 only in its CMD line', () => {
		const file = v2.file?.lines ?? [];
		expect(file).toHaveLength(dockerfileLines.length);
		const changed = file.filter((l, i) => l !== dockerfileLines[i]);
		expect(changed).toHaveLength(1);
		expect(changed[0]).toMatch(/^CMD /);
	});

	it('the CMD-only rebuild creates no new layer: RUN is CACHED, the image keeps its size, only the ID changes', () => {
		expect(v2.terminal?.output).toMatch(/#4 \[2\/2\] RUN [^\n]*\n#4 CACHED/);
		expect(v2.terminal?.output).not.toMatch(/#4 DONE/);
		const rows = v2.tables?.find((t) => t.title.includes('docker images'))?.rows ?? [];
		const tagged = (tag: string) => rows.find((r) => r[0] === 'myreg.azurecr.io/docker-whale' && r[1] === tag)!;
		expect(tagged('v2')[2], 'a new config is a new image ID').not.toBe(tagged('v1')[2]);
		expect(tagged('v2')[3], 'same layers, same size').toBe(tagged('v1')[3]);
	});

	it('its push uploads no layer: both "Layer already exists"; only the config travels, then the manifest under v2', () => {
		expect(lines(pushToAcr, 'upload-v1')).toEqual([`${OURS}: Pushed`, `${BASE}: Pushed`]);
		expect(lines(pushToAcr, 'push-v2')).toEqual([`${OURS}: Layer already exists`, `${BASE}: Layer already exists`]);
		const sent = registryTraffic(pushToAcr, ['push-v2']).filter((m) => /^(POST|PUT) \/v2\//.test(m));
		expect(sent).toHaveLength(3);
		expect(sent[0]).toBe('POST /v2/docker-whale/blobs/uploads/');
		expect(sent[1]).toMatch(/\?digest=sha256:[0-9a-f]{12}… \(the config\)$/);
		expect(sent[2]).toMatch(/^PUT \/v2\/docker-whale\/manifests\/v2 \(image manifest [0-9a-f]{12}\)$/);
	});

	it('v1 goes to a new registry: no mount across registries, every blob uploaded', () => {
		const traffic = registryTraffic(pushToAcr, ['upload-v1']);
		expect(traffic.some((m) => /mount=/.test(m))).toBe(false);
		expect(traffic.filter((m) => /^PUT \/v2\/docker-whale\/blobs\/uploads\//.test(m))).toHaveLength(3);
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

	it('the builds are typed with --provenance=false, and a note says what Engine 29 adds without it', () => {
		expect(step(buildAndPush, 'build').terminal?.command).toBe('docker build --provenance=false -t docker-whale .');
		expect(step(pushToAcr, 'v2').terminal?.command).toMatch(/^docker build --provenance=false /);
		expect(step(buildAndPush, 'build').notes).toMatch(/attestation/);
		expect(out).not.toMatch(/attestation|manifest list|writing image/);
	});

	it('the IMAGE ID is the manifest digest, not the config digest; the push prints the manifest digest', () => {
		const manifest = digestOf(out, 'exporting manifest')!;
		const config = digestOf(out, 'exporting config')!;
		expect(manifest.slice(0, 12)).toBe(IDS.whale);
		expect(config.slice(0, 12)).not.toBe(IDS.whale);
		const printed = (w: Walkthrough, id: string) => /: digest: sha256:([0-9a-f]{64})/.exec(step(w, id).terminal?.output ?? '')?.[1];
		expect(printed(buildAndPush, 'manifest')).toBe(manifest);
		expect(printed(buildAndPush, 'push-again')).toBe(manifest);
		expect(printed(pushToAcr, 'upload-v1')).toBe(manifest);
		expect(printed(pushToAcr, 'push-v2')).toBe(digestOf(step(pushToAcr, 'v2').terminal!.output!, 'exporting manifest'));
		expect(printed(pushToAcr, 'push-v2')!.slice(0, 12)).toBe(IDS.whale2);
	});

	it("push progress has a line per layer, none for the config or the manifest, and no classic store's Preparing", () => {
		for (const w of walkthroughs)
			for (const s of w.steps) {
				if (!/^docker push /.test(s.terminal?.command ?? '')) continue;
				expect(s.terminal!.output, `${w.id}/${s.id}`).not.toMatch(/Preparing/);
				for (const id of layerLines(s.terminal!.output).map((l) => l.slice(0, 12))) expect([OURS, BASE], `${w.id}/${s.id}`).toContain(id);
			}
	});
});

describe('build-and-push: the smaller fixes of the second review', () => {
	it('the deck\'s Dockerfile is labelled as the classic whalesay tutorial, and the pull error is the daemon\'s', () => {
		const s = step(buildAndPush, 'deck-dockerfile');
		expect(s.file?.name).toBe('Dockerfile (the classic whalesay tutorial)');
		const out = (s.terminal?.output ?? '').split('\n');
		expect(out[0]).toBe('Using default tag: latest');
		expect(out[1]).toMatch(/^Error response from daemon: not implemented: media type "application\/vnd\.docker\.distribution\.manifest\.v1\+prettyjws" is no longer supported since containerd v2\.1/);
	});

	it('docker login -u without a credential helper warns that the token is stored unencrypted, before Login Succeeded', () => {
		const out = step(buildAndPush, 'login').terminal?.output ?? '';
		const warning = out.indexOf("WARNING! Your credentials are stored unencrypted in '/home/student/.docker/config.json'.");
		expect(warning).toBeGreaterThan(out.indexOf('Password:'));
		expect(out.indexOf('Configure a credential helper to remove this warning.')).toBeGreaterThan(warning);
		expect(out.trimEnd().endsWith('Login Succeeded')).toBe(true);
	});
});

describe('push-to-acr: az acr login and the pushes', () => {
	it('az acr login checks the daemon with docker ps, exchanges the Entra token, then docker login meets a 401 challenge, fetches a token and retries', () => {
		const m = step(pushToAcr, 'acr-login').messages!;
		expect(m[0]).toMatchObject({ from: 'az', to: 'cli' });
		expect(m[0]!.summary).toMatch(/^docker ps/);
		expect(m[1]!.summary).toBe('GET /containers/json');
		const exchange = m.findIndex((x) => x.from === 'az' && x.to === 'acr' && /^POST \/oauth2\/exchange/.test(x.summary));
		const login = m.findIndex((x) => x.from === 'az' && /^docker login --username 00000000-0000-0000-0000-000000000000 --password <token> myreg\.azurecr\.io$/.test(x.summary));
		expect(exchange).toBeGreaterThan(1);
		expect(m[exchange + 1]!.summary).toMatch(/refresh token \(3 hours\)/);
		expect(login).toBeGreaterThan(exchange);
		const toAcr = m.filter((x) => (x.from === 'dockerd' && x.to === 'acr') || (x.from === 'acr' && x.to === 'dockerd')).map((x) => x.summary);
		expect(toAcr[0]).toBe('GET /v2/');
		expect(toAcr[1]).toMatch(/^401 Unauthorized, WWW-Authenticate: Bearer realm="https:\/\/myreg\.azurecr\.io\/oauth2\/token"/);
		expect(toAcr[2]).toMatch(/^GET \/oauth2\/token\?service=myreg\.azurecr\.io \(basic auth: 00000000-0000-0000-0000-000000000000\)/);
		expect(toAcr[3]).toMatch(/^200/);
		expect(toAcr[4]).toMatch(/^GET \/v2\/ \(with the token\)/);
		expect(toAcr[5]).toBe('200 OK');
		expect(step(pushToAcr, 'acr-login').terminal?.output).toBe('Login Succeeded');
	});

	it('the push trades the stored ACR token (from az acr login) for a repository-scoped token with push rights', () => {
		const push = registryTraffic(pushToAcr, ['push']);
		expect(push).toContain('POST /oauth2/token (stored ACR token; scope repository:docker-whale:pull,push)');
		expect(push.at(-1)).toMatch(/^200: access token \(AcrPush role checked\)/);
	});

	it('a step shows only the traffic of the commands in its terminal: no docker step has az messages', () => {
		for (const w of walkthroughs)
			for (const s of w.steps) {
				const command = s.terminal?.command ?? '';
				if (!/^docker /.test(command)) continue;
				for (const m of s.messages ?? []) expect([m.from, m.to], `${w.id}/${s.id}: ${m.summary}`).not.toContain('az');
			}
	});
});
