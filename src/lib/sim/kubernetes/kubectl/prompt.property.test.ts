import { describe, expect, it } from 'vitest';
import { Prng } from '../../core/prng';
import { complete } from './complete';
import { parseCommand } from './parse';
import { toYaml } from './serialize';
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

	it('apply of mutated manifests (fields removed, retyped, emptied) never throws; each ends in a line per object or a clear error', () => {
		const rng = new Prng('apply-fuzz');
		const s = sandbox('apply-fuzz');
		const base = () => ({
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: { name: 'web', labels: { app: 'web' } },
			spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] } } }
		});
		const service = () => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } });
		const odd = [null, 'x', 7, -1, 0, true, [], {}, ['a'], { a: 1 }, 'LoadBalancer', 70000];
		const mutate = (o: unknown, depth = 0): unknown => {
			if (typeof o !== 'object' || o === null) return o;
			const copy: Record<string, unknown> = Array.isArray(o) ? ([...o] as unknown as Record<string, unknown>) : { ...o };
			const keys = Object.keys(copy);
			if (keys.length === 0) return copy;
			const key = rng.pick(keys);
			const r = rng.next();
			if (r < 0.2 && depth > 0) delete copy[key];
			else if (r < 0.45) copy[key] = rng.pick(odd);
			else copy[key] = mutate(copy[key], depth + 1);
			return copy;
		};
		for (let i = 0; i < 150; i++) {
			const docs = [rng.next() < 0.5 ? base() : service(), ...(rng.next() < 0.3 ? [service()] : [])].map((d) => (rng.next() < 0.85 ? mutate(d) : d));
			s.editor.text = docs.map((d) => toYaml(d)).join('\n---\n');
			const errors: string[] = [];
			let code: number | undefined;
			const handle = s.prompt.run('kubectl apply -f -', { out: () => undefined, err: (t) => void errors.push(t), done: (c) => void (code = c) });
			s.c.cp.sim.queue.runUntil(s.c.cp.sim.now + 2_000);
			handle.stop();
			expect(code, s.editor.text).toBeDefined();
			for (const e of errors) expect(e, s.editor.text).toMatch(CLEAR);
			if (code === 1) expect(errors.length, s.editor.text).toBeGreaterThan(0);
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
