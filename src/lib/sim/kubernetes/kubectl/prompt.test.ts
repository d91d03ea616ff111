import { describe, expect, it } from 'vitest';
import { linePrompt } from './line-prompt';
import { sandbox } from './testing';

const rows = (text: string) => text.split('\n').slice(1);

describe('kubectl prompt on a seeded cluster', () => {
	it('create, scale to 5, get pods once settled: 5 Running rows; get deployments as kubectl prints it', () => {
		const s = sandbox('prompt-scale');
		expect(s.run('kubectl create deployment nginx --image=nginx --replicas=3').text).toBe('deployment.apps/nginx created');
		s.settle();
		expect(s.run('kubectl scale deployment nginx --replicas=5').text).toBe('deployment.apps/nginx scaled');
		s.settle();
		const pods = s.run('kubectl get pods');
		expect(pods.code).toBe(0);
		expect(pods.lines[0]?.split('\n')[0]).toMatch(/^NAME {2,}READY {3}STATUS {4}RESTARTS {3}AGE$/);
		expect(rows(pods.text)).toHaveLength(5);
		for (const row of rows(pods.text)) expect(row).toMatch(/^nginx-[a-z0-9]{10}-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}\d+s$/);
		const deploy = s.run('kubectl get deploy');
		expect(deploy.text).toMatch(/^NAME {4}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nnginx {3}5\/5 {5}5 {12}5 {11}\d+s$/);
		const several = s.run('kubectl get deploy,rs').text.split('\n');
		expect(several[0]).toMatch(/^NAME {20}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE$/);
		expect(several[1]).toMatch(/^deployment\.apps\/nginx {3}5\/5 /);
		expect(several[2]).toBe('');
		expect(several[3]).toMatch(/^NAME {31}DESIRED {3}CURRENT {3}READY {3}AGE$/);
		expect(several[4]).toMatch(/^replicaset\.apps\/nginx-[a-z0-9]{10} {3}5 {9}5 {9}5 {7}\d+s$/);
		const wide = s.run('kubectl get rs -o wide');
		expect(wide.text.split('\n')[0]).toMatch(/^NAME +DESIRED +CURRENT +READY +AGE +CONTAINERS +IMAGES +SELECTOR$/);
		expect(wide.text).toMatch(/ nginx +nginx +app=nginx,pod-template-hash=[a-z0-9]{10}$/);
	});

	it('answers errors as kubectl does: NotFound from the server, an empty list on stderr', () => {
		const s = sandbox('prompt-errors');
		const missing = s.run('kubectl delete deployment x');
		expect(missing).toMatchObject({ text: 'Error from server (NotFound): deployments.apps "x" not found', code: 1 });
		expect(s.run('kubectl get pods').text).toBe('No resources found in default namespace.');
		expect(s.run('kubectl get pod nope').text).toBe('Error from server (NotFound): pods "nope" not found');
		expect(s.run('kubectl scale deployment x --replicas=2').text).toBe('Error from server (NotFound): deployments.apps "x" not found');
		expect(s.run('kubectl get nodes').text).toMatch(/^NAME {5}STATUS {3}ROLES {4}AGE {3}VERSION\nnode-1 {3}Ready {4}<none> {3}\d+s {4}v1\.36\.4/);
		expect(s.run('kubectl get nodes --bogus').text).toContain('error: unknown flag: --bogus');
		// The failed command was not sent: no action in the trace.
		expect(s.c.cp.sim.trace.text()).not.toContain('--bogus');
	});

	it('cordon: the node is SchedulingDisabled and new Pods avoid it; uncordon lifts it', () => {
		const s = sandbox('prompt-cordon');
		s.run('kubectl create deployment nginx --image=nginx --replicas=3');
		s.settle();
		expect(s.run('kubectl cordon node-2').text).toBe('node/node-2 cordoned');
		expect(s.run('kubectl cordon node-2').text).toBe('node/node-2 already cordoned');
		expect(s.run('kubectl get nodes').text).toMatch(/\nnode-2 +Ready,SchedulingDisabled +<none>/);
		const before = new Set(s.c.pods().map((p) => p.metadata.name));
		s.run('kubectl scale deployment nginx --replicas=9');
		s.settle();
		const added = s.c.pods().filter((p) => !before.has(p.metadata.name));
		expect(added).toHaveLength(6);
		expect(added.map((p) => p.spec.nodeName)).not.toContain('node-2');
		expect(s.run('kubectl uncordon node-2').text).toBe('node/node-2 uncordoned');
	});

	it('drain: cordons, evicts every Pod on the node, prints each, and the Pods come back elsewhere', () => {
		const s = sandbox('prompt-drain');
		s.run('kubectl create deployment nginx --image=nginx --replicas=3');
		s.settle();
		const victims = s.c.pods().filter((p) => p.spec.nodeName === 'node-2').map((p) => p.metadata.name);
		expect(victims.length).toBeGreaterThan(0);
		const drained = s.run('kubectl drain node-2 --ignore-daemonsets');
		expect(drained.code).toBe(0);
		expect(drained.lines[0]).toBe('node/node-2 cordoned');
		for (const v of victims) {
			expect(drained.lines).toContain(`evicting pod default/${v}`);
			expect(drained.lines.indexOf(`pod/${v} evicted`)).toBeGreaterThan(drained.lines.indexOf(`evicting pod default/${v}`));
		}
		expect(drained.lines.at(-1)).toBe('node/node-2 drained');
		expect(s.c.cp.sim.trace.text()).toContain(`POST /api/v1/namespaces/default/pods/${victims[0]}/eviction (drain node-2)`);
		s.settle();
		expect(s.c.pods().filter((p) => p.spec.nodeName === 'node-2')).toHaveLength(0);
		expect(s.c.pods()).toHaveLength(3);
	});

	it('set image makes a new ReplicaSet (revision 2); rollout status follows it; history lists 1 and 2; undo goes back and revision 1 becomes 3', () => {
		const s = sandbox('prompt-rollout');
		s.run('kubectl create deployment nginx --image=nginx --replicas=3');
		s.settle();
		expect(s.c.deployments()[0]?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
		const first = s.c.replicaSets()[0]?.metadata.name;
		expect(s.run('kubectl set image deployment/nginx nginx=nginx:1.27').text).toBe('deployment.apps/nginx image updated');
		expect(s.c.cp.sim.trace.text()).toMatch(/PATCH \/apis\/apps\/v1\/namespaces\/default\/deployments\/nginx \(image nginx=nginx:1\.27\)/);
		const status = s.run('kubectl rollout status deployment/nginx', 300_000);
		expect(status.code).toBe(0);
		expect(status.lines[0]).toMatch(/^Waiting for deployment "nginx" rollout to finish: /);
		expect(status.lines.at(-1)).toBe('deployment "nginx" successfully rolled out');
		s.settle();
		expect(s.c.replicaSets()).toHaveLength(2);
		expect(s.c.deployments()[0]?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
		expect(s.run('kubectl rollout history deployment/nginx').text).toBe('deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n');
		expect(s.run('kubectl rollout history deployment/nginx --revision=2').text).toContain('    Image:         nginx:1.27');
		expect(s.run('kubectl rollout undo deployment/nginx').text).toBe('deployment.apps/nginx rolled back');
		s.settle();
		const d = s.c.deployments()[0];
		expect(d?.spec.template.spec.containers[0]?.image).toBe('nginx');
		expect(d?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
		expect(s.c.replicaSets().find((rs) => rs.metadata.name === first)?.spec.replicas).toBe(3);
		expect(s.run('kubectl rollout history deployment/nginx').text).toBe('deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n');
		expect(s.run('kubectl rollout undo deployment/nginx --to-revision=3').text).toBe('deployment.apps/nginx skipped rollback (current template already matches revision 3)');
		expect(s.run('kubectl rollout undo deployment/nginx --to-revision=7').text).toBe('error: unable to find specified revision 7 in history');
	});

	it('delete pod prints the line at once and returns when the Pod is gone; the ReplicaSet replaces it', () => {
		const s = sandbox('prompt-delete');
		s.run('kubectl create deployment nginx --image=nginx --replicas=2');
		s.settle();
		const victim = s.c.pods()[0]?.metadata.name ?? '';
		const del = s.run(`kubectl delete pod ${victim}`);
		expect(del).toMatchObject({ text: `pod "${victim}" deleted from default namespace`, code: 0 });
		expect(s.c.pods().map((p) => p.metadata.name)).not.toContain(victim);
		s.settle();
		expect(s.c.pods()).toHaveLength(2);
	});

	it('expose and describe service; describe pod and deployment as kubectl aligns them', () => {
		const s = sandbox('prompt-describe');
		s.run('kubectl create deployment web --image=nginx --replicas=2 --port=80');
		s.settle();
		expect(s.run('kubectl expose deployment web --type=NodePort').text).toBe('service/web exposed');
		s.settle();
		const svc = s.run('kubectl describe svc web').text;
		expect(svc).toMatch(/^Name: {21}web\nNamespace: {16}default\n/);
		expect(svc).toMatch(/\nEndpoints: {16}10\.244\.\d\.\d+:80,10\.244\.\d\.\d+:80\n/);
		const pod = s.c.pods()[0]?.metadata.name ?? '';
		const described = s.run(`kubectl describe pod ${pod}`).text;
		expect(described).toContain(`Name:             ${pod}\n`);
		expect(described).toMatch(/\nControlled By: {2}ReplicaSet\/web-[a-z0-9]{10}\n/);
		expect(described).toMatch(/\n {2}Normal {2}Scheduled {2}\d+s +default-scheduler {2}Successfully assigned default\//);
		const dep = s.run('kubectl describe deployment web').text;
		expect(dep).toContain('Annotations:            deployment.kubernetes.io/revision: 1\n');
		expect(dep).toContain('Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n');
		expect(dep).toMatch(/NewReplicaSet: {3}web-[a-z0-9]{10} \(2\/2 replicas created\)/);
		expect(s.run('kubectl describe node node-1').text).toMatch(/^Name: {15}node-1\nRoles: {14}<none>\nLabels: {13}kubernetes.io\/arch=amd64\n {20}kubernetes.io\/hostname=node-1\n/);
	});

	it('apply -f -: created, then unchanged, then configured; a bad manifest is refused with its line', () => {
		const s = sandbox('prompt-apply');
		s.editor.text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 2', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers:', '      - name: web', '        image: nginx'].join('\n');
		expect(s.run('kubectl apply -f -').text).toBe('deployment.apps/web created');
		s.settle();
		expect(s.run('kubectl apply -f -').text).toBe('deployment.apps/web unchanged');
		s.editor.text = s.editor.text.replace('replicas: 2', 'replicas: 4');
		expect(s.run('kubectl apply -f -').text).toBe('deployment.apps/web configured');
		s.settle();
		expect(s.c.pods()).toHaveLength(4);
		s.editor.text = 'kind: Deployment\nmetadata:\n  name: x\n spec: {}';
		expect(s.run('kubectl apply -f -').text).toBe('error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context (check the indentation)');
		s.editor.text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x';
		expect(s.run('kubectl apply -f -').text).toBe('error: kind ConfigMap is not supported here: apply takes Deployment (apps/v1) and Service (v1) manifests');
		expect(s.run('kubectl apply -f web.yaml').text).toBe('error: the path "web.yaml" does not exist');
		// A Service: the server's clusterIP, nodePort and protocol do not count as changes the second time.
		const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n';
		s.editor.text = service;
		expect(s.run('kubectl apply -f -').text).toBe('service/web created');
		expect(s.run('kubectl apply -f -').text).toBe('service/web unchanged');
		// A manifest that drops what the last one set: the patch removes required fields and the server refuses it.
		s.editor.text = `${service}---\n# the Deployment, cut short\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 4}`;
		const cut = s.run('kubectl apply -f -');
		expect(cut).toMatchObject({ text: 'service/web unchanged\nThe Deployment "web" is invalid: [spec.selector: Required value, spec.template.spec.containers: Required value]', code: 1 });
		s.editor.text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other, labels: {version: 1}}\nspec: {}';
		expect(s.run('kubectl apply -f -').text).toBe('Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
	});

	it('get -w prints the table, then a row per change, until stopped', () => {
		const s = sandbox('prompt-watch');
		s.run('kubectl create deployment nginx --image=nginx --replicas=1');
		s.settle();
		const w = s.run('kubectl get deploy -w', 2_000);
		expect(w.code).toBeUndefined();
		expect(w.lines).toHaveLength(1);
		s.run('kubectl scale deployment nginx --replicas=2');
		s.settle();
		expect(w.lines.length).toBeGreaterThan(1);
		expect(w.lines.at(-1)).toMatch(/^nginx {3}2\/2 {3}2 {3}2 {3}\d+s$/);
		w.stop();
		const seen = w.lines.length;
		s.run('kubectl scale deployment nginx --replicas=1');
		s.settle();
		expect(w.lines).toHaveLength(seen);
	});

	it('logs: through the source the lead connects, with --tail; without one, a clear message', () => {
		const s = sandbox('prompt-logs', {}, { logs: (req, done) => done(req.pod === 'p' ? { ok: true, text: 'a\nb\nc\n' } : { ok: false, message: `Error from server (NotFound): pods "${req.pod}" not found` }) });
		expect(s.run('kubectl logs p --tail=2').text).toBe('b\nc');
		expect(s.run('kubectl logs q').text).toBe('Error from server (NotFound): pods "q" not found');
		expect(sandbox('prompt-nologs').run('kubectl logs p').text).toBe('error: container logs are not connected to this prompt yet');
	});
});

describe('linePrompt (the sandbox page’s shape)', () => {
	it('gives the whole output once, and completes from the cluster’s objects', () => {
		const s = sandbox('line-prompt');
		const p = linePrompt(s.c);
		let out: string | undefined;
		p.run('kubectl create deployment web --image=nginx', (o) => (out = o));
		s.settle();
		expect(out).toBe('deployment.apps/web created');
		expect(p.complete('kubectl scale deployment w', 26)).toEqual(['web']);
		expect(p.complete('kubectl logs ', 13)).toEqual(s.c.pods().map((x) => x.metadata.name).sort());
	});
});

describe('an exercise’s path: find why a Pod is Pending and fix it', () => {
	it('every node cordoned: get shows Pending, describe shows the scheduler’s reason, uncordon fixes it', () => {
		const s = sandbox('prompt-pending');
		for (const n of ['node-1', 'node-2', 'node-3']) s.run(`kubectl cordon ${n}`);
		s.run('kubectl create deployment web --image=nginx');
		s.c.cp.sim.queue.runUntil(s.c.cp.sim.now + 5_000);
		const pod = s.c.pods()[0]?.metadata.name ?? '';
		expect(s.run('kubectl get pods').text).toMatch(new RegExp(`\\n${pod} {3}0/1 {5}Pending {3}0 {10}\\d+s$`));
		const described = s.run(`kubectl describe pod ${pod}`).text;
		expect(described).toMatch(/\nNode: +<none>\n/);
		expect(described).toMatch(/\n {2}Warning {2}FailedScheduling {2}\d+s +default-scheduler {2}0\/3 nodes are available: 3 node\(s\) were unschedulable/);
		s.run('kubectl uncordon node-2');
		s.settle();
		expect(s.run('kubectl get pods -o wide').text).toMatch(/ 1\/1 +Running .* node-2 /);
	});
});

describe('a Pod that ignores SIGTERM (busybox): delete waits out the grace period', () => {
	it('get shows Terminating, describe says so as kubectl does, and delete returns once it is gone', () => {
		const s = sandbox('prompt-terminating');
		s.run('kubectl create deployment sleepy --image=busybox');
		s.settle();
		const pod = s.c.pods()[0]?.metadata.name ?? '';
		const del = s.run(`kubectl delete pod ${pod}`, 5_000);
		expect(del.lines).toEqual([`pod "${pod}" deleted from default namespace`]);
		expect(del.code).toBeUndefined();
		expect(s.run(`kubectl get pod ${pod}`).text).toMatch(new RegExp(`\\n${pod} +1/1 +Terminating +0 +\\d+s$`));
		const described = s.run(`kubectl describe pod ${pod}`).text;
		expect(described).toMatch(/\nStatus: +Terminating \(lasts <invalid>\)\nTermination Grace Period: +30s\n/);
		s.c.cp.sim.queue.runUntil(s.c.cp.sim.now + 40_000);
		expect(del.code).toBe(0);
		expect(s.c.pods().map((p) => p.metadata.name)).not.toContain(pod);
	});
});
