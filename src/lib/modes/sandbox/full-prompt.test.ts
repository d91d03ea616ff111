import { describe, expect, it } from 'vitest';
import { allComponents } from '$lib/sim/kubernetes/cluster/all-components';
import { LiveRun } from './live-run';

// The sandbox's prompt is the full kubectl: what a learner types gets kubectl's answers.
const started = () => new LiveRun({ seed: 'p', preset: 'nginx', actions: [], until: 0 }, { nodeLifecycle: true }, allComponents);
const answer = (run: LiveRun, line: string) => {
	let out: string | undefined;
	run.act(line, (o) => (out = o));
	return out;
};

describe('the sandbox prompt', () => {
	it('prints kubectl get pods as kubectl does, one row a Pod', () => {
		const out = answer(started(), 'kubectl get pods');
		expect(out?.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
		expect(out?.split('\n').slice(1).filter((l) => / Running /.test(l))).toHaveLength(3);
	});
	it('kubectl logs reaches the Pod through the API server and its node\'s kubelet', () => {
		const run = started();
		const pod = run.pods()[0]!.name;
		expect(answer(run, `kubectl logs ${pod}`)).toMatch(/^\/docker-entrypoint\.sh: Configuration complete; ready for start up\n.*start worker processes$/);
		expect(answer(run, 'kubectl logs nginx-nope')).toBe('Error from server (NotFound): pods "nginx-nope" not found');
	});
	it.each(['kubectl get pods -w', 'kubectl get deploy --watch', 'kubectl get pods --watch-only=true'])('refuses %s with a reason, rather than printing nothing forever', (line) => {
		expect(answer(started(), line)).toMatch(/^error: kubectl get -w is not supported at this prompt/);
	});
	it('names what it supports when a command is not', () => {
		expect(answer(started(), 'kubectl port-forward svc/nginx 8080:80')).toMatch(/^error: kubectl port-forward is not supported here\.\nSupported/);
	});
});
