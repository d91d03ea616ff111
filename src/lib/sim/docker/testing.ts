// Test support: an engine with a Docker Hub account and an Azure registry, and a terminal-like runner.
import { DockerEngine, type EngineOptions } from './engine';

export const WHALE_DOCKERFILE = 'FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y cowsay fortune\nENV PATH=/usr/games:$PATH\nCMD fortune | cowsay\n';

export function testEngine(seed: string | number = 'test', options: Partial<EngineOptions> = {}): DockerEngine {
	return new DockerEngine({
		seed,
		hub: { users: { student: 'pat' } },
		acr: { name: 'myreg', roles: { 'student@school.edu': 'AcrPush' } },
		...options
	});
}

/** Runs a command; returns its output as one text and its exit status (undefined while it runs). */
export function sh(e: DockerEngine, line: string): { text: string; code: number | undefined; lines: string[] } {
	const t = e.run(line);
	return { text: t.result?.output.join('\n') ?? '', code: t.result?.exitCode, lines: t.result?.output ?? [] };
}

/** The messages sent since trace index `from`, as `from → to: summary`. */
export function messagesSince(e: DockerEngine, from: number): string[] {
	return e.sim.trace.slice(from).flatMap((x) => (x.type === 'message' ? [`${x.from} → ${x.to}: ${x.summary}`] : []));
}
