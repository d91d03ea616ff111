// The sandbox's kubectl: the full prompt of src/lib/sim/kubernetes/kubectl/ (every verb the sandbox
// supports, kubectl's output), speaking as the cluster admin so cordon and drain work, with
// `kubectl logs` connected to the API server's pods/log (which asks the Pod's node's kubelet).
import type { Cluster } from '$lib/sim/kubernetes/cluster/cluster';
import { linePrompt, serverError, type LogsSource } from '$lib/sim/kubernetes/kubectl';
import type { KubectlPrompt } from './prompt';

const WATCH = /^\s*kubectl\s+get\b.*\s(-w|--watch(=\S*)?|--watch-only(=\S*)?)(\s|$)/;

export function fullPrompt(c: Cluster): KubectlPrompt {
	const client = c.cp.client('kubectl');
	// Inside the command's own action, so the GET and the kubelet call it causes trace back to the line typed.
	const logs: LogsSource = (req, done) =>
		client.logs(
			{ namespace: req.namespace, name: req.pod },
			{ done: (r) => done(r.ok ? { ok: true, text: r.lines.join('\n') } : { ok: false, message: serverError(r) }) }
		);
	const prompt = linePrompt(c, { client, logs });
	return {
		run(line, done) {
			// A watch never ends, and this prompt prints a command's output when it ends.
			if (WATCH.test(line)) return done('error: kubectl get -w is not supported at this prompt: the Cluster tab shows the tables as the clock runs.');
			prompt.run(line, done);
		},
		complete: prompt.complete
	};
}
