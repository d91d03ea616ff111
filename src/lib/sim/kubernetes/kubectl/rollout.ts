// kubectl rollout status|history|undo for Deployments (k8s.io/kubectl/pkg/polymorphichelpers):
// status watches the Deployment and prints DeploymentStatusViewer's lines until it is rolled out;
// history and undo read the Deployment's ReplicaSets and their deployment.kubernetes.io/revision;
// undo PATCHes the Deployment's template back to the chosen ReplicaSet's (without its hash label).
import { equalIgnoreHash, HASH_LABEL, REVISION } from '../controllers/deployment-util';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../types';
import type { RolloutCommand } from './command';
import type { Handled, HandlerContext } from './context';
import { templateLines } from './describe-format';
import { mergeDiff } from './merge';
import { serverError } from './output';
import { tabwrite } from './tabwriter';

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function rolloutStatusLine(d: Deployment): { line: string; done: boolean } {
	const s = d.status ?? {};
	const name = d.metadata.name;
	const want = d.spec.replicas ?? 1;
	if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { line: 'Waiting for deployment spec update to be observed...', done: false };
	if (s.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) return { line: `error: deployment "${name}" exceeded its progress deadline`, done: true };
	const updated = s.updatedReplicas ?? 0;
	if (updated < want) return { line: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`, done: false };
	if ((s.replicas ?? 0) > updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`, done: false };
	if ((s.availableReplicas ?? 0) < updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false };
	return { line: `deployment "${name}" successfully rolled out`, done: true };
}

const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? NaN);

/** GET the Deployment, LIST the namespace's ReplicaSets, keep the ones it controls. */
function withReplicaSets(cmd: RolloutCommand, ctx: HandlerContext, then: (d: Deployment, owned: ReplicaSet[]) => void): void {
	const fail = (e: Parameters<typeof serverError>[0]) => (ctx.term.err(serverError(e)), ctx.term.done(1));
	ctx.client.get('Deployment', { name: cmd.name, namespace: cmd.namespace }, {
		done: (g) => {
			if (!g.ok) return fail(g);
			const d = g.object;
			ctx.client.list('ReplicaSet', {
				namespace: cmd.namespace,
				labelSelector: Object.entries(d.spec.selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
				done: (l) => (l.ok ? then(d, l.items.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid))) : fail(l))
			});
		}
	});
}

export function rollout(cmd: RolloutCommand, ctx: HandlerContext): Handled {
	const { term } = ctx;
	if (cmd.action === 'status') {
		let last = '';
		let finished = false;
		const handle = ctx.client.watch('Deployment', {
			namespace: cmd.namespace,
			fieldSelector: `metadata.name=${cmd.name}`,
			onEvent: ({ type, object }) => {
				if (finished) return;
				if (type === 'DELETED') return finish(`error: deployment "${cmd.name}" was deleted`, 1);
				const { line, done } = rolloutStatusLine(object);
				if (done) return finish(line, line.startsWith('error:') ? 1 : 0);
				if (line !== last) term.out((last = line));
			},
			onSynced: () => {
				if (!finished && last === '') finish(`Error from server (NotFound): deployments.apps "${cmd.name}" not found`, 1);
			},
			onError: (e) => finish(serverError(e), 1)
		});
		function finish(line: string, code: 0 | 1) {
			finished = true;
			handle.stop();
			if (code) term.err(line);
			else term.out(line);
			term.done(code);
		}
		return handle;
	}
	withReplicaSets(cmd, ctx, (d, owned) => {
		const byRevision = owned.filter((rs) => Number.isFinite(revisionOf(rs))).sort((a, b) => revisionOf(a) - revisionOf(b));
		if (cmd.action === 'history') return history(cmd, ctx, byRevision);
		undo(cmd, ctx, d, byRevision);
	});
}

function history(cmd: RolloutCommand, ctx: HandlerContext, byRevision: ReplicaSet[]): void {
	const { term } = ctx;
	if (cmd.revision) {
		const rs = byRevision.find((r) => revisionOf(r) === cmd.revision);
		if (!rs) return (term.err(`error: unable to find the specified revision`), term.done(1));
		term.out(tabwrite([`deployment.apps/${cmd.name} with revision #${cmd.revision}`, ...templateLines(withoutHash(rs.spec.template))].join('\n')));
		return term.done(0);
	}
	if (byRevision.length === 0) return (term.out('No rollout history found.'), term.done(0));
	// tabwriter with padding 2 here (kubectl's tabbedString), not the 3 of get's tables.
	const cause = (rs: ReplicaSet) => rs.spec.template.metadata?.annotations?.['kubernetes.io/change-cause'] ?? '<none>';
	term.out([`deployment.apps/${cmd.name} `, 'REVISION  CHANGE-CAUSE', ...byRevision.map((rs) => `${String(revisionOf(rs)).padEnd(10)}${cause(rs)}`), ''].join('\n'));
	term.done(0);
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
	const { [HASH_LABEL]: _hash, ...labels } = t.metadata?.labels ?? {};
	return { ...t, metadata: { ...t.metadata, labels } };
}

/** rsForRevision (revision 0: the newest but one), then a PATCH of the template, as DeploymentRollbacker does. */
function undo(cmd: RolloutCommand, ctx: HandlerContext, d: Deployment, byRevision: ReplicaSet[]): void {
	const { term } = ctx;
	if (d.spec.paused) return (term.err(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`), term.done(1));
	const target = cmd.revision ? byRevision.find((rs) => revisionOf(rs) === cmd.revision) : byRevision.at(-2);
	if (!target) return (term.err(cmd.revision ? `error: unable to find specified revision ${cmd.revision} in history` : `error: no rollout history found for deployment "${cmd.name}"`), term.done(1));
	if (equalIgnoreHash(target.spec.template, d.spec.template)) return (term.out(`deployment.apps/${cmd.name} skipped rollback (current template already matches revision ${revisionOf(target)})`), term.done(0));
	const patch = { spec: { template: mergeDiff(d.spec.template, withoutHash(target.spec.template)) } };
	ctx.client.patch('Deployment', { name: cmd.name, namespace: cmd.namespace }, patch, {
		note: `template of revision ${revisionOf(target)}`,
		done: (r) => (r.ok ? (term.out(`deployment.apps/${cmd.name} rolled back`), term.done(0)) : (term.err(serverError(r)), term.done(1)))
	});
}
