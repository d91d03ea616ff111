import { describe, expect, it } from 'vitest';
import { familiarName, familiarTagged, fullName, parseReference } from './reference';

describe('parseReference (distribution/reference normalisation)', () => {
	it.each([
		['nginx', 'docker.io/library/nginx:latest', 'nginx'],
		['nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx'],
		['docker.io/nginx', 'docker.io/library/nginx:latest', 'nginx'],
		['index.docker.io/library/nginx', 'docker.io/library/nginx:latest', 'nginx'],
		['student/docker-whale', 'docker.io/student/docker-whale:latest', 'student/docker-whale'],
		['myreg.azurecr.io/docker-whale:v1', 'myreg.azurecr.io/docker-whale:v1', 'myreg.azurecr.io/docker-whale'],
		['localhost:5000/app', 'localhost:5000/app:latest', 'localhost:5000/app'],
		[`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`, 'nginx']
	])('%s → %s', (input, full, familiar) => {
		const ref = parseReference(input);
		expect(fullName(ref)).toBe(full);
		expect(familiarName(ref)).toBe(familiar);
	});

	it.each([
		['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
		['nginx:', 'invalid reference format'],
		['nginx::1', 'invalid reference format'],
		['-nginx', 'invalid reference format'],
		['nginx@sha256:abc', 'invalid reference format'],
		['', 'invalid reference format'],
		['a//b', 'invalid reference format']
	])('refuses %j with the CLI message', (input, message) => {
		expect(() => parseReference(input)).toThrow(message);
	});

	it('tags as docker images shows them', () => {
		expect(familiarTagged(parseReference('docker.io/library/debian:trixie-slim'))).toBe('debian:trixie-slim');
	});
});
