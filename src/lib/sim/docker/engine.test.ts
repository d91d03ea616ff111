import { describe, expect, it } from 'vitest';
import { DockerEngine } from './engine';

const out = (e: DockerEngine, line: string) => {
	const t = e.run(line);
	return { text: t.result?.output.join('\n') ?? '(running)', code: t.result?.exitCode };
};

describe('DockerEngine: pull and run', () => {
	it('pulls nginx, runs it detached, lists it, stops and removes it', () => {
		const e = new DockerEngine({ seed: 'e2e' });
		const pull = out(e, 'docker pull nginx');
		console.log(pull.text);
		const run = out(e, 'docker run -d --name web -p 8080:80 nginx');
		console.log(run.text);
		e.wait(5_000);
		console.log(out(e, 'docker ps').text);
		console.log(out(e, 'docker images').text);
		console.log(out(e, 'docker history nginx').text);
		console.log(out(e, 'docker stop web').text);
		console.log(out(e, 'docker ps -a').text);
		console.log(out(e, 'docker rm web').text);
		console.log(e.sim.trace.text().slice(0, 9000));
	});
});
