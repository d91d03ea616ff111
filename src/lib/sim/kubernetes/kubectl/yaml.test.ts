import { describe, expect, it } from 'vitest';
import { parse as oracle } from 'yaml';
import { Prng } from '../../core/prng';
import { toYaml } from './serialize';
import { parseYaml } from './yaml';

const DEPLOYMENT = `# a Deployment as the docs write it
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx   # the Pods' labels
    spec:
      containers:
      - name: nginx
        image: "nginx:1.27"
        ports:
        - containerPort: 80
          protocol: TCP
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: web}}
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    -   port: 80
        targetPort: 8080
        name: 'http'
---
apiVersion: v1
kind: Service
metadata:
  name: "quoted: yes"
  annotations:
    note: 'it''s fine'
    empty: ""
    tilde: ~
    flag: true
    list: [a, 'b c', 3]
spec:
  ports: []
`;

describe('parseYaml (the editor’s manifests)', () => {
	it.each([
		['a Deployment', DEPLOYMENT],
		['two Services, flow maps, quotes, comments', SERVICE],
		['nested sequences', 'a:\n- - 1\n  - 2\n- x: [1, {b: c}]\n  y: -3.5\n'],
		['scalars', 'i: 42\nf: 1.5\nneg: -7\nb: false\nn: null\ns: nginx:1.27\nurl: http://example.com/a#b\nyes: yes\n']
	])('reads %s as the yaml library does', (_, text) => {
		const docs = text.split(/^---$/m).map((d) => oracle(d));
		expect(parseYaml(text)).toEqual({ ok: true, documents: docs });
	});

	it.each([
		['kind: Deployment\nmetadata:\n  name: x\n spec: {}', 'yaml: line 4: mapping values are not allowed in this context (check the indentation)'],
		['a: 1\na: 2', 'yaml: line 2: mapping key "a" already defined at line 1'],
		['a:\n\tb: 1', 'yaml: line 2: found a tab character that violates indentation (indent with spaces)'],
		['a: "open', 'yaml: line 1: found unexpected end of stream (an unclosed double quote)'],
		['a: [1, 2', "yaml: line 1: did not find expected ',' or ']'"],
		['a: |\n  text', 'yaml: line 1: block scalars (| or >) are not supported here; write the value on one line, quoted'],
		['a: &x 1', 'yaml: line 1: anchors, aliases and tags are not supported here'],
		['a: b: c', 'yaml: line 1: mapping values are not allowed in this context'],
		['a: 1\n  b: 2', 'yaml: line 2: mapping values are not allowed in this context (check the indentation)'],
		['just words\nmore', 'yaml: line 2: did not find expected <document start>']
	])('%j → %s', (text, error) => expect(parseYaml(text)).toEqual({ ok: false, error }));

	it('property: any object of maps, lists and scalars reads back from toYaml (and as the yaml library reads it)', () => {
		const rng = new Prng('yaml-roundtrip');
		const words = ['nginx', 'app', 'a b', 'x:y', '80', 'true', '', '-dash', '#hash', "it's", 'say "hi"', 'null', '1.5', 'ü'];
		const value = (depth: number): unknown => {
			const r = rng.int(depth > 2 ? 4 : 7);
			if (r === 0) return rng.pick(words);
			if (r === 1) return rng.int(1000) - 500;
			if (r === 2) return rng.next() < 0.5;
			if (r === 3) return null;
			if (r === 4) return Array.from({ length: rng.int(4) }, () => value(depth + 1));
			return Object.fromEntries(Array.from({ length: 1 + rng.int(4) }, (_, i) => [`${rng.pick(words)}${i}`, value(depth + 1)]));
		};
		for (let i = 0; i < 300; i++) {
			const v = { root: value(0) };
			const text = toYaml(v);
			expect(parseYaml(text), text).toEqual({ ok: true, documents: [v] });
			expect(oracle(text), text).toEqual(v);
		}
	});

	it('property: random text never throws, and an error always names a line', () => {
		const rng = new Prng('yaml-garbage');
		const bits = ['a', ':', ' ', '  ', '\n', '- ', '"', "'", '[', ']', '{', '}', ',', '#', 'x: ', '\t', '|', '&', '1'];
		for (let i = 0; i < 2000; i++) {
			const text = Array.from({ length: rng.int(30) }, () => rng.pick(bits)).join('');
			const r = parseYaml(text);
			if (!r.ok) expect(r.error).toMatch(/^yaml: line \d+: \S/);
		}
	});
});
