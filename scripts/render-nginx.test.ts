import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressDir } from './compress.js';
import { cspDirectives, cspHeader } from './csp.js';
import { findNginx, frameAncestors, renderNginx } from './render-nginx.js';

describe('the CSP (scripts/csp.js)', () => {
	it('has no unsafe-inline or unsafe-eval, and hashes the theme script of app.html', () => {
		const d = cspDirectives();
		expect(JSON.stringify(d)).not.toMatch(/unsafe-inline|unsafe-eval/);
		expect(d['script-src']).toEqual(['self', expect.stringMatching(/^sha256-/)]);
		expect([d['object-src'], d['base-uri'], d['connect-src']]).toEqual([['none'], ['none'], ['self']]);
	});
	it('as a header: frame-ancestors added, and nothing a page needs for its hashed scripts taken away', () => {
		const header = cspHeader("'self' https://lms.example.edu");
		expect(header).toMatch(/; frame-ancestors 'self' https:\/\/lms\.example\.edu$/);
		// The header is enforced alongside each page's <meta>: script-src or default-src here would block
		// the inline scripts whose hashes only the <meta> knows.
		expect(header).not.toMatch(/script-src|default-src/);
		expect(header).toContain("object-src 'none'; base-uri 'none'");
	});
});

describe('frame-ancestors from WHEELHOUSE_ALLOWED_ORIGINS', () => {
	it('is any host by default, like the embed, and the listed origins plus the site itself otherwise', () => {
		expect(frameAncestors(undefined)).toBe('*');
		expect(frameAncestors('')).toBe('*');
		expect(frameAncestors(' https://a.example.edu , http://localhost:8080 ')).toBe("'self' https://a.example.edu http://localhost:8080");
	});
	it('refuses anything that could rewrite the policy or the nginx config', () => {
		for (const bad of ['https://a.edu; script-src *', 'https://a.edu"; return 200 "x', 'https://a.edu/path', 'javascript:alert(1)', 'https://a.edu https://b.edu', "'unsafe-inline'"])
			expect(() => frameAncestors(bad), bad).toThrow(/not an origin/);
	});
});

describe('deploy/nginx.conf, rendered', () => {
	const count = (text: string, s: string) => text.split(s).length - 1;

	it('leaves no mark unfilled, and repeats the headers in every location (add_header is not inherited)', () => {
		for (const base of ['', '/courses/wheelhouse']) {
			const conf = renderNginx({ root: '/srv/site', base, origins: 'https://lms.example.edu' });
			expect(conf).not.toMatch(/@[A-Z]+@|#if-base/);
			const locations = count(conf, '\n\tlocation ');
			expect(locations).toBe(base ? 5 : 3);
			for (const header of ['Content-Security-Policy', 'X-Content-Type-Options "nosniff"', 'Referrer-Policy "no-referrer"']) expect(count(conf, `add_header ${header}`), header).toBe(locations);
			expect(conf).toContain(`location ^~ ${base}/_app/immutable/`);
			expect(conf).toContain(`error_page 404 ${base}/404.html;`);
			expect(conf).toContain("frame-ancestors 'self' https://lms.example.edu\" always;");
		}
	});
	it('turns brotli_static on only when asked (the module may be missing)', () => {
		expect(renderNginx({ brotli: true })).toMatch(/^\tbrotli_static on;$/m);
		expect(renderNginx({ brotli: false })).not.toMatch(/^\s*brotli_static/m);
	});
	it('refuses a base, root or listen value nginx would misread', () => {
		expect(() => renderNginx({ base: '/a b' })).toThrow(/--base/);
		expect(() => renderNginx({ base: '/a;b' })).toThrow(/--base/);
		expect(() => renderNginx({ root: '/srv/x; autoindex on' })).toThrow(/--root/);
		expect(() => renderNginx({ listen: '80; x' })).toThrow(/--listen/);
	});
	it.skipIf(!findNginx())('is accepted by nginx -t, with and without a sub-path', () => {
		const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-nginx-t-'));
		try {
			mkdirSync(join(dir, 'tmp'));
			for (const base of ['', '/courses/wheelhouse']) {
				writeFileSync(join(dir, 'site.conf'), renderNginx({ root: dir, base, listen: '127.0.0.1:1', origins: 'https://lms.example.edu' }));
				writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid; error_log stderr; events {} http { include /etc/nginx/mime.types; client_body_temp_path ${dir}/tmp; include ${dir}/site.conf; }`);
				const run = spawnSync(findNginx()!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { encoding: 'utf8' });
				expect(run.stderr).toContain('syntax is ok');
				expect(run.status, run.stderr).toBe(0);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('scripts/compress.js', () => {
	it('writes .gz and .br twins that decompress to the file, and leaves small and binary files alone', () => {
		const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-compress-'));
		try {
			const page = '<p>Step</p>\n'.repeat(500);
			writeFileSync(join(dir, 'index.html'), page);
			writeFileSync(join(dir, 'tiny.js'), 'x()');
			writeFileSync(join(dir, 'pic.png'), Buffer.alloc(5000));
			const total = compressDir(dir);
			expect(total.files).toBe(1);
			expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(page);
			expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(page);
			expect(() => readFileSync(join(dir, 'tiny.js.gz'))).toThrow();
			expect(() => readFileSync(join(dir, 'pic.png.gz'))).toThrow();
			// Run again (a rebuild into the same folder): the twins are not compressed in turn.
			expect(compressDir(dir).files).toBe(1);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
