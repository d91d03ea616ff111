import { describe, expect, it } from 'vitest';
import { Prng } from '../../core/prng';
import { complete } from './complete';
import { parseCommand } from './parse';
import { sandbox } from './testing';

/** What every line kubectl prints on stderr here starts with: a message, never a stack trace. */
const CLEAR = /^(error: |Error from server \(\w+\): |The \w+ "|No resources found|Type a kubectl command|\S+: command not found|Warning: |There are pending)/;

const PIECES = ['kubectl', 'get', 'describe', 'create', 'deployment', 'deploy', 'scale', 'set', 'image', 'rollout', 'status', 'history', 'undo', 'expose', 'delete', 'cordon', 'uncordon', 'drain', 'logs', 'apply', 'port-forward', 'pods', 'po', 'rs', 'no', 'svc', 'ep', 'ev', 'endpointslices', 'nginx', 'web', 'node-1', 'node-2', 'node-9', 'deployment/nginx', 'pod/x', '-o', 'wide', '-owide', '-w', '-A', '-n', 'default', 'kube-system', '--replicas=2', '--replicas', '7', '--replicas=-1', '--image=nginx', '--image=nginx:1.27', '--port=80', '--type=NodePort', '--to-revision=1', '--ignore-daemonsets', '--force', '-f', '-', '-l', 'app=nginx', 'nginx=nginx:1.27', '"', "'", '|', '--', '--bogus', '-x', '=', 'x=y', '🙂', ''];

function randomLine(rng: Prng): string {
	const words = Array.from({ length: 1 + rng.int(6) }, () => rng.pick(PIECES));
	if (rng.next() < 0.8) words.unshift('kubectl');
	return words.join(rng.next() < 0.9 ? ' ' : '  ');
}

describe('kubectl prompt properties', () => {
	it('random command lines never throw; each ends in output or a clear error, and completion never throws either', () => {
		const rng = new Prng('prompt-fuzz');
		const s = sandbox('prompt-fuzz');
		s.run('kubectl create deployment nginx --image=nginx --replicas=2');
		s.settle();
		s.editor.text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80';
		for (let i = 0; i < 250; i++) {
			const line = randomLine(rng);
			const errors: string[] = [];
			const out: string[] = [];
			let code: number | undefined;
			const handle = s.prompt.run(line, { out: (t) => void out.push(t), err: (t) => void errors.push(t), done: (c) => void (code = c) });
			s.c.cp.sim.queue.runUntil(s.c.cp.sim.now + 3_000);
			handle.stop();
			for (const e of errors) expect(e, line).toMatch(CLEAR);
			if (code === 1) expect(errors.length, line).toBeGreaterThan(0);
			if (code === 0) expect(errors.filter((e) => e.startsWith('error')), line).toEqual([]);
			expect(() => complete(line, rng.int(line.length + 1), () => ['nginx', 'node-1'])).not.toThrow();
		}
	});

	it('the parser gives a command or a message for any text', () => {
		const rng = new Prng('parse-fuzz');
		const chars = 'kubectl get pods -o=wide "\'\\/ \t\n-- =💥';
		for (let i = 0; i < 5000; i++) {
			const line = Array.from({ length: rng.int(40) }, () => chars[rng.int(chars.length)]).join('');
			const r = parseCommand(line);
			if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
			else expect(r.command.verb).toBeTruthy();
		}
	});

	it('determinism: the same seed and the same commands give the same trace and the same output, byte for byte', () => {
		const script = [
			'kubectl create deployment nginx --image=nginx --replicas=3',
			'kubectl scale deployment nginx --replicas=5',
			'kubectl get pods -o wide',
			'kubectl cordon node-1',
			'kubectl drain node-2 --ignore-daemonsets',
			'kubectl set image deployment/nginx nginx=nginx:1.27',
			'kubectl rollout status deployment/nginx',
			'kubectl rollout undo deployment/nginx',
			'kubectl get rs',
			'kubectl describe deployment nginx',
			'kubectl delete pod nope',
			'kubectl get events'
		];
		const record = () => {
			const s = sandbox('prompt-determinism');
			const outputs = script.map((line) => {
				const r = s.run(line, 120_000);
				s.settle();
				return r.text;
			});
			return { trace: s.c.cp.sim.trace.text(), outputs };
		};
		const a = record();
		const b = record();
		expect(b.outputs).toEqual(a.outputs);
		expect(b.trace === a.trace).toBe(true);
		expect(a.outputs[4]).toMatch(/node\/node-2 drained$/);
		expect(a.trace).toContain('[user] kubectl rollout undo deployment/nginx');
	});
});
