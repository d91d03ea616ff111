// Regression tests for scripts/serve.js: requests as an attacker (or a confused client) sends them,
// byte for byte over a socket, so nothing in between normalises them first. After every bad request
// the server must still answer a good one.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, parseTarget } from './serve.js';

let dir: string;
let server: Server;
let port: number;

type Reply = { status: number; headers: Record<string, string>; body: string };

/** One raw HTTP/1.1 request; the target goes on the wire exactly as given. */
function raw(target: string, method = 'GET'): Promise<Reply> {
	return new Promise((done, fail) => {
		const socket = connect(port, '127.0.0.1');
		let data = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk) => (data += chunk));
		socket.on('error', fail);
		socket.on('end', () => {
			const [head = '', ...rest] = data.split('\r\n\r\n');
			const [statusLine = '', ...lines] = head.split('\r\n');
			const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
			done({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
		});
		socket.write(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, 'latin1');
	});
}

beforeAll(async () => {
	// site/ is served; site-subpath/ and secret.txt beside it must never be.
	dir = mkdtempSync(join(tmpdir(), 'wheelhouse-serve-'));
	const site = join(dir, 'build');
	mkdirSync(join(site, 'explore', 'a'), { recursive: true });
	mkdirSync(join(site, '_app', 'immutable'), { recursive: true });
	mkdirSync(join(dir, 'build-subpath'));
	writeFileSync(join(site, 'index.html'), 'HOME');
	writeFileSync(join(site, '404.html'), 'NOT FOUND PAGE');
	writeFileSync(join(site, 'explore', 'a', 'index.html'), 'PAGE A');
	writeFileSync(join(site, '_app', 'immutable', 'x.js'), 'JS');
	writeFileSync(join(dir, 'build-subpath', 'index.html'), 'SIBLING SECRET');
	writeFileSync(join(dir, 'secret.txt'), 'SECRET');
	symlinkSync(join(dir, 'secret.txt'), join(site, 'link.txt'));
	symlinkSync(join(dir, 'build-subpath'), join(site, 'linkdir'));
	writeFileSync(join(site, 'inside.txt'), 'INSIDE');
	symlinkSync(join(site, 'inside.txt'), join(site, 'ok-link.txt'));
	server = createStaticServer(site);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
	await new Promise((r) => server.close(r));
	rmSync(dir, { recursive: true, force: true });
});

async function stillServing() {
	const home = await raw('/');
	expect(home.status).toBe(200);
	expect(home.body).toBe('HOME');
}

describe('serve.js under bad requests', () => {
	it('serves the site as before', async () => {
		expect((await raw('/explore/a/')).body).toBe('PAGE A');
		const redirect = await raw('/explore/a?step=2');
		expect(redirect.status).toBe(301);
		expect(redirect.headers.location).toBe('/explore/a/?step=2');
		const js = await raw('/_app/immutable/x.js?v=1&x=%E0%A4%A');
		expect([js.status, js.body, js.headers['cache-control']]).toEqual([200, 'JS', 'public, max-age=31536000, immutable']);
		const missing = await raw('/nope/');
		expect([missing.status, missing.body]).toEqual([404, 'NOT FOUND PAGE']);
		expect((await raw('/ok-link.txt')).body).toBe('INSIDE');
	});

	it('answers a malformed escape with 400 and keeps running (issue 18)', async () => {
		for (const target of ['/%E0%A4%A', '/%', '/%zz', '/explore/%E0%A4%A/', '/%C0%AE%C0%AE/']) {
			expect((await raw(target)).status, target).toBe(400);
			await stillServing();
		}
	});

	it('never serves a sibling folder whose name starts like the site folder (issue 18)', async () => {
		for (const target of ['/..%2fbuild-subpath%2findex.html', '/..%2Fbuild-subpath/', '/%2e%2e/build-subpath/index.html']) {
			const reply = await raw(target);
			expect(reply.status, target).toBe(403);
			expect(reply.body).not.toContain('SECRET');
		}
		await stillServing();
	});

	it('refuses ".." in every encoding, with backslashes, and double-encoded', async () => {
		const climbs = ['/../secret.txt', '/explore/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/.%2e/secret.txt', '/%2e./secret.txt', '/explore/%2e%2e/%2e%2e/secret.txt', '/./index.html'];
		for (const target of climbs) {
			const reply = await raw(target);
			expect(reply.status, target).toBe(403);
			expect(reply.body).not.toContain('SECRET');
		}
		for (const target of ['/..\\secret.txt', '/%5c..%5csecret.txt', '/..%5Csecret.txt', '/explore\\a\\index.html']) {
			const reply = await raw(target);
			expect(reply.status, target).toBe(400);
		}
		// Decoded once only: "%252e%252e" is the literal name "%2e%2e", which is not there.
		for (const target of ['/%252e%252e/secret.txt', '/%252e%252e%252fsecret.txt', '/%255c..%255csecret.txt']) {
			const reply = await raw(target);
			expect(reply.status, target).toBe(404);
			expect(reply.body).toBe('NOT FOUND PAGE');
		}
		await stillServing();
	});

	it('refuses NUL and other control characters, and CR/LF cannot reach a header', async () => {
		for (const target of ['/index.html%00', '/%00/../secret.txt', '/explore%0d%0aSet-Cookie:%20x=1', '/explore%0a']) {
			const reply = await raw(target);
			expect(reply.status, target).toBe(400);
			expect(reply.headers['set-cookie']).toBeUndefined();
		}
		await stillServing();
	});

	it('never redirects to another host', async () => {
		for (const target of ['//explore', '///explore', '//explore/a']) {
			const reply = await raw(target);
			expect(reply.headers.location ?? '', target).not.toMatch(/^\/\//);
		}
		await stillServing();
	});

	it('refuses very long paths with 414 (or the HTTP parser\'s 431) and keeps running', async () => {
		expect((await raw('/' + 'a'.repeat(5_000))).status).toBe(414);
		expect((await raw('/' + 'a/'.repeat(3_000))).status).toBe(414);
		expect([414, 431]).toContain((await raw('/' + 'a'.repeat(100_000))).status);
		// Within the limit but too long a name for the filesystem (ENAMETOOLONG): just not found.
		expect((await raw('/' + 'a'.repeat(4_000))).status).toBe(404);
		await stillServing();
	});

	it('does not follow symlinks out of the site', async () => {
		for (const target of ['/link.txt', '/linkdir/', '/linkdir/index.html']) {
			const reply = await raw(target);
			expect(reply.status, target).toBe(403);
			expect(reply.body).not.toContain('SECRET');
		}
		await stillServing();
	});

	it('answers HEAD with headers only, and other methods with 405', async () => {
		const head = await raw('/explore/a/', 'HEAD');
		expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '6']);
		const missing = await raw('/nope', 'HEAD');
		expect([missing.status, missing.body]).toEqual([404, '']);
		for (const method of ['POST', 'PUT', 'DELETE', 'TRACE']) {
			const reply = await raw('/', method);
			expect([reply.status, reply.headers.allow], method).toEqual([405, 'GET, HEAD']);
		}
		await stillServing();
	});

	it('rejects targets that are not paths', async () => {
		expect(parseTarget('*')).toMatchObject({ status: 400 });
		expect(parseTarget('http://evil.example/')).toMatchObject({ status: 400 });
		expect(parseTarget('/a/b?x=%E0')).toEqual({ path: '/a/b', search: '?x=%E0' });
	});
});
