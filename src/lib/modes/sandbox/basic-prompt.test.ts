import { describe, expect, it } from 'vitest';
import { LiveRun } from './live-run';
import { parseLine } from './basic-prompt';
import { PromptHistory } from './prompt';

const run = () => new LiveRun({ seed: 'p', preset: 'nginx', actions: [], until: 0 }, { nodeLifecycle: true });
/** Runs a line through the live run (as the page does) and returns what it printed. */
function say(r: LiveRun, line: string): string {
	let out = '(no answer)';
	r.act(line, (o) => (out = o));
	return out;
}

describe('basicPrompt (temporary)', () => {
	it.each([
		['kubectl', /does not know "kubectl " yet\. It knows: get/],
		['kubectl apply -f x.yaml', /does not know "kubectl apply" yet/],
		['get pods', /start with "kubectl"/],
		['kubectl get things', /get needs one of: pods, .* \(not "things"\)/],
		['kubectl scale deployment nginx', /--replicas=N is required/],
		['kubectl scale deployment nginx --replicas=lots', /--replicas=N is required/],
		['kubectl scale pod x --replicas=2', /scales Deployments/],
		['kubectl create deployment web', /kubectl create deployment NAME --image=IMAGE/],
		['kubectl create deployment web --image=nginx --replicas=-1', /--replicas must be a whole number/],
		['kubectl delete node node-1', /deletes pods, deployments and services \(not "node"\)/],
		['kubectl expose deployment nginx --port=80 --type=Magic', /--type must be ClusterIP, NodePort or LoadBalancer/],
		['kubectl cordon', /kubectl cordon NODE/]
	])('%s → a clear error', (line, error) => expect(say(run(), line)).toMatch(error));

	it("gives the API server's errors as kubectl prints them", () => {
		expect(say(run(), 'kubectl scale deployment web --replicas=2')).toBe('Error from server (NotFound): deployments.apps "web" not found');
		expect(say(run(), 'kubectl cordon node-7')).toMatch(/^Error from server \(NotFound\): nodes "node-7" not found/);
	});

	it('runs what it knows', () => {
		const r = run();
		expect(say(r, 'kubectl get deploy')).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\nnginx\s+3\/3/);
		expect(say(r, 'kubectl scale deployment/nginx --replicas 4')).toBe('deployment.apps/nginx scaled');
		expect(say(r, 'kubectl cordon node-1')).toBe('node/node-1 cordoned');
		expect(say(r, 'kubectl get nodes')).toMatch(/node-1\s+Ready,SchedulingDisabled/);
	});

	it('completes verbs, resources and the names of what exists', () => {
		const r = run();
		expect(r.prompt.complete('kub', 3)).toEqual(['kubectl']);
		expect(r.prompt.complete('kubectl sc', 10)).toEqual(['scale']);
		expect(r.prompt.complete('kubectl cordon n', 16)).toEqual(['node-1', 'node-2', 'node-3']);
		const pods = r.pods().map((p) => p.name);
		expect(r.prompt.complete('kubectl delete pod ', 19)).toEqual(pods);
		expect(r.prompt.complete('kubectl delete pod ng', 21)).toEqual(pods);
		expect(r.prompt.complete('kubectl delete pod zz', 21)).toEqual([]);
	});

	it('parses flags with = or a space', () => {
		expect(parseLine(' kubectl  drain node-2 --ignore-daemonsets --grace-period 5 -o=wide')).toEqual({ words: ['kubectl', 'drain', 'node-2'], flags: { 'ignore-daemonsets': 'true', 'grace-period': '5', o: 'wide' } });
	});
});

describe('PromptHistory', () => {
	it('↑ goes back, ↓ comes forward to the draft', () => {
		const h = new PromptHistory();
		h.push('a');
		h.push('b');
		h.push('b');
		expect(h.older('dra')).toBe('b');
		expect(h.older('b')).toBe('a');
		expect(h.older('a')).toBe('a');
		expect(h.newer()).toBe('b');
		expect(h.newer()).toBe('dra');
		expect(h.newer()).toBe('dra');
	});
});
